import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records search, notices to learners, issue reports and their triage:
 * - record_name_words: every word of a document's learner name (and its hyphen / apostrophe
 *   forms), so "smi jo" finds John Smith by one index prefix range, scoped by centre: the row of
 *   "smith" carries all the words of the name (" john smith "), so the other search words are
 *   checked in the same clustered-index row, without reading the document;
 * - documents.last_notified_at, documents.revocation_reason, an index on supersedes_id, and one on
 *   jobs (centre_id, document_count) for the unfiltered count;
 * - learner_notices: each "your documents are available" notice, per document;
 * - document_reports and report_entries: reported problems and their history.
 * Every ALTER of documents adds nullable columns at the end (instant in MariaDB 10.11 and MySQL 8).
 */
export class DocumentsRecords1764330000000 implements MigrationInterface {
  name = 'DocumentsRecords1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_name_words (
        centre_id INT UNSIGNED NOT NULL,
        word VARCHAR(100) NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        name_words VARCHAR(700) NOT NULL,
        PRIMARY KEY (centre_id, word, document_id),
        KEY ix_record_name_words_document (document_id),
        CONSTRAINT fk_record_name_words_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`ALTER TABLE documents ADD COLUMN last_notified_at DATETIME(3) NULL, ADD COLUMN revocation_reason VARCHAR(500) NULL`);
    // the versions of a document are followed forward through supersedes_id
    await q.query(`ALTER TABLE documents ADD KEY ix_documents_supersedes (supersedes_id)`);
    // the unfiltered Records count adds up the centre's job counts from this index alone
    await q.query(`ALTER TABLE jobs ADD KEY ix_jobs_centre_count (centre_id, document_count)`);
    await q.query(`
      CREATE TABLE learner_notices (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        document_id INT UNSIGNED NOT NULL,
        learner_id INT UNSIGNED NOT NULL,
        centre_id INT UNSIGNED NOT NULL,
        notified_by_user_id INT UNSIGNED NULL,
        notified_at DATETIME(3) NOT NULL,
        outbox_email_id BIGINT UNSIGNED NULL,
        PRIMARY KEY (id),
        KEY ix_learner_notices_document (document_id, notified_at),
        KEY ix_learner_notices_learner (learner_id, notified_at),
        CONSTRAINT fk_learner_notices_document FOREIGN KEY (document_id) REFERENCES documents (id),
        CONSTRAINT fk_learner_notices_learner FOREIGN KEY (learner_id) REFERENCES learners (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE document_reports (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        reference VARCHAR(12) NULL,
        centre_id INT UNSIGNED NOT NULL,
        document_id INT UNSIGNED NOT NULL,
        status ENUM('new','in_progress','awaiting_centre','resolved','rejected') NOT NULL DEFAULT 'new',
        reason VARCHAR(32) NOT NULL,
        description TEXT NOT NULL,
        reporter_user_id INT UNSIGNED NULL,
        reporter_name VARCHAR(201) NOT NULL,
        reporter_email VARCHAR(320) NOT NULL,
        enrolment_number VARCHAR(20) NOT NULL,
        qualification VARCHAR(300) NOT NULL,
        assignee_user_id INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_document_reports_reference (reference),
        KEY ix_document_reports_centre (centre_id, status, id),
        KEY ix_document_reports_document (document_id, status),
        KEY ix_document_reports_status (status, id),
        KEY ix_document_reports_assignee (assignee_user_id, id),
        CONSTRAINT fk_document_reports_document FOREIGN KEY (document_id) REFERENCES documents (id),
        CONSTRAINT fk_document_reports_centre FOREIGN KEY (centre_id) REFERENCES centres (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE report_entries (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        report_id INT UNSIGNED NOT NULL,
        kind ENUM('note','reply','status','assignment','reissue','revocation') NOT NULL,
        text TEXT NOT NULL,
        author_user_id INT UNSIGNED NULL,
        author_name VARCHAR(201) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_report_entries_report (report_id, kind, id),
        CONSTRAINT fk_report_entries_report FOREIGN KEY (report_id) REFERENCES document_reports (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_entries');
    await q.query('DROP TABLE document_reports');
    await q.query('DROP TABLE learner_notices');
    await q.query('ALTER TABLE jobs DROP KEY ix_jobs_centre_count');
    await q.query('ALTER TABLE documents DROP KEY ix_documents_supersedes, DROP COLUMN revocation_reason, DROP COLUMN last_notified_at');
    await q.query('DROP TABLE record_name_words');
  }
}
