import { DOWNLOAD_PURPOSES, DOWNLOAD_STATUSES, DownloadPage, DownloadPurpose, DownloadStatus, DownloadSummary } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DownloadSummaryDto implements DownloadSummary {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DOWNLOAD_PURPOSES }) purpose: DownloadPurpose;
  @ApiProperty({ type: String, nullable: true }) purposeDetail: string | null;
  @ApiProperty() includeManifest: boolean;
  @ApiProperty({ description: 'name of the member of staff who asked for it' })
  requestedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() documentCount: number;
  @ApiProperty({ description: 'documents written to the zip so far' })
  processedCount: number;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ enum: DOWNLOAD_STATUSES }) status: DownloadStatus;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readyAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  expiresAt: string | null;
}

export class DownloadPageDto implements DownloadPage {
  @ApiProperty({ type: [DownloadSummaryDto] }) items: DownloadSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DownloadListQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(100, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;
}
