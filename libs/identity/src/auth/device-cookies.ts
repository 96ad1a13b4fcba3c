import { AppConfig, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { normaliseEmail } from '../user.entity';

/** How long a device stays known after its last successful sign-in. */
export const DEVICE_COOKIE_DAYS = 365;
const MAX_AGE_SECONDS = DEVICE_COOKIE_DAYS * 86_400;
const VERSION = 'd1';

/** A browser that signed in to the account before, proved by a genuine, unexpired device cookie for that account. */
export interface KnownDevice {
  /** the cookie's random id: failures from this device are counted under it */
  nonce: string;
}

interface CookieReply {
  setCookie(name: string, value: string, options: Record<string, unknown>): unknown;
}

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that signs in
 * successfully gets a cookie `d1.<account>.<nonce>.<expires>.<hmac>`, where account is a hash of the normalised email,
 * nonce 128 random bits, expires a Unix time, and hmac an HMAC-SHA256 over the rest with DEVICE_COOKIE_SECRET. Failures
 * presented with a genuine cookie for the account are counted against that cookie alone, so failures from elsewhere
 * never lock out a device the owner has used before. HttpOnly, SameSite=Strict, __Host- prefixed and Secure where
 * cookies are secure (as the session cookie).
 */
@Injectable()
export class DeviceCookies {
  readonly name: string;
  private readonly secure: boolean;
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.secure = config.cookieSecure;
    this.name = this.secure ? '__Host-ap_device' : 'ap_device';
    this.key = Buffer.from(config.DEVICE_COOKIE_SECRET, 'utf8');
  }

  /** A new cookie value for a browser that has just signed in to this account. */
  issue(email: string): string {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + MAX_AGE_SECONDS;
    const payload = `${VERSION}.${accountDigest(email)}.${randomBytes(16).toString('base64url')}.${expires}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The device a cookie value proves for this account, or null when it is missing, forged, expired or another account's. */
  read(value: string | null | undefined, email: string): KnownDevice | null {
    if (typeof value !== 'string' || value.length > 200) return null;
    const parts = value.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) return null;
    const [, account, nonce, expires, signature] = parts;
    const expected = Buffer.from(this.sign(parts.slice(0, 4).join('.')), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (account !== accountDigest(email)) return null;
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= this.clock.now().getTime()) return null;
    if (!/^[A-Za-z0-9_-]{22}$/.test(nonce)) return null;
    return { nonce };
  }

  set(reply: CookieReply, value: string): void {
    reply.setCookie(this.name, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.secure, maxAge: MAX_AGE_SECONDS });
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

function accountDigest(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('base64url').slice(0, 22);
}
