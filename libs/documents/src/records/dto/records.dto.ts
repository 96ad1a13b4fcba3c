import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  MAX_SELECTION,
  Page,
  RECORD_SORTS,
  RecordCount,
  RecordFilter,
  RecordQuery,
  RecordRow,
  RecordSort,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { IdList, LimitField, OneOf, OptionalDate, OptionalLine, rule } from './field-rules';

export class RecordFilterDto implements RecordFilter {
  @ApiPropertyOptional({ description: 'learner name: every word is the start of one of the names, in any order ("smi jo" finds John Smith)', maxLength: 100 })
  @OptionalLine('name', 100)
  name?: string;

  @ApiPropertyOptional({ description: 'exact enrolment number', example: '0002124', maxLength: 20 })
  @OptionalLine('enrolmentNumber', 20)
  enrolmentNumber?: string;

  @ApiPropertyOptional({ description: 'a qualification code (exact, e.g. 603/7506/5) or words of its title', maxLength: 255 })
  @OptionalLine('qualification', 255)
  qualification?: string;

  @ApiPropertyOptional({ description: 'exact job number', example: 'J0000123', maxLength: 20 })
  @OptionalLine('jobNumber', 20)
  jobNumber?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @OneOf('type', DOCUMENT_TYPES)
  type?: DocumentType;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @OneOf('status', DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ format: 'date', description: 'issued on or after this day (UTC)' })
  @OptionalDate('issuedFrom')
  issuedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'issued on or before this day (UTC)' })
  @OptionalDate('issuedTo')
  issuedTo?: string;
}

export class RecordQueryDto extends RecordFilterDto implements RecordQuery {
  @ApiPropertyOptional({ enum: RECORD_SORTS, default: 'issued_desc' })
  @OneOf('sort', RECORD_SORTS)
  sort?: RecordSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (same filters and sort)' })
  @IsOptional()
  @rule('cursor', (v) => (typeof v === 'string' && v.length >= 1 && v.length <= 1000 ? null : 'cursor must be the nextCursor of a previous page'))
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @LimitField('limit', 200)
  limit?: number;
}

class RecordLearnerDto {
  @ApiProperty() id: number;
  @ApiProperty() enrolmentNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the learner gave an email address (Notify learners can reach them)' }) hasEmail: boolean;
}

class RecordQualificationDto {
  @ApiProperty({ example: '603/7506/5' }) code: string;
  @ApiProperty() title: string;
}

class RecordJobDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
}

export class RecordRowDto implements RecordRow {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty() version: number;
  @ApiProperty({ type: RecordLearnerDto }) learner: RecordLearnerDto;
  @ApiProperty({ type: RecordQualificationDto }) qualification: RecordQualificationDto;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ format: 'date' }) awardDate: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: RecordJobDto }) job: RecordJobDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastNotifiedAt: string | null;
  @ApiProperty({ description: 'reports on this document that are not resolved or rejected' }) openReportCount: number;
}

export class RecordPageDto implements Page<RecordRowDto> {
  @ApiProperty({ type: [RecordRowDto] }) items: RecordRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RecordCountDto implements RecordCount {
  @ApiProperty() total: number;
}

/** Rows chosen on Records: `ids`, or `filter` (less `exceptIds`): exactly one of ids and filter. */
export class RecordSelectionDto {
  @ApiPropertyOptional({ type: [Number], maxItems: MAX_SELECTION, description: 'the records ticked' })
  @ValidateIf((o: RecordSelectionDto) => o.ids !== undefined || o.filter === undefined)
  @IdList('ids', MAX_SELECTION)
  ids?: number[];

  @ApiPropertyOptional({ type: RecordFilterDto, description: 'every record matching this filter ("select all")' })
  @ValidateIf((o: RecordSelectionDto) => o.filter !== undefined)
  @rule('filterObject', (v) => (v && typeof v === 'object' && !Array.isArray(v) ? null : 'filter must be an object of Records filters'))
  @ValidateNested()
  @Type(() => RecordFilterDto)
  filter?: RecordFilterDto;

  @ApiPropertyOptional({ type: [Number], description: 'with filter: records unticked after "select all"' })
  @IdList('exceptIds', MAX_SELECTION, { optional: true, allowEmpty: true })
  exceptIds?: number[];
}
