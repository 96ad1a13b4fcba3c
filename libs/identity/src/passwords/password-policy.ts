import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@achievement/contracts';
// data built by libs/identity/scripts/build-common-passwords.js; the build copies it beside this file
import commonPasswords from './common-passwords.json';
import { ApiError } from '@achievement/platform';

const COMMON = new Set(commonPasswords.passwords);
const WORDS = new Set(commonPasswords.words);
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', '1': 'i', '!': 'i', $: 's', '5': 's', '7': 't' };

/** Who the password is for: it may not be their email, nor contain their name. */
export interface PasswordOwner {
  email: string;
  firstName: string;
  lastName: string;
}

/** Case, accents and spacing do not matter when comparing a password with names. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, '');
}

/** The problem with a password, or null when it may be used. Length in characters (code points); nothing is truncated. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommon(password)) return 'This password is too common: it appears in lists of passwords that attackers try first. Choose another.';
  const folded = fold(password);
  const email = owner.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const notEmail = 'Choose a password that is not your email address.';
  if (folded === fold(email)) return notEmail;
  for (const name of [owner.firstName, owner.lastName]) {
    const n = fold(name ?? '');
    if (n.length >= 3 && folded.includes(n)) return 'Choose a password that does not contain your name.';
  }
  if (local.length >= 4 && folded.includes(fold(local))) return notEmail;
  return null;
}

/**
 * In the list as it is; or, once digits and symbols around it are taken off and look-alike
 * characters read as letters (P@ssw0rd!2024 → password), one of the common words.
 */
export function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\s+/g, ''))) return true;
  const core = trimNonLetters(lower);
  const candidates = [core, deleet(core), trimNonLetters(deleet(lower))];
  return candidates.some((c) => c.length > 0 && (WORDS.has(c) || COMMON.has(c)));
}

function trimNonLetters(text: string): string {
  return text.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
}

function deleet(text: string): string {
  return [...text].map((ch) => LEET[ch] ?? ch).join('');
}

/** Throws the API's 400 with the problem against the given field, as the validation pipe does. */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new ApiError('PASSWORD_NOT_ALLOWED', { message: problem, fieldErrors: { [field]: [problem] } });
}
