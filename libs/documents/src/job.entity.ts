import { JobStatus } from '@achievement/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A batch of documents issued together to one centre. */
@Entity('jobs')
export class Job {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ name: 'centre_id', type: 'int', unsigned: true }) centreId: number;
  @Column({ type: 'enum', enum: ['queued', 'rendering', 'issued', 'failed'] }) status: JobStatus;
  @Column({ name: 'document_count', type: 'int', unsigned: true }) documentCount: number;
  @Column({ name: 'rendered_count', type: 'int', unsigned: true }) renderedCount: number;
  @Column({ name: 'created_by_user_id', type: 'int', unsigned: true, nullable: true }) createdByUserId: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'issued_at', type: 'datetime', precision: 3, nullable: true }) issuedAt: Date | null;
  /** Why the job failed, when it did. */
  @Column({ name: 'failure_reason', type: 'varchar', length: 1000, nullable: true }) failureReason: string | null;
  /** When the centre's "documents issued" email was written to the outbox. */
  @Column({ name: 'centre_notified_at', type: 'datetime', precision: 3, nullable: true }) centreNotifiedAt: Date | null;
}
