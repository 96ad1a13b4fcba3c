import { DocumentStatus, DocumentType, DocumentUnit } from '@achievement/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One achievement document (a version of it: a corrected reissue is a new row that supersedes the old). */
@Entity('documents')
export class AchievementDocument {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'job_id', type: 'int', unsigned: true }) jobId: number;
  @Column({ name: 'centre_id', type: 'int', unsigned: true }) centreId: number;
  @Column({ name: 'learner_id', type: 'int', unsigned: true }) learnerId: number;
  @Column({ name: 'qualification_id', type: 'int', unsigned: true }) qualificationId: number;
  @Column({ type: 'enum', enum: ['certificate', 'unit_certificate', 'record_of_achievement'] }) type: DocumentType;
  @Column({ name: 'document_number', type: 'varchar', length: 20 }) documentNumber: string;
  /** The unguessable code of the public verification URL (and the QR code). */
  @Column({ name: 'verification_code', type: 'char', length: 32 }) verificationCode: string;
  @Column({ type: 'enum', enum: ['valid', 'revoked', 'superseded'] }) status: DocumentStatus;
  @Column({ type: 'smallint', unsigned: true }) version: number;
  @Column({ name: 'supersedes_id', type: 'int', unsigned: true, nullable: true }) supersedesId: number | null;
  /** "First Last" as printed on the document */
  @Column({ name: 'learner_name', type: 'varchar', length: 201 }) learnerName: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) grade: string | null;
  @Column({ name: 'award_date', type: 'date' }) awardDate: string;
  @Column({ type: 'json', nullable: true }) units: DocumentUnit[] | null;
  @Column({ name: 'issued_at', type: 'datetime', precision: 3 }) issuedAt: Date;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
  /** Storage key of the rendered PDF (from internal ids only); null until rendered. */
  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true }) fileKey: string | null;
  @Column({ type: 'char', length: 64, nullable: true }) sha256: string | null;
  /** Storage key of the centre copy (the PDF stamped as the viewer shows it; zips hold it); null until made. */
  @Column({ name: 'centre_copy_key', type: 'varchar', length: 200, nullable: true }) centreCopyKey: string | null;
  /** SHA-256 of the centre copy, so "Check a PDF" recognises one. */
  @Column({ name: 'centre_copy_sha256', type: 'char', length: 64, nullable: true }) centreCopySha256: string | null;
  /** When the learner was last told about this document (Notify learners). */
  @Column({ name: 'last_notified_at', type: 'datetime', precision: 3, nullable: true }) lastNotifiedAt: Date | null;
  /** Why it was revoked (support staff; never shown publicly). */
  @Column({ name: 'revocation_reason', type: 'varchar', length: 500, nullable: true }) revocationReason: string | null;
}
