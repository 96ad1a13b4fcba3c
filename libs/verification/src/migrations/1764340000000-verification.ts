import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Smart Verify:
 * - documents.display_on_verify: the per-document override of qualifications.display_on_verify
 *   (NULL follows the qualification), added at the end as a nullable column (instant);
 * - an index on documents.sha256, for "Check a PDF";
 * - verification_log: every verification (by QR, typed code or uploaded PDF), with a coarse client
 *   (browser family, platform and the address truncated to /24 or /48), listed by administrators
 *   newest first, all of them or those of one document.
 */
export class Verification1764340000000 implements MigrationInterface {
  name = 'Verification1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN display_on_verify TINYINT(1) NULL`);
    await q.query(`ALTER TABLE documents ADD KEY ix_documents_sha256 (sha256)`);
    await q.query(`
      CREATE TABLE verification_log (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        document_id INT UNSIGNED NULL,
        method ENUM('qr','code','upload') NOT NULL,
        client VARCHAR(120) NOT NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_verification_log_at (at, id),
        KEY ix_verification_log_document (document_id, at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_log`);
    await q.query(`ALTER TABLE documents DROP KEY ix_documents_sha256`);
    await q.query(`ALTER TABLE documents DROP COLUMN display_on_verify`);
  }
}
