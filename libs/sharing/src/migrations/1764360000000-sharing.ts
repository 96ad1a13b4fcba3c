import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learners and third parties.
 * - users.organisation: the body a third party acts for; users.learner_id becomes unique (one
 *   account per learner).
 * - connections: a learner's documents shared with a third party until access_ends_at. Made by the
 *   learner (origin learner: an invitation emailed to the third party, whose link carries a token,
 *   kept as its SHA-256) or asked for by a third party (origin third_party: pending until the
 *   learner accepts or declines). status: pending → active → ended | expired, or pending → declined.
 * - connection_documents: exactly the documents shared on a connection.
 * - connection_views: every time the third party opened a shared document.
 */
export class Sharing1764360000000 implements MigrationInterface {
  name = 'Sharing1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN organisation VARCHAR(200) NULL AFTER job_title, ADD UNIQUE KEY uq_users_learner (learner_id)`);
    await q.query(`
      CREATE TABLE connections (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        learner_id INT UNSIGNED NOT NULL,
        learner_user_id INT UNSIGNED NOT NULL,
        origin ENUM('learner','third_party') NOT NULL,
        status ENUM('pending','active','declined','ended','expired') NOT NULL,
        third_party_name VARCHAR(201) NOT NULL,
        third_party_email VARCHAR(320) NOT NULL,
        third_party_user_id INT UNSIGNED NULL,
        message VARCHAR(500) NULL,
        invitation_hash CHAR(43) NULL,
        access_ends_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        decided_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_connections_invitation (invitation_hash),
        KEY ix_connections_learner (learner_user_id, status),
        KEY ix_connections_third_party (third_party_user_id, status),
        KEY ix_connections_ending (status, access_ends_at),
        CONSTRAINT fk_connections_learner FOREIGN KEY (learner_id) REFERENCES learners (id),
        CONSTRAINT fk_connections_learner_user FOREIGN KEY (learner_user_id) REFERENCES users (id),
        CONSTRAINT fk_connections_third_party FOREIGN KEY (third_party_user_id) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE connection_documents (
        connection_id INT UNSIGNED NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (connection_id, document_id),
        KEY ix_connection_documents_document (document_id),
        CONSTRAINT fk_connection_documents_connection FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE,
        CONSTRAINT fk_connection_documents_document FOREIGN KEY (document_id) REFERENCES documents (id)
      ) ENGINE=InnoDB`);
    await q.query(`
      CREATE TABLE connection_views (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        connection_id INT UNSIGNED NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        viewed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_connection_views_connection (connection_id, viewed_at),
        CONSTRAINT fk_connection_views_connection FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
      ) ENGINE=InnoDB`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE connection_views');
    await q.query('DROP TABLE connection_documents');
    await q.query('DROP TABLE connections');
    await q.query('ALTER TABLE users DROP INDEX uq_users_learner, DROP COLUMN organisation');
  }
}
