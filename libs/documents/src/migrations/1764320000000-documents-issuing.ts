import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issuing jobs and rendering their documents:
 * - jobs.failure_reason (why a job failed) and jobs.centre_notified_at (when the centre's
 *   "documents issued" email was written to the outbox), and an index for the admin list by status;
 * - outbox_emails.attachments: files an email carries, as storage keys (the files live in
 *   FileStorage, not in the row), e.g. the CSV list of a large job's documents.
 * Nullable columns added at the end (instant in MariaDB 10.11 and MySQL 8).
 */
export class DocumentsIssuing1764320000000 implements MigrationInterface {
  name = 'DocumentsIssuing1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE jobs ADD COLUMN failure_reason VARCHAR(1000) NULL, ADD COLUMN centre_notified_at DATETIME(3) NULL`);
    await q.query(`ALTER TABLE jobs ADD KEY ix_jobs_status_created (status, created_at, id), ADD KEY ix_jobs_created (created_at, id)`);
    await q.query(`ALTER TABLE outbox_emails ADD COLUMN attachments JSON NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox_emails DROP COLUMN attachments');
    await q.query('ALTER TABLE jobs DROP KEY ix_jobs_created, DROP KEY ix_jobs_status_created');
    await q.query('ALTER TABLE jobs DROP COLUMN centre_notified_at, DROP COLUMN failure_reason');
  }
}
