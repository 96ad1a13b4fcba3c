import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Downloads: zips of a centre's documents, built by the worker and removed after
 * DOWNLOAD_LIFETIME_DAYS.
 * - download_requests: one zip asked for by one member of staff; its status moves
 *   queued → building → ready → expired (or failed). `attempt` counts the builds started (each
 *   build claims the row by raising it, and only the build holding the latest attempt may finish
 *   it); `lease_until` is when a queued or building request counts as stuck and the reconciler
 *   queues it again.
 * - download_request_documents: exactly the documents of the zip, in order, fixed when it was
 *   asked for (a "select all" is resolved once, so the zip holds what the person saw).
 */
export class Downloads1764350000000 implements MigrationInterface {
  name = 'Downloads1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE download_requests (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        centre_id INT UNSIGNED NOT NULL,
        requested_by_user_id INT UNSIGNED NULL,
        requested_by_name VARCHAR(201) NOT NULL,
        name VARCHAR(100) NOT NULL,
        purpose ENUM('regulatory_reporting','audit','other') NOT NULL,
        purpose_detail VARCHAR(500) NULL,
        include_manifest TINYINT(1) NOT NULL,
        status ENUM('queued','building','ready','failed','expired') NOT NULL DEFAULT 'queued',
        document_count INT UNSIGNED NOT NULL,
        processed_count INT UNSIGNED NOT NULL DEFAULT 0,
        size_bytes BIGINT UNSIGNED NULL,
        file_key VARCHAR(200) NULL,
        failure_reason VARCHAR(1000) NULL,
        attempt SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        lease_until DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        started_at DATETIME(3) NULL,
        ready_at DATETIME(3) NULL,
        expires_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY ix_download_requests_centre (centre_id, id),
        KEY ix_download_requests_user_status (requested_by_user_id, status),
        KEY ix_download_requests_status_lease (status, lease_until),
        KEY ix_download_requests_status_expires (status, expires_at),
        CONSTRAINT fk_download_requests_centre FOREIGN KEY (centre_id) REFERENCES centres (id),
        CONSTRAINT fk_download_requests_user FOREIGN KEY (requested_by_user_id) REFERENCES users (id) ON DELETE SET NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE download_request_documents (
        request_id INT UNSIGNED NOT NULL,
        position INT UNSIGNED NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (request_id, position),
        KEY ix_download_request_documents_document (document_id),
        CONSTRAINT fk_download_request_documents_request FOREIGN KEY (request_id) REFERENCES download_requests (id) ON DELETE CASCADE,
        CONSTRAINT fk_download_request_documents_document FOREIGN KEY (document_id) REFERENCES documents (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE download_request_documents');
    await q.query('DROP TABLE download_requests');
  }
}
