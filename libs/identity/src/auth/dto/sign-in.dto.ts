import { SignInRequest } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { EmailField, RawTextField } from '../../validation/field-rules';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'centre@achievement.test' })
  @EmailField('email')
  email: string;

  @ApiProperty({ example: 'demo-portal-2026' })
  @RawTextField('password', 1, 1024)
  password: string;
}
