import { MigrationInterface, QueryRunner } from 'typeorm';

/** Centres, the contact records the body holds for them, and user accounts. */
export class Identity1764300001000 implements MigrationInterface {
  name = 'Identity1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE centres (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        number VARCHAR(16) NOT NULL,
        name VARCHAR(200) NOT NULL,
        central_email VARCHAR(320) NOT NULL,
        address_line1 VARCHAR(200) NOT NULL,
        address_line2 VARCHAR(200) NULL,
        town VARCHAR(100) NOT NULL,
        postcode VARCHAR(16) NOT NULL,
        country CHAR(2) NOT NULL DEFAULT 'GB',
        credit_account TINYINT(1) NOT NULL DEFAULT 0,
        credit_limit_pence INT UNSIGNED NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_centres_number (number),
        KEY ix_centres_name (name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE centre_contacts (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        centre_id INT UNSIGNED NOT NULL,
        first_name VARCHAR(100) NOT NULL,
        last_name VARCHAR(100) NOT NULL,
        email VARCHAR(320) NOT NULL,
        date_of_birth DATE NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_contacts_centre (centre_id, last_name),
        KEY ix_contacts_email (email),
        CONSTRAINT fk_contacts_centre FOREIGN KEY (centre_id) REFERENCES centres (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE users (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        email VARCHAR(320) NOT NULL,
        password_hash VARCHAR(255) NULL,
        first_name VARCHAR(100) NOT NULL,
        last_name VARCHAR(100) NOT NULL,
        role ENUM('centre_staff','administrator','support','learner','third_party') NOT NULL,
        status ENUM('pending_verification','awaiting_review','active','rejected','deleted') NOT NULL,
        centre_id INT UNSIGNED NULL,
        centre_contact_id INT UNSIGNED NULL,
        learner_id INT UNSIGNED NULL,
        date_of_birth DATE NULL,
        phone VARCHAR(32) NULL,
        job_title VARCHAR(100) NULL,
        address_line1 VARCHAR(200) NULL,
        address_line2 VARCHAR(200) NULL,
        town VARCHAR(100) NULL,
        postcode VARCHAR(16) NULL,
        country CHAR(2) NULL,
        email_verified_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        deleted_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_users_email (email),
        KEY ix_users_centre (centre_id),
        KEY ix_users_status (status, created_at),
        CONSTRAINT fk_users_centre FOREIGN KEY (centre_id) REFERENCES centres (id),
        CONSTRAINT fk_users_contact FOREIGN KEY (centre_contact_id) REFERENCES centre_contacts (id) ON DELETE SET NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE centre_contacts');
    await q.query('DROP TABLE centres');
  }
}
