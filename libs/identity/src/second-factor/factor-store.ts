import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { RecoveryCode } from './recovery-code.entity';
import { UserFactor } from './user-factor.entity';
import { StoredPasskey } from './webauthn.service';

/** The SQL of the second-factor tables (user_factors, recovery_codes). */
@Injectable()
export class FactorStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account's confirmed authenticator app and passkeys. */
  confirmedFactors(userId: number, manager: EntityManager = this.dataSource.manager): Promise<UserFactor[]> {
    return manager.find(UserFactor, { where: { userId, confirmedAt: Not(IsNull()) }, order: { id: 'ASC' } });
  }

  async hasFactor(userId: number): Promise<boolean> {
    return (await this.dataSource.manager.count(UserFactor, { where: { userId, confirmedAt: Not(IsNull()) } })) > 0;
  }

  /** Which of the users have a confirmed factor. */
  async usersWithFactors(userIds: number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows: { user_id: number }[] = await this.dataSource.query(
      'SELECT DISTINCT user_id FROM user_factors WHERE confirmed_at IS NOT NULL AND user_id IN (?)',
      [userIds],
    );
    return new Set(rows.map((r) => Number(r.user_id)));
  }

  totpOf(userId: number, manager: EntityManager = this.dataSource.manager): Promise<UserFactor | null> {
    return manager.findOneBy(UserFactor, { userId, kind: 'totp' });
  }

  async passkeysOf(userId: number): Promise<(UserFactor & { stored: StoredPasskey })[]> {
    const rows = await this.dataSource.manager.find(UserFactor, { where: { userId, kind: 'passkey', confirmedAt: Not(IsNull()) }, order: { id: 'ASC' } });
    return rows.map((row) => Object.assign(row, { stored: storedPasskey(row) }));
  }

  /**
   * Moves the authenticator app's last used step forward, only if it is still before `step`: of two
   * requests with the same code, one wins. False when the code was used meanwhile.
   */
  async useTotpStep(factorId: number, step: number, now: Date): Promise<boolean> {
    const result = await this.dataSource.query(
      'UPDATE user_factors SET totp_last_step = ?, last_used_at = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
      [step, now, factorId, step],
    );
    return Number(result.affectedRows ?? 0) === 1;
  }

  /** Records a passkey's use and its new signature counter. */
  async usePasskey(factorId: number, signCount: number, now: Date): Promise<void> {
    await this.dataSource.manager.update(UserFactor, { id: factorId }, { signCount, lastUsedAt: now });
  }

  /** Marks an unused recovery code of the account as used; false when there is none with this hash. */
  async useRecoveryCode(userId: number, codeHash: string, now: Date): Promise<boolean> {
    const result = await this.dataSource.query('UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL', [
      now,
      userId,
      codeHash,
    ]);
    return Number(result.affectedRows ?? 0) === 1;
  }

  async recoveryCodesSummary(userId: number): Promise<{ remaining: number; createdAt: Date } | null> {
    const rows: { remaining: string | number; created_at: Date | null; total: string | number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total, SUM(used_at IS NULL) AS remaining, MIN(created_at) AS created_at FROM recovery_codes WHERE user_id = ?',
      [userId],
    );
    const row = rows[0];
    if (!row || Number(row.total) === 0 || !row.created_at) return null;
    return { remaining: Number(row.remaining ?? 0), createdAt: new Date(row.created_at) };
  }

  /** Replaces the account's recovery codes with a new set (their hashes). */
  async replaceRecoveryCodes(manager: EntityManager, userId: number, hashes: string[], now: Date): Promise<void> {
    await manager.delete(RecoveryCode, { userId });
    await manager.insert(
      RecoveryCode,
      hashes.map((codeHash) => ({ userId, codeHash, usedAt: null, createdAt: now })),
    );
  }

  /** Removes every factor and recovery code of the account; returns how many factors there were. */
  async removeAll(manager: EntityManager, userId: number): Promise<number> {
    const removed = await manager.delete(UserFactor, { userId });
    await manager.delete(RecoveryCode, { userId });
    return removed.affected ?? 0;
  }
}

export function storedPasskey(row: UserFactor): StoredPasskey {
  return {
    credentialId: row.credentialId ?? '',
    publicKey: row.credentialKey ?? Buffer.alloc(0),
    signCount: row.signCount,
    transports: row.transports ? row.transports.split(',') : [],
  };
}
