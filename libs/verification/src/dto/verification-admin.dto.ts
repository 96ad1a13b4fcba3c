import {
  DocumentDisplayRequest,
  QualificationDisplayRequest,
  QualificationSummary,
  VERIFICATION_METHODS,
  VerificationLogEntry,
  VerificationMethod,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value);

export class VerificationLogQueryDto {
  @ApiPropertyOptional({
    description: 'the verifications of this document only',
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'documentId must be the id of a document' })
  @Min(1, { message: 'documentId must be the id of a document' })
  documentId?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{13}\.\d{1,20}$/, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}

class LoggedDocumentDto {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty() learnerName: string;
}

export class VerificationLogEntryDto implements VerificationLogEntry {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'ISO time' }) at: string;
  @ApiProperty({ enum: VERIFICATION_METHODS }) method: VerificationMethod;
  @ApiProperty({
    description: 'browser family and platform, and the address truncated to /24 or /48',
  })
  client: string;
  @ApiProperty({ description: 'identical verifications (same document, way and client) within one second are one row' })
  hits: number;
  @ApiProperty({
    type: LoggedDocumentDto,
    nullable: true,
    description: 'null when the code or file matched no document',
  })
  document: LoggedDocumentDto | null;
}

export class VerificationLogPageDto {
  @ApiProperty({ type: [VerificationLogEntryDto] })
  items: VerificationLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class QualificationListQueryDto {
  @ApiPropertyOptional({
    description: 'the start of a code, or a word of a title',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(16, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}

export class QualificationSummaryDto implements QualificationSummary {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() displayOnVerify: boolean;
}

export class QualificationPageDto {
  @ApiProperty({ type: [QualificationSummaryDto] })
  items: QualificationSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class QualificationDisplayDto implements QualificationDisplayRequest {
  @ApiProperty({
    description: 'documents of the qualification are shown on their verification page (unless a document overrides it)',
  })
  @IsBoolean({ message: 'displayOnVerify must be true or false' })
  displayOnVerify: boolean;
}

export class DocumentDisplayDto implements DocumentDisplayRequest {
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'null follows the qualification',
  })
  @ValidateIf((o: DocumentDisplayDto) => o.displayOnVerify !== null)
  @IsBoolean({ message: 'displayOnVerify must be true, false or null' })
  displayOnVerify: boolean | null;
}
