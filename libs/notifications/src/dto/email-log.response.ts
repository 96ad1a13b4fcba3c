import { EMAIL_STATUSES, EmailDetail, EmailStatus, EmailSummary, Page } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class EmailSummaryDto implements EmailSummary {
  @ApiProperty() id: number;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty() template: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

export class EmailDetailDto extends EmailSummaryDto implements EmailDetail {
  @ApiProperty() messageId: string;
  @ApiProperty({ nullable: true, type: String }) html: string | null;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
}

export class EmailPageDto implements Page<EmailSummaryDto> {
  @ApiProperty({ type: [EmailSummaryDto] }) items: EmailSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class QueuedEmailDto {
  @ApiProperty() id: number;
}
