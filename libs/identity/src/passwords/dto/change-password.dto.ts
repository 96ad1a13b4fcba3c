import { ChangePasswordRequest, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PasswordField } from '../../validation/field-rules';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @PasswordField('currentPassword', 1, 1024)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @PasswordField('newPassword', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword: string;
}
