import { AcceptedResponse } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The 202 answer of a registration or a request. The same schema, by the same name, as identity's
 * AcceptedResponseDto (libs/identity/src/dto/accepted.response.ts), which @achievement/identity does
 * not export: the document holds one AcceptedResponseDto (@nestjs/swagger warns if the two differ).
 * Import identity's instead once its index.ts exports it.
 */
export class AcceptedResponseDto implements AcceptedResponse {
  @ApiProperty() message: string;
}
