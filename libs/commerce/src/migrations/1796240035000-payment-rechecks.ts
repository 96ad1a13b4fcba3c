import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * payment_attempts.recheck_at / rechecks: an answer came back through the browser but the
 * gateway's own record (the Reporting API) could not be read then, or the transaction was still in
 * progress there; the attempt stays pending and a scheduled task asks the gateway again at
 * recheck_at (backing off), until the gateway's record settles it.
 */
export class PaymentRechecks1796240035000 implements MigrationInterface {
  name = 'PaymentRechecks1796240035000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE payment_attempts
        ADD COLUMN recheck_at DATETIME(3) NULL AFTER completed_at,
        ADD COLUMN rechecks SMALLINT UNSIGNED NOT NULL DEFAULT 0 AFTER recheck_at,
        ADD KEY ix_payment_attempts_recheck (recheck_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE payment_attempts DROP KEY ix_payment_attempts_recheck, DROP COLUMN rechecks, DROP COLUMN recheck_at');
  }
}
