import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * verification_log.hits: identical verifications (same document, way and coarse client) within one
 * second are kept as one row counting them, so a phone or a script checking one code again and
 * again writes a row a second, not a row a request.
 */
export class VerificationLogHits1764380000000 implements MigrationInterface {
  name = 'VerificationLogHits1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE verification_log ADD COLUMN hits INT UNSIGNED NOT NULL DEFAULT 1 AFTER client');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE verification_log DROP COLUMN hits');
  }
}
