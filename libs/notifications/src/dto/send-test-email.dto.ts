import { SendTestEmailRequest } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class SendTestEmailDto implements SendTestEmailRequest {
  @ApiProperty({ example: 'you@example.org' })
  @MaxLength(320, { message: 'to must be at most 320 characters' })
  @IsEmail({}, { message: 'to must be an email address' })
  to: string;
}
