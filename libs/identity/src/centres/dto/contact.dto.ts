import { CentreContact, CreateContactRequest, Page, UpdateContactRequest } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateOfBirthField, EmailField, RequiredText } from '../../validation/field-rules';

export class CreateContactDto implements CreateContactRequest {
  @ApiProperty({ maxLength: 100 })
  @RequiredText('firstName', 100)
  firstName: string;

  @ApiProperty({ maxLength: 100 })
  @RequiredText('lastName', 100)
  lastName: string;

  @ApiProperty()
  @EmailField('email')
  email: string;

  @ApiProperty({ format: 'date', example: '1980-01-31' })
  @DateOfBirthField('dateOfBirth')
  dateOfBirth: string;
}

export class UpdateContactDto implements UpdateContactRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @RequiredText('firstName', 100, { partial: true })
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @RequiredText('lastName', 100, { partial: true })
  lastName?: string;

  @ApiPropertyOptional()
  @EmailField('email', { partial: true })
  email?: string;

  @ApiPropertyOptional({ format: 'date' })
  @DateOfBirthField('dateOfBirth', { partial: true })
  dateOfBirth?: string;
}

export class CentreContactDto implements CentreContact {
  @ApiProperty() id: number;
  @ApiProperty() centreId: number;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContactPageDto implements Page<CentreContactDto> {
  @ApiProperty({ type: [CentreContactDto] }) items: CentreContactDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
