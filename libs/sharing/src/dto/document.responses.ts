import { DOCUMENT_STATUSES, DOCUMENT_TYPES, DocumentFacts, DocumentStatus, DocumentType, LearnerDocument, SharedDocument } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

class DocumentFactsQualificationDto {
  @ApiProperty({ example: '603/7506/5' }) code: string;
  @ApiProperty() title: string;
}

/** What a learner and the third parties they share with both see of a document (not a schema of its own: its subclasses are). */
abstract class DocumentFactsDto implements DocumentFacts {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty({ type: DocumentFactsQualificationDto }) qualification: DocumentFactsQualificationDto;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ example: '2025-07-14', format: 'date', description: 'YYYY-MM-DD: a calendar date, not an instant' }) awardDate: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty() centreName: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES, description: 'live' }) status: DocumentStatus;
  @ApiProperty({ description: 'the Smart Verify code printed under the QR code' }) verificationCode: string;
}

/** GET /api/learner/documents: one of the learner's documents on their dashboard. */
export class LearnerDocumentDto extends DocumentFactsDto implements LearnerDocument {
  @ApiProperty({ type: Number, nullable: true, description: 'when superseded: the id of the current version' }) currentVersionId: number | null;
  @ApiProperty({ description: 'the PDF exists (rendering finished)' }) available: boolean;
}

/** A document shared with a third party: the facts and the live verification status. */
export class SharedDocumentDto extends DocumentFactsDto implements SharedDocument {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
  @ApiProperty({ description: 'whether its PDF can be opened (valid and rendered)' }) viewable: boolean;
}
