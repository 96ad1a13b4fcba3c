import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ResetPasswordRequest } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PasswordField, RawTextField } from '../../validation/field-rules';

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'the token from the link in the reset email' })
  @RawTextField('token', 1, 200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @PasswordField('password', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}
