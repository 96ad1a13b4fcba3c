import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration and the single-use links of accounts: the registrations waiting for (or past)
 * review, with the centre number the person gave, and verification / reset tokens (only their
 * SHA-256 is stored).
 */
export class IdentityRegistration1764310000000 implements MigrationInterface {
  name = 'IdentityRegistration1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_tokens (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        user_id INT UNSIGNED NOT NULL,
        purpose ENUM('verify_email','reset_password') NOT NULL,
        token_hash CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_user_tokens_hash (token_hash),
        KEY ix_user_tokens_user (user_id, purpose, used_at),
        KEY ix_user_tokens_expires (expires_at),
        CONSTRAINT fk_user_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE registrations (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        user_id INT UNSIGNED NOT NULL,
        centre_number VARCHAR(16) NOT NULL,
        status ENUM('pending_verification','matched','awaiting_review','approved','rejected') NOT NULL,
        contact_id INT UNSIGNED NULL,
        decided_by_user_id INT UNSIGNED NULL,
        decided_at DATETIME(3) NULL,
        rejection_reason VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL,
        verified_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_registrations_user (user_id),
        KEY ix_registrations_status (status, id),
        CONSTRAINT fk_registrations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_registrations_contact FOREIGN KEY (contact_id) REFERENCES centre_contacts (id) ON DELETE SET NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // the contacts of a centre by email: duplicate checks, imports and registration matching
    await q.query('ALTER TABLE centre_contacts ADD KEY ix_contacts_centre_email (centre_id, email)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE centre_contacts DROP KEY ix_contacts_centre_email');
    await q.query('DROP TABLE registrations');
    await q.query('DROP TABLE user_tokens');
  }
}
