import {
  ACCESS_PERIODS,
  AccessPeriod,
  AcceptConnectionRequest,
  AddConnectionRequest,
  ConnectionRequestInput,
  UpdateConnectionRequest,
} from '@achievement/contracts';
import { DateOfBirthField, EmailField, OptionalText, RequiredText } from '@achievement/identity';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

/** The most documents one connection shares. */
export const MAX_SHARED_DOCUMENTS = 100;

/** The rules of a list of document ids to share; with `optional`, absent is fine (a PATCH). */
function SharedDocumentIds(optional = false): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [Number], minItems: 1, maxItems: MAX_SHARED_DOCUMENTS, required: !optional, description: 'ids of your own documents' }),
    ...(optional ? [IsOptional()] : []),
    IsArray({ message: 'documentIds must be a list of document ids' }),
    ArrayMinSize(1, { message: 'Choose at least one document to share.' }),
    ArrayMaxSize(MAX_SHARED_DOCUMENTS, { message: `At most ${MAX_SHARED_DOCUMENTS} documents can be shared at once.` }),
    IsInt({ each: true, message: 'documentIds must hold document ids (whole numbers)' }),
    Min(1, { each: true, message: 'documentIds must hold document ids (whole numbers)' }),
    Max(4294967295, { each: true, message: 'documentIds must hold document ids (whole numbers)' }),
  );
}

export class AccessLengthDto {
  @ApiProperty({ enum: ACCESS_PERIODS })
  @IsIn(ACCESS_PERIODS, { message: `Choose how long access lasts: ${ACCESS_PERIODS.join(', ')}.` })
  period: AccessPeriod;

  @ApiPropertyOptional({ format: 'date', description: 'required when period is "date": the last day of access' })
  @ValidateIf((o: AccessLengthDto) => o.period === 'date' || o.until !== undefined)
  @IsString({ message: 'Give the date access ends (YYYY-MM-DD).' })
  until?: string;
}

/** Documents to share, and for how long (accepting a request). */
export class AcceptConnectionDto extends AccessLengthDto implements AcceptConnectionRequest {
  @SharedDocumentIds()
  documentIds: number[];
}

export class AddConnectionDto extends AcceptConnectionDto implements AddConnectionRequest {
  @ApiProperty({ example: 'Grace Hopper', maxLength: 100 })
  @RequiredText('name', 100)
  name: string;

  @ApiProperty({ example: 'grace@employer.example' })
  @EmailField('email')
  email: string;
}

export class UpdateConnectionDto implements UpdateConnectionRequest {
  @SharedDocumentIds(true)
  documentIds?: number[];

  @ApiPropertyOptional({ type: AccessLengthDto, description: 'a new length of access, counted from now' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccessLengthDto)
  access?: AccessLengthDto;
}

export class ConnectionRequestDto implements ConnectionRequestInput {
  @ApiPropertyOptional({ example: 'priya@learners.example' })
  @ValidateIf((o: ConnectionRequestDto) => o.learnerEmail !== undefined || o.enrolmentNumber === undefined)
  @EmailField('learnerEmail')
  learnerEmail?: string;

  @ApiPropertyOptional({ example: 'L0001234', maxLength: 20 })
  @ValidateIf((o: ConnectionRequestDto) => o.learnerEmail === undefined)
  @RequiredText('enrolmentNumber', 20)
  enrolmentNumber?: string;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((o: ConnectionRequestDto) => o.learnerEmail === undefined)
  @DateOfBirthField('dateOfBirth')
  dateOfBirth?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalText('message', 500)
  message?: string;
}
