import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, RegisterRequest } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { CentreNumberField, DateOfBirthField, EmailField, PasswordField, PhoneField, RequiredText } from '../../validation/field-rules';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'Ada', maxLength: 100 })
  @RequiredText('firstName', 100)
  firstName: string;

  @ApiProperty({ example: 'Lovelace', maxLength: 100 })
  @RequiredText('lastName', 100)
  lastName: string;

  @ApiProperty({ example: 'ada@college.example', maxLength: 320 })
  @EmailField('email')
  email: string;

  @ApiProperty({ example: '1985-04-23', format: 'date' })
  @DateOfBirthField('dateOfBirth')
  dateOfBirth: string;

  @ApiProperty({ example: 'C10001', maxLength: 16 })
  @CentreNumberField('centreNumber')
  centreNumber: string;

  @ApiProperty({ example: '+44 113 496 0000', maxLength: 32 })
  @PhoneField('phone')
  phone: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'not a common password, not the email, not containing the name' })
  @PasswordField('password', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}
