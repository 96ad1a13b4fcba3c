import { AcceptedResponse, MessageResponse } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class AcceptedResponseDto implements AcceptedResponse {
  @ApiProperty() message: string;
}

export class MessageResponseDto implements MessageResponse {
  @ApiProperty() message: string;
}
