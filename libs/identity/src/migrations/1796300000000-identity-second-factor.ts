import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor (owned by identity).
 * - user_factors: an account's authenticator app (kind 'totp': its secret encrypted with
 *   SECOND_FACTOR_KEY, AES-256-GCM; confirmed_at NULL until the first code proves the set-up;
 *   totp_last_step: the last time step used, so a code works once) and its passkeys and security
 *   keys (kind 'passkey': the WebAuthn credential id, COSE public key, signature counter).
 *   uq_user_factors_totp keeps one authenticator app per account (totp_owner is the user id for
 *   kind 'totp', NULL otherwise).
 * - recovery_codes: ten single-use codes per set, only their SHA-256 kept; used_at once used.
 */
export class IdentitySecondFactor1796300000000 implements MigrationInterface {
  name = 'IdentitySecondFactor1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_factors (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        user_id INT UNSIGNED NOT NULL,
        kind ENUM('totp','passkey') NOT NULL,
        name VARCHAR(100) NOT NULL,
        totp_owner INT UNSIGNED AS (IF(kind = 'totp', user_id, NULL)) STORED,
        totp_secret VARBINARY(255) NULL,
        totp_last_step BIGINT UNSIGNED NULL,
        credential_id VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_bin NULL,
        credential_key VARBINARY(1024) NULL,
        sign_count INT UNSIGNED NOT NULL DEFAULT 0,
        transports VARCHAR(200) NULL,
        confirmed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        last_used_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_user_factors_totp (totp_owner),
        UNIQUE KEY uq_user_factors_credential (credential_id(255)),
        KEY ix_user_factors_user (user_id, kind),
        CONSTRAINT fk_user_factors_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE recovery_codes (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        user_id INT UNSIGNED NOT NULL,
        code_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        used_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_recovery_codes_hash (user_id, code_hash),
        CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE recovery_codes');
    await q.query('DROP TABLE user_factors');
  }
}
