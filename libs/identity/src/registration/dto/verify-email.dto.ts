import { VerificationOutcome, VerifyEmailRequest, VerifyEmailResponse } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RawTextField } from '../../validation/field-rules';

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty({ description: 'the token from the link in the verification email' })
  @RawTextField('token', 1, 200)
  token: string;
}

export class VerifyEmailResponseDto implements VerifyEmailResponse {
  @ApiProperty({ enum: ['active', 'awaiting_review'] }) outcome: VerificationOutcome;
  @ApiProperty() message: string;
}
