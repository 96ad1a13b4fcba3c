import { CentreDetail, CentreSummary, CreateCentreRequest, Page, UpdateCentreRequest } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  LimitField,
  RawTextField,
  rule,
  CentreNumberField,
  CountryField,
  EmailField,
  OptionalText,
  PostcodeField,
  RequiredText,
} from '../../validation/field-rules';

export class CreateCentreDto implements CreateCentreRequest {
  @ApiProperty({ example: 'C10001', maxLength: 16 })
  @CentreNumberField('number')
  number: string;

  @ApiProperty({ example: 'Northfield College', maxLength: 200 })
  @RequiredText('name', 200)
  name: string;

  @ApiProperty({ example: 'centres@northfield.example' })
  @EmailField('centralEmail')
  centralEmail: string;

  @ApiProperty({ maxLength: 200 })
  @RequiredText('addressLine1', 200)
  addressLine1: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @OptionalText('addressLine2', 200)
  addressLine2?: string | null;

  @ApiProperty({ maxLength: 100 })
  @RequiredText('town', 100)
  town: string;

  @ApiProperty({ example: 'LS1 1AA' })
  @PostcodeField('postcode')
  postcode: string;

  @ApiPropertyOptional({ example: 'GB', default: 'GB' })
  @CountryField('country', { partial: true })
  country?: string;
}

export class UpdateCentreDto implements UpdateCentreRequest {
  @ApiPropertyOptional({ maxLength: 16 })
  @CentreNumberField('number', { partial: true })
  number?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @RequiredText('name', 200, { partial: true })
  name?: string;

  @ApiPropertyOptional()
  @EmailField('centralEmail', { partial: true })
  centralEmail?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @RequiredText('addressLine1', 200, { partial: true })
  addressLine1?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @OptionalText('addressLine2', 200)
  addressLine2?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @RequiredText('town', 100, { partial: true })
  town?: string;

  @ApiPropertyOptional()
  @PostcodeField('postcode', { partial: true })
  postcode?: string;

  @ApiPropertyOptional()
  @CountryField('country', { partial: true })
  country?: string;
}

export class CentreSummaryDto implements CentreSummary {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
  @ApiProperty() centralEmail: string;
  @ApiProperty() town: string;
  @ApiProperty() postcode: string;
}

export class CentreDetailDto extends CentreSummaryDto implements CentreDetail {
  @ApiProperty() addressLine1: string;
  @ApiProperty({ type: String, nullable: true }) addressLine2: string | null;
  @ApiProperty() country: string;
  @ApiProperty() contactCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CentrePageDto implements Page<CentreSummaryDto> {
  @ApiProperty({ type: [CentreSummaryDto] }) items: CentreSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CentreListQueryDto {
  @ApiPropertyOptional({ description: 'part of the name, or the start of the number' })
  @IsOptional()
  @RawTextField('q', 0, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @rule('cursor', (v) => (typeof v === 'string' && /^[A-Z0-9-]{1,16}$/.test(v) ? null : 'cursor must be the nextCursor of a previous page'))
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @LimitField('limit', 200)
  limit?: number;
}
