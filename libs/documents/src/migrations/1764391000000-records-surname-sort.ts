import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records sorted by learner sort by surname, then first name. A document prints its learner's
 * name as one text ("Mary-Jane O'Neill"), so it now also keeps the surname it was issued with
 * (learner_last_name, written by issuing and reissues), and learner_sort_name, a stored generated
 * column "surname + name", is what the sort and its keyset index use. Rows without the surname
 * (written before this migration by code that did not know it) fall back to the name's last word.
 * Existing documents take their learner's surname when the printed name still ends with it.
 */
export class RecordsSurnameSort1764391000000 implements MigrationInterface {
  name = 'RecordsSurnameSort1764391000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents
        ADD COLUMN learner_last_name VARCHAR(100) NULL,
        ADD COLUMN learner_sort_name VARCHAR(302)
          AS (CONCAT(COALESCE(learner_last_name, SUBSTRING_INDEX(learner_name, ' ', -1)), ' ', learner_name)) STORED,
        DROP KEY ix_documents_centre_name,
        ADD KEY ix_documents_centre_sort_name (centre_id, learner_sort_name, id)`);
    await q.query(`
      UPDATE documents d JOIN learners l ON l.id = d.learner_id
         SET d.learner_last_name = l.last_name
       WHERE d.learner_name = CONCAT(l.first_name, ' ', l.last_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents
        DROP KEY ix_documents_centre_sort_name,
        ADD KEY ix_documents_centre_name (centre_id, learner_name, id),
        DROP COLUMN learner_sort_name,
        DROP COLUMN learner_last_name`);
  }
}
