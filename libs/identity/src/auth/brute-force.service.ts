import { RedisService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { normaliseEmail } from '../user.entity';
import { KnownDevice } from './device-cookies';

const WINDOW_MS = 15 * 60_000;
/** Failures per account (known or unknown email alike) from browsers it does not know, in the window, before sign-in without a known device is refused. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures with one device cookie (a browser that signed in to the account before) in the window before that device is refused. */
export const DEVICE_FAILURE_LIMIT = 5;
/** Failures from one client address in the window before sign-in from it is refused. */
export const ADDRESS_FAILURE_LIMIT = 50;

const EMAIL_WINDOW_MS = 3_600_000;
/** Verification / reset emails per address and per client address in an hour. */
export const EMAILS_PER_ADDRESS = 3;
export const EMAILS_PER_CLIENT = 20;

export const TOO_MANY_SIGN_INS = 'Too many sign-in attempts. Wait 15 minutes or reset your password.';

/** Takes one back from a counter that still exists (a counter that has expired meanwhile is not brought back without its expiry). */
const DECREMENT_IF_PRESENT = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0";

export type EmailKind = 'verify' | 'reset';

/** Which limit refused a sign-in: the account's unknown browsers, the one known device, or the client address. */
export type SignInLimit = 'account' | 'device' | 'address';

/**
 * Slows brute force and email flooding, counted in Redis (fixed windows, so every api process
 * shares them). Emails are keyed by a hash of the normalised address, so known and unknown
 * addresses, in any case, are treated alike.
 *
 * Sign-in failures count in two places: the client address, and either the device cookie presented (a browser that
 * signed in to this account before: OWASP's device cookies) or, without one, the account's bucket of unknown browsers.
 * A stranger's failures therefore lock only the unknown browsers out of the account, never the owner's known devices.
 */
@Injectable()
export class BruteForceService {
  constructor(private readonly redis: RedisService) {}

  /** Counts a failure outside a sign-in attempt (tests, or a failure found later). */
  async recordSignInFailure(email: string, ip: string | null | undefined, device: KnownDevice | null = null): Promise<void> {
    const multi = this.redis.client.multi();
    for (const key of [this.bucketKey(email, device), this.addressKey(ip)]) multi.incr(key).pexpire(key, WINDOW_MS, 'NX');
    await multi.exec();
  }

  /**
   * Counts a sign-in attempt as a failure before the password is checked, and says which limit it is over (null: it
   * may go ahead). Counting first means guesses sent all at once cannot all pass the check before any is counted.
   * The right password then takes the attempt back (signInSucceeded); a wrong one leaves it counted.
   */
  async reserveSignInAttempt(email: string, ip: string | null | undefined, device: KnownDevice | null): Promise<SignInLimit | null> {
    const bucketKey = this.bucketKey(email, device);
    const addressKey = this.addressKey(ip);
    const results = await this.redis.client
      .multi()
      .incr(bucketKey)
      .pexpire(bucketKey, WINDOW_MS, 'NX')
      .incr(addressKey)
      .pexpire(addressKey, WINDOW_MS, 'NX')
      .exec();
    const bucket = Number(results?.[0]?.[1] ?? Infinity);
    const address = Number(results?.[2]?.[1] ?? Infinity);
    if (address > ADDRESS_FAILURE_LIMIT) return 'address';
    if (device) return bucket > DEVICE_FAILURE_LIMIT ? 'device' : null;
    return bucket > ACCOUNT_FAILURE_LIMIT ? 'account' : null;
  }

  /**
   * After the right password: the bucket it was counted in starts afresh (the device's own count, or the account's
   * unknown browsers' when it came without a known device), and the address gets back the attempt reserved for it.
   */
  async signInSucceeded(email: string, ip: string | null | undefined, device: KnownDevice | null): Promise<void> {
    await this.redis.client.del(this.bucketKey(email, device));
    await this.redis.client.eval(DECREMENT_IF_PRESENT, 1, this.addressKey(ip));
  }

  /** After a password reset (the owner proved they hold the email): the account's unknown browsers start afresh. */
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

  private bucketKey(email: string, device: KnownDevice | null): string {
    return device ? `bf:dev:${device.nonce}` : this.accountKey(email);
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
