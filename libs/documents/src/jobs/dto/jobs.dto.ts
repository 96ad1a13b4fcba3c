import {
  AdminJobDetail,
  AdminJobDocument,
  AdminJobSummary,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  JOB_STATUSES,
  JobStatus,
  JobSummary,
  Page,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class JobSummaryDto implements JobSummary {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'J0000123' }) number: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty() documentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt: string | null;
}

class JobCentreDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

export class AdminJobSummaryDto extends JobSummaryDto implements AdminJobSummary {
  @ApiProperty({ type: JobCentreDto }) centre: JobCentreDto;
  @ApiProperty({
    description: 'documents rendered and stored so far (progress = renderedCount / documentCount)',
  })
  renderedCount: number;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
}

export class AdminJobDetailDto extends AdminJobSummaryDto implements AdminJobDetail {
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  centreNotifiedAt: string | null;
}

export class JobPageDto implements Page<JobSummaryDto> {
  @ApiProperty({ type: [JobSummaryDto] }) items: JobSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AdminJobPageDto implements Page<AdminJobSummaryDto> {
  @ApiProperty({ type: [AdminJobSummaryDto] }) items: AdminJobSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JobPageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,15}\.\d{1,10}$/, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}

export class AdminJobQueryDto extends JobPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'centreId must be a centre id' })
  @Min(1, { message: 'centreId must be a centre id' })
  centreId?: number;

  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES, {
    message: `status must be one of ${JOB_STATUSES.join(', ')}`,
  })
  status?: JobStatus;
}

export class AdminJobDocumentDto implements AdminJobDocument {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'D100000123' }) documentNumber: string;
  @ApiProperty({ description: 'as printed on the document' }) learnerName: string;
  @ApiProperty() enrolmentNumber: string;
  @ApiProperty({ example: '603/7506/5' }) qualificationCode: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'rendered and stored' }) rendered: boolean;
  @ApiProperty({ description: 'the code of its public verification page, /verify/<code>' }) verificationCode: string;
}

export class AdminJobDocumentPageDto implements Page<AdminJobDocumentDto> {
  @ApiProperty({ type: [AdminJobDocumentDto] }) items: AdminJobDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JobDocumentsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,10}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}
