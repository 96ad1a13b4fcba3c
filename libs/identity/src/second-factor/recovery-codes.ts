import { createHash, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read from paper (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as shown: three groups of four, e.g. "k7qd-9m2x-p4ha" (about 59 bits). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** What a person typed, as stored: lower case, no spaces or dashes. Null when it cannot be a code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z0-9]{12}$/.test(code) ? code : null;
}

/** The SHA-256 kept of a code: the codes are random and long, so a fast hash suffices. */
export function recoveryCodeHash(normalised: string): string {
  return createHash('sha256').update(`recovery:${normalised}`).digest('hex');
}
