import { ForgotPasswordRequest, ResendVerificationRequest } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { EmailField } from '../validation/field-rules';

/** The body of resend-verification and forgot-password: just an email address. */
export class EmailOnlyDto implements ResendVerificationRequest, ForgotPasswordRequest {
  @ApiProperty({ example: 'ada@college.example' })
  @EmailField('email')
  email: string;
}
