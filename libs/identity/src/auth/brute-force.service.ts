import { RedisService } from '@achievement/platform';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { normaliseEmail } from '../user.entity';

const WINDOW_MS = 15 * 60_000;
/** Failures per account (known or unknown email alike) in the window before sign-in is refused. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures from one client address in the window before sign-in from it is refused. */
export const ADDRESS_FAILURE_LIMIT = 50;

const EMAIL_WINDOW_MS = 3_600_000;
/** Verification / reset emails per address and per client address in an hour. */
export const EMAILS_PER_ADDRESS = 3;
export const EMAILS_PER_CLIENT = 20;

export const TOO_MANY_SIGN_INS = 'Too many sign-in attempts. Wait 15 minutes or reset your password.';

export type EmailKind = 'verify' | 'reset';

/**
 * Slows brute force and email flooding, counted in Redis (fixed windows, so every api process
 * shares them). Emails are keyed by a hash of the normalised address, so known and unknown
 * addresses, in any case, are treated alike.
 */
@Injectable()
export class BruteForceService {
  constructor(private readonly redis: RedisService) {}

  /** Throws 429 when the account or the client address has failed too often lately. */
  async assertSignInAllowed(email: string, ip: string | null | undefined): Promise<void> {
    const [account, address] = await this.redis.client.mget(this.accountKey(email), this.addressKey(ip));
    if (Number(account ?? 0) >= ACCOUNT_FAILURE_LIMIT || Number(address ?? 0) >= ADDRESS_FAILURE_LIMIT) {
      throw new HttpException(TOO_MANY_SIGN_INS, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordSignInFailure(email: string, ip: string | null | undefined): Promise<void> {
    const multi = this.redis.client.multi();
    for (const key of [this.accountKey(email), this.addressKey(ip)]) multi.incr(key).pexpire(key, WINDOW_MS, 'NX');
    await multi.exec();
  }

  /** After a successful sign-in or a password reset: the account starts afresh (the address keeps its count). */
  async clearAccount(email: string): Promise<void> {
    await this.redis.client.del(this.accountKey(email));
  }

  /**
   * Counts a request for a verification or reset email and says whether one may be sent: at most
   * EMAILS_PER_ADDRESS per email address and EMAILS_PER_CLIENT per client address an hour.
   * Requests for unknown addresses count too, so the answer never depends on the address existing.
   */
  async allowEmail(kind: EmailKind, email: string, ip: string | null | undefined): Promise<boolean> {
    const accountKey = `mailq:${kind}:acct:${digest(normaliseEmail(email))}`;
    const clientKey = `mailq:${kind}:ip:${ip ?? 'unknown'}`;
    const results = await this.redis.client
      .multi()
      .incr(accountKey)
      .pexpire(accountKey, EMAIL_WINDOW_MS, 'NX')
      .incr(clientKey)
      .pexpire(clientKey, EMAIL_WINDOW_MS, 'NX')
      .exec();
    const account = Number(results?.[0]?.[1] ?? Infinity);
    const client = Number(results?.[2]?.[1] ?? Infinity);
    return account <= EMAILS_PER_ADDRESS && client <= EMAILS_PER_CLIENT;
  }

  private accountKey(email: string): string {
    return `bf:acct:${digest(normaliseEmail(email))}`;
  }

  private addressKey(ip: string | null | undefined): string {
    return `bf:ip:${ip ?? 'unknown'}`;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}
