import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  PDF_CHECK_KINDS,
  PdfCheckKind,
  PdfCheckResult,
  VerificationResult,
} from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

class VerifiedQualificationDto {
  @ApiProperty({ example: '603/7506/5' }) code: string;
  @ApiProperty() title: string;
}

class VerifiedCentreDto {
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

/** GET /api/verify/:code: the live status and key facts of a document (public: no ids, no learner DOB or email). */
export class VerificationResultDto implements VerificationResult {
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ISO time the document was revoked',
  })
  revokedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'when superseded: the verification code of the current version',
  })
  currentVersionCode: string | null;
  @ApiProperty() learnerName: string;
  @ApiProperty({ type: VerifiedQualificationDto })
  qualification: VerifiedQualificationDto;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ example: '2025-07-14', format: 'date', description: 'YYYY-MM-DD: a calendar date, not an instant' }) awardDate: string;
  @ApiProperty({ type: VerifiedCentreDto }) centre: VerifiedCentreDto;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ description: 'ISO time' }) issuedAt: string;
  @ApiProperty({ description: 'GET /api/verify/:code/document gives the PDF' })
  displayEnabled: boolean;
}

/** POST /api/verify/pdf: whether an uploaded file is, byte for byte, an issued document, or the centre copy of one. */
export class PdfCheckResultDto implements PdfCheckResult {
  @ApiProperty({
    enum: PDF_CHECK_KINDS,
    description: 'genuine: the issued document itself; centre-copy: the stamped copy centre staff view and download (not the document); not-issued: neither',
  })
  kind: PdfCheckKind;
  @ApiProperty({ description: 'true only when kind is genuine' }) genuine: boolean;
  @ApiProperty({
    type: VerificationResultDto,
    nullable: true,
    description: 'the facts and live status of the document (the one the file is a centre copy of, for a centre copy); null when not issued',
  })
  document: VerificationResultDto | null;
  @ApiProperty({ description: 'SHA-256 of the uploaded file, hex' })
  sha256: string;
}
