import { MigrationInterface, QueryRunner } from 'typeorm';

/** Learners, qualifications, jobs and the documents issued in them. */
export class Documents1764300002000 implements MigrationInterface {
  name = 'Documents1764300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learners (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        enrolment_number VARCHAR(20) NOT NULL,
        first_name VARCHAR(100) NOT NULL,
        last_name VARCHAR(100) NOT NULL,
        date_of_birth DATE NOT NULL,
        email VARCHAR(320) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_learners_enrolment (enrolment_number),
        KEY ix_learners_email (email)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE qualifications (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        code VARCHAR(16) NOT NULL,
        title VARCHAR(255) NOT NULL,
        level TINYINT UNSIGNED NULL,
        display_on_verify TINYINT(1) NOT NULL DEFAULT 1,
        PRIMARY KEY (id),
        UNIQUE KEY uq_qualifications_code (code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE jobs (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        number VARCHAR(20) NOT NULL,
        centre_id INT UNSIGNED NOT NULL,
        status ENUM('queued','rendering','issued','failed') NOT NULL,
        document_count INT UNSIGNED NOT NULL DEFAULT 0,
        rendered_count INT UNSIGNED NOT NULL DEFAULT 0,
        created_by_user_id INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL,
        issued_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_jobs_number (number),
        KEY ix_jobs_centre_created (centre_id, created_at, id),
        CONSTRAINT fk_jobs_centre FOREIGN KEY (centre_id) REFERENCES centres (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE documents (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        job_id INT UNSIGNED NOT NULL,
        centre_id INT UNSIGNED NOT NULL,
        learner_id INT UNSIGNED NOT NULL,
        qualification_id INT UNSIGNED NOT NULL,
        type ENUM('certificate','unit_certificate','record_of_achievement') NOT NULL,
        document_number VARCHAR(20) NOT NULL,
        verification_code CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status ENUM('valid','revoked','superseded') NOT NULL DEFAULT 'valid',
        version SMALLINT UNSIGNED NOT NULL DEFAULT 1,
        supersedes_id INT UNSIGNED NULL,
        learner_name VARCHAR(201) NOT NULL,
        grade VARCHAR(40) NULL,
        award_date DATE NOT NULL,
        units JSON NULL,
        issued_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        file_key VARCHAR(200) NULL,
        sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_documents_number (document_number),
        UNIQUE KEY uq_documents_code (verification_code),
        KEY ix_documents_centre_issued (centre_id, issued_at, id),
        KEY ix_documents_centre_name (centre_id, learner_name, id),
        KEY ix_documents_centre_learner (centre_id, learner_id),
        KEY ix_documents_centre_qualification (centre_id, qualification_id, issued_at, id),
        KEY ix_documents_job (job_id, id),
        KEY ix_documents_learner (learner_id),
        KEY ix_documents_sha (sha256),
        CONSTRAINT fk_documents_job FOREIGN KEY (job_id) REFERENCES jobs (id),
        CONSTRAINT fk_documents_centre FOREIGN KEY (centre_id) REFERENCES centres (id),
        CONSTRAINT fk_documents_learner FOREIGN KEY (learner_id) REFERENCES learners (id),
        CONSTRAINT fk_documents_qualification FOREIGN KEY (qualification_id) REFERENCES qualifications (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE documents');
    await q.query('DROP TABLE jobs');
    await q.query('DROP TABLE qualifications');
    await q.query('DROP TABLE learners');
  }
}
