import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commerce: printed copies of documents.
 * - products (administrators): a printed copy with its price (integer pence, excluding VAT) and
 *   the document types it applies to (JSON list). duplicate_reasons: the managed list of reasons.
 * - delivery_options: standard, tracked, international, each with its fee (pence, excluding VAT).
 * - basket_items: one basket per user (kept across sign-outs): a document with a product and a reason.
 * - orders / order_lines: what was bought, with prices copied from the products when placed (a
 *   later price change does not touch a placed order); order_status_history: every status.
 *   (user_id, idempotency_key) is unique, so a double-clicked Pay places one order.
 * - payment_attempts: each card payment sent to the gateway (vendor_tx_code unique); its outcome
 *   is recorded once (status moves from pending exactly once).
 * - credit_accounts / credit_ledger: a centre's credit limit and what it owes, and every change to it.
 */
export class Commerce1764370000000 implements MigrationInterface {
  name = 'Commerce1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE products (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        code VARCHAR(20) NOT NULL,
        name VARCHAR(100) NOT NULL,
        description VARCHAR(500) NOT NULL,
        price_pence INT UNSIGNED NOT NULL,
        document_types JSON NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        PRIMARY KEY (id),
        UNIQUE KEY uq_products_code (code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE duplicate_reasons (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        label VARCHAR(100) NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        sort_order INT NOT NULL DEFAULT 0,
        PRIMARY KEY (id),
        UNIQUE KEY uq_duplicate_reasons_label (label)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE delivery_options (
        method ENUM('standard','tracked','international') NOT NULL,
        label VARCHAR(100) NOT NULL,
        price_pence INT UNSIGNED NOT NULL,
        PRIMARY KEY (method)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE basket_items (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        user_id INT UNSIGNED NOT NULL,
        product_id INT UNSIGNED NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        reason_id INT UNSIGNED NOT NULL,
        quantity TINYINT UNSIGNED NOT NULL DEFAULT 1,
        added_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_basket_items (user_id, product_id, document_id),
        CONSTRAINT fk_basket_items_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_basket_items_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT fk_basket_items_document FOREIGN KEY (document_id) REFERENCES documents (id),
        CONSTRAINT fk_basket_items_reason FOREIGN KEY (reason_id) REFERENCES duplicate_reasons (id)
      ) ENGINE=InnoDB`);
    await q.query(`
      CREATE TABLE orders (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        number VARCHAR(20) NULL,
        user_id INT UNSIGNED NOT NULL,
        placed_by_name VARCHAR(201) NOT NULL,
        centre_id INT UNSIGNED NULL,
        status ENUM('awaiting_payment','paid','invoiced','in_production','dispatched','delivered','cancelled','refunded') NOT NULL,
        payment_method ENUM('card','centre_credit') NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        items_net_pence INT UNSIGNED NOT NULL,
        delivery_method ENUM('standard','tracked','international') NOT NULL,
        delivery_label VARCHAR(100) NOT NULL,
        delivery_net_pence INT UNSIGNED NOT NULL,
        net_pence INT UNSIGNED NOT NULL,
        vat_pence INT UNSIGNED NOT NULL,
        gross_pence INT UNSIGNED NOT NULL,
        billing_address JSON NOT NULL,
        delivery_address JSON NOT NULL,
        tracking_reference VARCHAR(100) NULL,
        placed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_orders_number (number),
        UNIQUE KEY uq_orders_idempotency (user_id, idempotency_key),
        KEY ix_orders_user (user_id, placed_at),
        KEY ix_orders_centre (centre_id, placed_at),
        KEY ix_orders_status (status, placed_at),
        CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT fk_orders_centre FOREIGN KEY (centre_id) REFERENCES centres (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE order_lines (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        order_id INT UNSIGNED NOT NULL,
        basket_item_id INT UNSIGNED NULL,
        product_id INT UNSIGNED NOT NULL,
        product_name VARCHAR(100) NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        document_number VARCHAR(20) NOT NULL,
        qualification_title VARCHAR(255) NOT NULL,
        learner_name VARCHAR(201) NOT NULL,
        reason_label VARCHAR(100) NOT NULL,
        quantity TINYINT UNSIGNED NOT NULL,
        unit_net_pence INT UNSIGNED NOT NULL,
        net_pence INT UNSIGNED NOT NULL,
        vat_pence INT UNSIGNED NOT NULL,
        PRIMARY KEY (id),
        KEY ix_order_lines_order (order_id),
        CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE order_status_history (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        order_id INT UNSIGNED NOT NULL,
        status ENUM('awaiting_payment','paid','invoiced','in_production','dispatched','delivered','cancelled','refunded') NOT NULL,
        note VARCHAR(500) NULL,
        by_user_id INT UNSIGNED NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_order_status_history_order (order_id, at),
        CONSTRAINT fk_order_status_history_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE payment_attempts (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        order_id INT UNSIGNED NOT NULL,
        vendor_tx_code VARCHAR(40) NOT NULL,
        amount_pence INT UNSIGNED NOT NULL,
        status ENUM('pending','ok','notauthed','rejected','abort','error') NOT NULL DEFAULT 'pending',
        status_detail VARCHAR(255) NULL,
        gateway_tx_id VARCHAR(64) NULL,
        auth_code VARCHAR(20) NULL,
        created_at DATETIME(3) NOT NULL,
        completed_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_payment_attempts_tx (vendor_tx_code),
        KEY ix_payment_attempts_order (order_id),
        CONSTRAINT fk_payment_attempts_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
      ) ENGINE=InnoDB`);
    await q.query(`
      CREATE TABLE credit_accounts (
        centre_id INT UNSIGNED NOT NULL,
        limit_pence INT UNSIGNED NOT NULL,
        owed_pence INT NOT NULL DEFAULT 0,
        open TINYINT(1) NOT NULL DEFAULT 1,
        PRIMARY KEY (centre_id),
        CONSTRAINT fk_credit_accounts_centre FOREIGN KEY (centre_id) REFERENCES centres (id)
      ) ENGINE=InnoDB`);
    await q.query(`
      CREATE TABLE credit_ledger (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        centre_id INT UNSIGNED NOT NULL,
        kind ENUM('order','payment','cancellation','adjustment') NOT NULL,
        amount_pence INT NOT NULL,
        owed_after_pence INT NOT NULL,
        order_id INT UNSIGNED NULL,
        note VARCHAR(200) NULL,
        by_user_id INT UNSIGNED NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_credit_ledger_centre (centre_id, at),
        CONSTRAINT fk_credit_ledger_account FOREIGN KEY (centre_id) REFERENCES credit_accounts (centre_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`INSERT INTO products (code, name, description, price_pence, document_types) VALUES
      ('REPL-CERT', 'Replacement certificate', 'A printed replacement of a certificate, on security paper.', 2500, '["certificate"]'),
      ('REPL-UNIT', 'Replacement unit certificate', 'A printed replacement of a unit certificate.', 1500, '["unit_certificate"]'),
      ('REPL-ROA', 'Replacement record of achievement', 'A printed replacement of a record of achievement.', 1500, '["record_of_achievement"]')`);
    await q.query(
      `INSERT INTO duplicate_reasons (label, sort_order) VALUES ('Lost', 1), ('Damaged', 2), ('Never received', 3), ('Name change', 4), ('Additional copy', 5)`,
    );
    await q.query(`INSERT INTO delivery_options (method, label, price_pence) VALUES
      ('standard', 'Standard (Royal Mail 2nd class, 3-5 working days)', 250),
      ('tracked', 'Tracked (Royal Mail Tracked 24)', 650),
      ('international', 'International (tracked, 5-10 working days)', 1450)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'credit_ledger',
      'credit_accounts',
      'payment_attempts',
      'order_status_history',
      'order_lines',
      'orders',
      'basket_items',
      'delivery_options',
      'duplicate_reasons',
      'products',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
