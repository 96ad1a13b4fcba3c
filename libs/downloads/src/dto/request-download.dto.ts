import { DOWNLOAD_PURPOSES, DownloadPurpose, RequestDownloadRequest } from '@achievement/contracts';
import { RecordSelectionDto } from '@achievement/documents';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /api/downloads: a zip of a Records selection, or of every document of one job. */
export class RequestDownloadDto implements Omit<RequestDownloadRequest, 'selection'> {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    description: 'becomes the zip file name (cleaned)',
    example: 'Audit July 2025',
  })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @IsNotEmpty({ message: 'Give the download a name.' })
  @MaxLength(100, { message: 'name may be at most 100 characters' })
  name: string;

  @ApiProperty({ enum: DOWNLOAD_PURPOSES })
  @IsIn(DOWNLOAD_PURPOSES, {
    message: `purpose must be one of ${DOWNLOAD_PURPOSES.join(', ')}`,
  })
  purpose: DownloadPurpose;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    description: 'required when purpose is "other"',
  })
  @Transform(trim)
  @ValidateIf((o: RequestDownloadDto) => o.purpose === 'other' || o.purposeDetail !== undefined)
  @IsString({ message: 'purposeDetail must be text' })
  @IsNotEmpty({ message: 'Say what the documents are for.' })
  @MaxLength(500, { message: 'purposeDetail may be at most 500 characters' })
  purposeDetail?: string;

  @ApiProperty({ description: 'add manifest.csv (one row per document)' })
  @IsBoolean({ message: 'includeManifest must be true or false' })
  includeManifest: boolean;

  @ApiPropertyOptional({
    type: RecordSelectionDto,
    description: 'the Records selection (or give jobId)',
  })
  @ValidateIf((o: RequestDownloadDto) => o.selection !== undefined || o.jobId === undefined)
  @IsObject({ message: 'Give either a selection of records or a jobId.' })
  @ValidateNested()
  @Type(() => RecordSelectionDto)
  selection?: RecordSelectionDto;

  @ApiPropertyOptional({
    description: 'every document of this job (or give selection)',
  })
  @IsOptional()
  @IsInt({ message: 'jobId must be a whole number' })
  @Min(1, { message: 'jobId must be a positive whole number' })
  @Max(4294967295, { message: 'jobId is too large' })
  jobId?: number;
}
