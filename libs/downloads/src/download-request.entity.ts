import { DownloadPurpose, DownloadStatus } from '@achievement/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A zip of a centre's documents asked for by one member of its staff (never leaves the lib as a response body). */
@Entity('download_requests')
export class DownloadRequest {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'centre_id', type: 'int', unsigned: true }) centreId: number;
  @Column({
    name: 'requested_by_user_id',
    type: 'int',
    unsigned: true,
    nullable: true,
  })
  requestedByUserId: number | null;
  /** The requester's name when they asked (kept if the account is deleted). */
  @Column({ name: 'requested_by_name', type: 'varchar', length: 201 })
  requestedByName: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'enum', enum: ['regulatory_reporting', 'audit', 'other'] })
  purpose: DownloadPurpose;
  @Column({
    name: 'purpose_detail',
    type: 'varchar',
    length: 500,
    nullable: true,
  })
  purposeDetail: string | null;
  @Column({ name: 'include_manifest', type: 'boolean' })
  includeManifest: boolean;
  @Column({
    type: 'enum',
    enum: ['queued', 'building', 'ready', 'failed', 'expired'],
  })
  status: DownloadStatus;
  @Column({ name: 'document_count', type: 'int', unsigned: true })
  documentCount: number;
  @Column({ name: 'processed_count', type: 'int', unsigned: true })
  processedCount: number;
  @Column({
    name: 'size_bytes',
    type: 'bigint',
    unsigned: true,
    nullable: true,
  })
  sizeBytes: string | null;
  /** Storage key of the finished zip (internal ids only); null until it is built. */
  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;
  @Column({
    name: 'failure_reason',
    type: 'varchar',
    length: 1000,
    nullable: true,
  })
  failureReason: string | null;
  /** Builds started; only the build holding the latest attempt may finish the request. */
  @Column({ type: 'smallint', unsigned: true }) attempt: number;
  /** While queued or building: after this the request is stuck and the reconciler queues it again. */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3 })
  leaseUntil: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
  @Column({
    name: 'started_at',
    type: 'datetime',
    precision: 3,
    nullable: true,
  })
  startedAt: Date | null;
  @Column({ name: 'ready_at', type: 'datetime', precision: 3, nullable: true })
  readyAt: Date | null;
  @Column({
    name: 'expires_at',
    type: 'datetime',
    precision: 3,
    nullable: true,
  })
  expiresAt: Date | null;
}
