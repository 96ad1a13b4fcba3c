import { DOCUMENT_STATUSES, DocumentDetail, DocumentStatus } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RecordRowDto } from '../../records/dto/records.dto';

class DocumentCentreDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

class DocumentUnitDto {
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() title: string;
}

class DocumentVersionDto {
  @ApiProperty() id: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
}

export class DocumentDetailDto extends RecordRowDto implements DocumentDetail {
  @ApiProperty({ type: DocumentCentreDto }) centre: DocumentCentreDto;
  @ApiProperty({ format: 'date' }) learnerDateOfBirth: string;
  @ApiProperty({ type: [DocumentUnitDto] }) units: DocumentUnitDto[];
  @ApiProperty({ type: [DocumentVersionDto], description: 'every version of this document, oldest first' }) versions: DocumentVersionDto[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({ description: 'the PDF is rendered and stored' }) fileReady: boolean;
}
