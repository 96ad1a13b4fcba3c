import {
  AddReportNoteRequest,
  ChangeReportStatusRequest,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  Page,
  REPORT_ENTRY_KINDS,
  REPORT_REASONS,
  REPORT_STATUSES,
  ReissueDocumentRequest,
  ReplyToReportRequest,
  ReportEntry,
  ReportEntryKind,
  ReportReason,
  ReportStatus,
  RevokeDocumentRequest,
  TriageReportDetail,
  TriageReportSummary,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateIf } from 'class-validator';
import { isCalendarDate, OneOf, OptionalId, OptionalPrintedLine, RequiredText, rule } from '../../records/dto/field-rules';
import { CONTROL_CHARACTERS } from '@achievement/platform';
import { unprintableProblem } from '../../rendering/printable-text';
import { IdPageQueryDto, ReportDetailsDto } from '../../reports/dto/reports.dto';
import { DocumentDetailDto } from '../../viewer/dto/document-detail.dto';

const NOTE_MAX_LENGTH = 5000;

export class TriageListQueryDto extends IdPageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @OneOf('status', REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_REASONS })
  @OneOf('reason', REPORT_REASONS)
  reason?: ReportReason;

  @ApiPropertyOptional({ description: 'reports of this centre only' })
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value))
  @OptionalId('centreId', 'a centre')
  centreId?: number;

  @ApiPropertyOptional({ description: 'reports made more than this many days ago', minimum: 0, maximum: 3650 })
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @ValidateIf((o: TriageListQueryDto) => o.olderThanDays !== undefined)
  @rule('days', (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650 ? null : 'olderThanDays must be a whole number of days from 0 to 3650',
  )
  olderThanDays?: number;

  @ApiPropertyOptional({ description: 'only reports assigned to me' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @ValidateIf((o: TriageListQueryDto) => o.assignedToMe !== undefined)
  @rule('boolean', (v) => (typeof v === 'boolean' ? null : 'assignedToMe must be true or false'))
  assignedToMe?: boolean;
}

class TriageCentreDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

class TriageDocumentDto {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty() learnerName: string;
  @ApiProperty() qualificationCode: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
}

class PersonDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

class UserRefDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class TriageReportSummaryDto implements TriageReportSummary {
  @ApiProperty() id: number;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty({ type: TriageCentreDto }) centre: TriageCentreDto;
  @ApiProperty({ type: TriageDocumentDto }) document: TriageDocumentDto;
  @ApiProperty({ type: PersonDto }) reporter: PersonDto;
  @ApiProperty({ type: UserRefDto, nullable: true }) assignee: UserRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TriageReportPageDto implements Page<TriageReportSummaryDto> {
  @ApiProperty({ type: [TriageReportSummaryDto] }) items: TriageReportSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class ReportEntryDto implements ReportEntry {
  @ApiProperty() id: number;
  @ApiProperty({ enum: REPORT_ENTRY_KINDS }) kind: ReportEntryKind;
  @ApiProperty() text: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) author: UserRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TriageReportDetailDto extends TriageReportSummaryDto implements TriageReportDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: ReportDetailsDto }) details: ReportDetailsDto;
  @ApiProperty({ type: DocumentDetailDto }) documentDetail: DocumentDetailDto;
  @ApiProperty({ type: [ReportEntryDto] }) entries: ReportEntryDto[];
}

export class ChangeReportStatusDto implements ChangeReportStatusRequest {
  @ApiProperty({ enum: REPORT_STATUSES })
  @OneOf('status', REPORT_STATUSES, { required: true })
  status: ReportStatus;
}

export class ReportTextDto implements AddReportNoteRequest, ReplyToReportRequest {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @RequiredText('text', NOTE_MAX_LENGTH, { multiline: true })
  text: string;
}

class DocumentUnitInputDto {
  code: string | null;
  title: string;
}

function unitsProblem(v: unknown): string | null {
  if (!Array.isArray(v) || v.length > 100) return 'units must be a list of at most 100 units';
  for (const u of v) {
    if (!u || typeof u !== 'object') return 'each unit must be { code, title }';
    const { code, title } = u as Record<string, unknown>;
    if (typeof title !== 'string' || title.trim().length < 1 || title.length > 255) return 'each unit needs a title of 1 to 255 characters';
    if (code !== null && code !== undefined && (typeof code !== 'string' || code.length > 32))
      return 'a unit code must be text of at most 32 characters, or null';
    const printed = `${typeof code === 'string' ? code : ''} ${title}`;
    if (CONTROL_CHARACTERS.test(printed)) return 'units must not contain control characters';
    const unprintable = unprintableProblem('units', printed);
    if (unprintable) return unprintable;
  }
  return null;
}

export class ReissueDocumentDto implements ReissueDocumentRequest {
  @ApiPropertyOptional({ maxLength: 100 }) @OptionalPrintedLine('firstName', 100) firstName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @OptionalPrintedLine('lastName', 100) lastName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @rule('dateOfBirth', (v) => (isCalendarDate(v) && v >= '1900-01-01' ? null : 'dateOfBirth must be a real date written YYYY-MM-DD'))
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: '603/7506/5' })
  @IsOptional()
  @rule('qualificationCode', (v) => (typeof v === 'string' && /^\d{3}\/\d{4}\/[0-9X]$/.test(v) ? null : 'qualificationCode must look like 603/7506/5'))
  qualificationCode?: string;

  @ApiPropertyOptional({ maxLength: 255 }) @OptionalPrintedLine('qualificationTitle', 255) qualificationTitle?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @OneOf('documentType', DOCUMENT_TYPES)
  documentType?: DocumentType;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 })
  @ValidateIf((o: ReissueDocumentDto) => o.grade !== undefined && o.grade !== null)
  @rule('grade', (v) =>
    typeof v === 'string' && v.trim().length >= 1 && v.length <= 40
      ? CONTROL_CHARACTERS.test(v)
        ? 'grade must not contain control characters'
        : unprintableProblem('grade', v)
      : 'grade must be text of 1 to 40 characters, or null',
  )
  grade?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @rule('awardDate', (v) => (isCalendarDate(v) ? null : 'awardDate must be a real date written YYYY-MM-DD'))
  awardDate?: string;

  @ApiPropertyOptional({ type: [DocumentUnitInputDto] })
  @IsOptional()
  @rule('units', unitsProblem)
  units?: { code: string | null; title: string }[];

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'what was wrong (audit log and report history)' })
  @RequiredText('reason', 500, { multiline: true })
  reason: string;

  @ApiPropertyOptional({ description: 'the report this correction answers' })
  @OptionalId('reportId', 'a report')
  reportId?: number;
}

export class RevokeDocumentDto implements RevokeDocumentRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @RequiredText('reason', 500, { multiline: true })
  reason: string;

  @ApiPropertyOptional({ description: 'the report this revocation answers' })
  @OptionalId('reportId', 'a report')
  reportId?: number;
}
