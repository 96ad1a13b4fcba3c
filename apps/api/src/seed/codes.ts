import { randomBytes } from 'node:crypto';
import { randInt, Rng } from './prng';

/**
 * Reference numbers in the shapes people in the sector know. All deterministic given the rng or
 * the index, except verification codes, which must be unguessable and come from crypto.randomBytes.
 */

/** Weighted mod-11 check digit over the 7 digits of a qualification number; null when it would be 10. */
export function rqfCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) throw new Error(`Expected 7 digits, got "${sevenDigits}"`);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(sevenDigits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}

/**
 * A qualification number in the Regulated Qualifications Framework shape `603/7506/5`: a 3-digit
 * prefix, 4 digits and a check digit. (Ofqual's own check-digit rule is not published; this one is a
 * weighted mod-11 in the ISBN-10 manner, so numbers it makes validate with isRqfCode.)
 */
export function rqfCode(rng: Rng, prefixes: readonly string[] = ['600', '601', '603', '610']): string {
  for (;;) {
    const prefix = prefixes[Math.floor(rng() * prefixes.length)];
    const body = String(randInt(rng, 0, 9999)).padStart(4, '0');
    const check = rqfCheckDigit(prefix + body);
    if (check !== null) return `${prefix}/${body}/${check}`;
  }
}

export function isRqfCode(code: string): boolean {
  const m = /^(\d{3})\/(\d{4})\/(\d)$/.exec(code);
  return !!m && rqfCheckDigit(m[1] + m[2]) === Number(m[3]);
}

const UNIT_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY';

/** A unit reference number in the RQF shape `F/617/5038`. */
export function unitReference(rng: Rng): string {
  const letter = UNIT_LETTERS[Math.floor(rng() * UNIT_LETTERS.length)];
  return `${letter}/${randInt(rng, 615, 618)}/${String(randInt(rng, 0, 9999)).padStart(4, '0')}`;
}

/** Centre number `C12345`: a permutation of 10000–99999, so distinct indices give distinct numbers. */
export function centreNumber(index: number): string {
  if (index < 0 || index >= 90_000) throw new Error('centre index out of range');
  return `C${10_000 + ((index * 7919 + 2345) % 90_000)}`;
}

/** Learner enrolment number, 7 digits with leading zeros (`0002124`); a permutation of 0–9,999,999. */
export function enrolmentNumber(index: number): string {
  if (index < 0 || index >= 10_000_000) throw new Error('learner index out of range');
  return String((index * 7919 + 2124) % 10_000_000).padStart(7, '0');
}

/** `J` + 7 digits. Job ids are issued in time order, so numbers grow with time too. */
export function jobNumber(id: number): string {
  return `J${String(id).padStart(7, '0')}`;
}

/** `D` + 9 digits. */
export function documentNumber(id: number): string {
  return `D${100_000_000 + id}`;
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'; // the letters Royal Mail uses in inward codes

/** A UK postcode in the given area, e.g. area "B" → "B15 2TT". */
export function postcode(rng: Rng, area: string): string {
  const district = randInt(rng, 1, area.length === 1 ? 40 : 20);
  const l1 = INWARD_LETTERS[Math.floor(rng() * INWARD_LETTERS.length)];
  const l2 = INWARD_LETTERS[Math.floor(rng() * INWARD_LETTERS.length)];
  return `${area}${district} ${randInt(rng, 1, 9)}${l1}${l2}`;
}

/** `count` verification codes: 24 bytes from crypto.randomBytes each, as 32 characters of base64url. */
export function verificationCodes(count: number): string[] {
  const bytes = randomBytes(24 * count);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = bytes.toString('base64url', i * 24, i * 24 + 24);
  return out;
}
