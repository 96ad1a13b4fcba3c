import {
  Page,
  REPORT_DESCRIPTION_MAX_LENGTH,
  REPORT_REASONS,
  REPORT_STATUSES,
  ReportDetails,
  ReportIssueRequest,
  ReportReason,
  ReportStatus,
  ReportSummary,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LimitField, OneOf, RequiredText, rule } from '../../records/dto/field-rules';

export class ReportIssueDto implements ReportIssueRequest {
  @ApiProperty({ enum: REPORT_REASONS, description: 'Issue reason' })
  @OneOf('reason', REPORT_REASONS, { required: true })
  reason: ReportReason;

  @ApiProperty({ maxLength: REPORT_DESCRIPTION_MAX_LENGTH, description: 'Issue description' })
  @RequiredText('description', REPORT_DESCRIPTION_MAX_LENGTH, { multiline: true })
  description: string;
}

export class ReportDetailsDto implements ReportDetails {
  @ApiProperty() reporterName: string;
  @ApiProperty() reporterEmail: string;
  @ApiProperty() enrolmentNumber: string;
  @ApiProperty({ example: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance' }) qualification: string;
}

class ReportDocumentDto {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty() learnerName: string;
  @ApiProperty() qualificationCode: string;
}

class ReportReplyDto {
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

export class ReportSummaryDto implements ReportSummary {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'R000123' }) reference: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty() description: string;
  @ApiProperty({ type: ReportDetailsDto }) details: ReportDetailsDto;
  @ApiProperty({ type: ReportDocumentDto }) document: ReportDocumentDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ReportReplyDto] }) replies: ReportReplyDto[];
}

export class ReportPageDto implements Page<ReportSummaryDto> {
  @ApiProperty({ type: [ReportSummaryDto] }) items: ReportSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Keyset paging by id: ?cursor=<nextCursor of the previous page>&limit=. */
export class IdPageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @rule('cursor', (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? null : 'cursor must be the nextCursor of a previous page'))
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @LimitField('limit', 200)
  limit?: number;
}

export class ReportListQueryDto extends IdPageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @OneOf('status', REPORT_STATUSES)
  status?: ReportStatus;
}
