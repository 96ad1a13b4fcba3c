import { UpdateProfileRequest } from '@achievement/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CountryField, OptionalText, PhoneField, PostcodeField, RequiredText } from '../../validation/field-rules';

/** Every field optional; null clears an optional field. Email, role and centre cannot be changed here. */
export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @RequiredText('firstName', 100, { partial: true })
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @RequiredText('lastName', 100, { partial: true })
  lastName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32 })
  @PhoneField('phone', { optional: true })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @OptionalText('jobTitle', 100)
  jobTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @OptionalText('addressLine1', 200)
  addressLine1?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @OptionalText('addressLine2', 200)
  addressLine2?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @OptionalText('town', 100)
  town?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 16 })
  @PostcodeField('postcode', { nullable: true })
  postcode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2, e.g. GB' })
  @CountryField('country', { nullable: true })
  country?: string | null;
}
