import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'awaiting_payment','paid','invoiced','in_production','dispatched','delivered','cancelled','refunded'`;
const STATUSES_AFTER = `${STATUSES_BEFORE},'expired'`;

/**
 * Commerce: orders that are safe under real use.
 * - baskets: one row per user whose basket changed, locked (its row only) by every change of the
 *   basket and by checkout, so one user's basket changes and checkouts run one after the other
 *   without locking anything shared (products, reasons) or gaps of basket_items.
 * - orders.status 'expired' and orders.payment_due_at: a card order not paid by then expires
 *   (a scheduled task), leaves the fulfilment queue, and the customer is told.
 * - order_lines.cancelled_at / replaces_document_number: an administrator cancels a line (a
 *   revoked document) or replaces its document with the current version (a superseded one).
 * - order_refunds: what is owed back to a card customer for a cancelled line or order (credit
 *   orders are given back on the credit ledger).
 */
export class CommerceOrdersSafety1796262364672 implements MigrationInterface {
  name = 'CommerceOrdersSafety1796262364672';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE baskets (
        user_id INT UNSIGNED NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id),
        CONSTRAINT fk_baskets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB`);
    await q.query(
      `ALTER TABLE orders MODIFY status ENUM(${STATUSES_AFTER}) NOT NULL, ADD COLUMN payment_due_at DATETIME(3) NULL AFTER placed_at, ADD KEY ix_orders_payment_due (status, payment_due_at)`,
    );
    await q.query(`ALTER TABLE order_status_history MODIFY status ENUM(${STATUSES_AFTER}) NOT NULL`);
    await q.query(`ALTER TABLE order_lines ADD COLUMN cancelled_at DATETIME(3) NULL, ADD COLUMN replaces_document_number VARCHAR(20) NULL`);
    await q.query(`
      CREATE TABLE order_refunds (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        order_id INT UNSIGNED NOT NULL,
        order_line_id INT UNSIGNED NULL,
        amount_pence INT UNSIGNED NOT NULL,
        reason VARCHAR(500) NOT NULL,
        by_user_id INT UNSIGNED NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_order_refunds_order (order_id),
        CONSTRAINT fk_order_refunds_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE order_refunds');
    await q.query('ALTER TABLE order_lines DROP COLUMN replaces_document_number, DROP COLUMN cancelled_at');
    await q.query(`UPDATE order_status_history SET status = 'cancelled' WHERE status = 'expired'`);
    await q.query(`UPDATE orders SET status = 'cancelled' WHERE status = 'expired'`);
    await q.query(`ALTER TABLE order_status_history MODIFY status ENUM(${STATUSES_BEFORE}) NOT NULL`);
    await q.query(`ALTER TABLE orders DROP KEY ix_orders_payment_due, DROP COLUMN payment_due_at, MODIFY status ENUM(${STATUSES_BEFORE}) NOT NULL`);
    await q.query('DROP TABLE baskets');
  }
}
