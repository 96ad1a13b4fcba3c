import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { TokenPurpose, UserToken } from '../user-token.entity';
import { ApiError } from '@achievement/platform';

const LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
};

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const MESSAGES: Record<TokenPurpose, { invalid: string; used: string; expired: string }> = {
  verify_email: {
    invalid: 'This verification link is not valid. Check that you copied the whole link, or ask for a new one.',
    used: 'This verification link has already been used, or a newer one was sent. Use the latest link we emailed you, or sign in.',
    expired: 'This verification link has expired. Ask for a new one.',
  },
  reset_password: {
    invalid: 'This password reset link is not valid. Check that you copied the whole link, or ask for a new one.',
    used: 'This password reset link has already been used, or a newer one was sent. Ask for a new one if you still need it.',
    expired: 'This password reset link has expired (links last one hour). Ask for a new one.',
  },
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Single-use links: 32 random bytes (base64url) go in the emailed link, only their SHA-256 is
 * stored. Issuing a token ends the earlier unused ones of the same purpose.
 */
@Injectable()
export class UserTokensService {
  /** Returns the token for the link and the row's id (for the email's event key). */
  async issue(manager: EntityManager, userId: number, purpose: TokenPurpose, now: Date): Promise<{ token: string; id: number }> {
    await this.revokeAll(manager, userId, purpose, now);
    const token = randomBytes(32).toString('base64url');
    const result = await manager.insert(UserToken, {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]),
      usedAt: null,
      createdAt: now,
    });
    return { token, id: Number(result.identifiers[0].id) };
  }

  /** Ends every unused token of this purpose (a newer one was sent, the password changed, the account was deleted). */
  async revokeAll(manager: EntityManager, userId: number, purpose: TokenPurpose, now: Date): Promise<void> {
    await manager.update(UserToken, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
  }

  /** The live token row for a link, locked for this transaction; a clear 400 when it is unknown, used or expired. */
  async findUsable(manager: EntityManager, token: string, purpose: TokenPurpose, now: Date): Promise<UserToken> {
    const messages = MESSAGES[purpose];
    if (!TOKEN_FORMAT.test(token)) throw tokenError(messages.invalid);
    const row = await manager
      .getRepository(UserToken)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.tokenHash = :hash AND t.purpose = :purpose', { hash: hashToken(token), purpose })
      .getOne();
    if (!row) throw tokenError(messages.invalid);
    if (row.usedAt) throw tokenError(messages.used);
    if (row.expiresAt.getTime() <= now.getTime()) throw tokenError(messages.expired);
    return row;
  }

  /** Marks a token found with findUsable (in the same transaction) as used. */
  async markUsed(manager: EntityManager, row: UserToken, now: Date): Promise<void> {
    await manager.update(UserToken, { id: row.id }, { usedAt: now });
  }
}

function tokenError(message: string): ApiError {
  return new ApiError('TOKEN_INVALID', { message, fieldErrors: { token: [message] } });
}
