import { LearnerRegistrationRequest, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ThirdPartyRegistrationRequest } from '@achievement/contracts';
import { DateOfBirthField, EmailField, OptionalText, PasswordField, RequiredText } from '@achievement/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LearnerRegistrationDto implements LearnerRegistrationRequest {
  @ApiProperty({ example: 'L0001234', maxLength: 20, description: 'as printed on the documents' })
  @RequiredText('enrolmentNumber', 20)
  enrolmentNumber: string;

  @ApiProperty({ example: '2003-09-21', format: 'date' })
  @DateOfBirthField('dateOfBirth')
  dateOfBirth: string;

  @ApiProperty({ example: 'priya@learners.example', maxLength: 320 })
  @EmailField('email')
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'not a common password, not the email, not containing the name' })
  @PasswordField('password', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}

export class ThirdPartyRegistrationDto implements ThirdPartyRegistrationRequest {
  @ApiProperty({ example: 'Grace', maxLength: 100 })
  @RequiredText('firstName', 100)
  firstName: string;

  @ApiProperty({ example: 'Hopper', maxLength: 100 })
  @RequiredText('lastName', 100)
  lastName: string;

  @ApiPropertyOptional({ example: 'Garage Ltd', maxLength: 200, nullable: true })
  @OptionalText('organisation', 200)
  organisation?: string;

  @ApiProperty({ example: 'grace@employer.example', maxLength: 320 })
  @EmailField('email')
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @PasswordField('password', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}
