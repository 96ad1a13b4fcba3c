import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail and the email outbox: the platform's own tables. */
export class Platform1764300000000 implements MigrationInterface {
  name = 'Platform1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        occurred_at DATETIME(3) NOT NULL,
        actor_user_id INT UNSIGNED NULL,
        actor_role VARCHAR(32) NULL,
        action VARCHAR(64) NOT NULL,
        subject_type VARCHAR(64) NOT NULL,
        subject_id VARCHAR(64) NULL,
        centre_id INT UNSIGNED NULL,
        client_ip VARCHAR(45) NULL,
        request_id VARCHAR(64) NULL,
        before_state JSON NULL,
        after_state JSON NULL,
        details JSON NULL,
        PRIMARY KEY (id),
        KEY ix_audit_subject (subject_type, subject_id, occurred_at),
        KEY ix_audit_actor (actor_user_id, occurred_at),
        KEY ix_audit_occurred (occurred_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE outbox_emails (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        event_key VARCHAR(191) NOT NULL,
        message_id VARCHAR(255) NOT NULL,
        to_address VARCHAR(320) NOT NULL,
        template VARCHAR(64) NOT NULL,
        data JSON NOT NULL,
        status ENUM('pending','sending','sent','captured','failed','suppressed') NOT NULL DEFAULT 'pending',
        attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        next_attempt_at DATETIME(3) NOT NULL,
        claimed_at DATETIME(3) NULL,
        subject VARCHAR(998) NULL,
        html MEDIUMTEXT NULL,
        text_body MEDIUMTEXT NULL,
        last_error VARCHAR(1000) NULL,
        created_at DATETIME(3) NOT NULL,
        sent_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_outbox_event (event_key),
        KEY ix_outbox_due (status, next_attempt_at),
        KEY ix_outbox_status_id (status, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_emails');
    await q.query('DROP TABLE audit_log');
  }
}
