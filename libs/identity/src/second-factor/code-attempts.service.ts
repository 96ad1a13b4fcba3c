import { RedisService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { ApiError } from '@achievement/platform';

/** Wrong second-factor answers an account may give in a window before it must wait. */
export const CODE_FAILURE_LIMIT = 10;
const WINDOW_MS = 15 * 60_000;

export const TOO_MANY_CODES = 'Too many wrong codes for this account. Wait 15 minutes, then try again.';

/**
 * Limits wrong codes (and passkey answers) per account, counted before each check so that guesses
 * sent at once cannot slip under the limit. Only someone who already gave the account's password
 * (a half-signed-in session) or holds a full session can send codes, so a stranger cannot use the
 * limit to lock the owner out.
 */
@Injectable()
export class CodeAttemptsService {
  constructor(private readonly redis: RedisService) {}

  private key(userId: number): string {
    return `2fa-fail:${userId}`;
  }

  /** Counts an attempt; refuses with 429 TOO_MANY_CODES once the account has failed too often. */
  async reserve(userId: number): Promise<void> {
    const results = await this.redis.client.multi().incr(this.key(userId)).pexpire(this.key(userId), WINDOW_MS, 'NX').exec();
    const count = Number(results?.[0]?.[1] ?? Infinity);
    if (count > CODE_FAILURE_LIMIT) {
      throw new ApiError('TOO_MANY_CODES', { message: TOO_MANY_CODES });
    }
  }

  /** A right answer: the count starts afresh. */
  async succeeded(userId: number): Promise<void> {
    await this.redis.client.del(this.key(userId));
  }
}
