import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One place for a centre's credit: its credit account (credit_accounts: the limit, what it owes,
 * open or closed, with the ledger and the row lock that checkout uses). The centre's own
 * credit_account / credit_limit_pence, shown on the centre form but never read by checkout, go.
 * - A centre with credit settings and no credit account gets one with those settings (nothing owed).
 * - A centre that has a credit account keeps it as it is: that is the limit checkout has been
 *   holding it to, and raising it silently to the centre form's figure would lend more than was enforced.
 * Down puts the columns back, filled from the credit accounts (the accounts stay).
 */
export class CentreCreditInAccounts1796247181000 implements MigrationInterface {
  name = 'CentreCreditInAccounts1796247181000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO credit_accounts (centre_id, limit_pence, owed_pence, open)
      SELECT c.id, c.credit_limit_pence, 0, c.credit_account FROM centres c
       WHERE (c.credit_account = 1 OR c.credit_limit_pence > 0)
         AND NOT EXISTS (SELECT 1 FROM credit_accounts a WHERE a.centre_id = c.id)`);
    await q.query('ALTER TABLE centres DROP COLUMN credit_account, DROP COLUMN credit_limit_pence');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE centres ADD COLUMN credit_account TINYINT(1) NOT NULL DEFAULT 0 AFTER country, ADD COLUMN credit_limit_pence INT UNSIGNED NOT NULL DEFAULT 0 AFTER credit_account',
    );
    await q.query('UPDATE centres c JOIN credit_accounts a ON a.centre_id = c.id SET c.credit_account = a.open, c.credit_limit_pence = a.limit_pence');
  }
}
