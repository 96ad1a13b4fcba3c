import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Third-party requests that say nothing about whether a learner exists, and one open connection
 * per learner and third party.
 * - connections.requested_as: what the third party typed (the learner's email, or the enrolment
 *   number; never the date of birth), shown to them until the learner accepts.
 * - connections.request_key: a digest of what they typed (the date of birth included), so that the
 *   same request twice is recorded once (uq_connections_open_request, while pending).
 * - learner_id / learner_user_id may be NULL: a request that reached no learner (none matched, or
 *   the learner already has an open connection with this third party) is kept exactly like one
 *   that did, so the third party's list looks the same either way; it is never shown to a learner.
 * - uq_connections_open_pair: at most one pending or active connection between a learner and a
 *   third-party address. Open duplicates made before this rule keep their access until it ends:
 *   they are marked with duplicate_of (the connection kept open in the key) and left out of it.
 */
export class SharingRequests1796238841000 implements MigrationInterface {
  name = 'SharingRequests1796238841000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE connections
        MODIFY learner_id INT UNSIGNED NULL,
        MODIFY learner_user_id INT UNSIGNED NULL,
        ADD COLUMN requested_as VARCHAR(320) NULL AFTER third_party_user_id,
        ADD COLUMN request_key VARCHAR(43) NULL AFTER requested_as,
        ADD COLUMN duplicate_of INT UNSIGNED NULL AFTER request_key`);
    // open duplicates from before the rule: keep the one that ends last (or the newest request) in the key
    const open: { id: number; learner_user_id: number; email: string }[] = await q.query(`
      SELECT id, learner_user_id, LOWER(third_party_email) AS email FROM connections
       WHERE status IN ('pending', 'active')
       ORDER BY learner_user_id, email, status = 'active' DESC, access_ends_at DESC, id DESC`);
    const kept = new Map<string, number>();
    for (const row of open) {
      const pair = `${row.learner_user_id}:${row.email}`;
      const first = kept.get(pair);
      if (first === undefined) kept.set(pair, Number(row.id));
      else await q.query('UPDATE connections SET duplicate_of = ? WHERE id = ?', [first, row.id]);
    }
    await q.query(`
      ALTER TABLE connections
        ADD COLUMN open_pair VARCHAR(340) AS (IF(status IN ('pending', 'active') AND duplicate_of IS NULL AND learner_user_id IS NOT NULL, CONCAT(learner_user_id, ':', LOWER(third_party_email)), NULL)) STORED,
        ADD COLUMN open_request VARCHAR(60) AS (IF(status = 'pending' AND request_key IS NOT NULL, CONCAT(third_party_user_id, ':', request_key), NULL)) STORED,
        ADD UNIQUE KEY uq_connections_open_pair (open_pair),
        ADD UNIQUE KEY uq_connections_open_request (open_request),
        ADD KEY ix_connections_pending (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE connections DROP INDEX ix_connections_pending, DROP INDEX uq_connections_open_request, DROP INDEX uq_connections_open_pair, DROP COLUMN open_request, DROP COLUMN open_pair',
    );
    // requests that reached no learner cannot exist in the old shape
    await q.query('DELETE FROM connections WHERE learner_user_id IS NULL OR learner_id IS NULL');
    await q.query(`
      ALTER TABLE connections
        DROP COLUMN duplicate_of,
        DROP COLUMN request_key,
        DROP COLUMN requested_as,
        MODIFY learner_id INT UNSIGNED NOT NULL,
        MODIFY learner_user_id INT UNSIGNED NOT NULL`);
  }
}
