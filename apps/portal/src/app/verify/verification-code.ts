import { VERIFY_PATH } from '@achievement/contracts';
import { ValidatorFn } from '@angular/forms';

/**
 * A verification code as the API issues it: 24 random bytes in base64url, so 32 characters of
 * A-Z, a-z, 0-9, "-" and "_" (documents.verification_code CHAR(32), compared case-sensitively).
 * The same code is printed under the QR code of the PDF.
 */
export const VERIFICATION_CODE_LENGTH = 32;
const CODE_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * The code a person typed or pasted, as the API expects it: the code of a pasted verification
 * address, without spaces and line breaks, and without dashes typed to group the characters (a
 * dash is also a character of the code, so they are dropped only when that leaves a whole code).
 * Letter case is kept: the API tells "a" from "A".
 */
export function normaliseVerificationCode(input: string): string {
  let value = input.trim();
  const pathAt = value.indexOf(`${VERIFY_PATH}/`);
  if (pathAt >= 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    value = value.slice(pathAt + VERIFY_PATH.length + 1).split(/[?#/]/)[0];
  }
  value = value.replace(/\s+/g, '');
  if (value.length !== VERIFICATION_CODE_LENGTH) {
    const undashed = value.replace(/-/g, '');
    if (undashed.length === VERIFICATION_CODE_LENGTH) {
      return undashed;
    }
  }
  return value;
}

/** { verificationCode } unless the text, once normalised, has only the characters of a code. Empty is left to `required`. */
export const verificationCode: ValidatorFn = (control) => {
  const value = typeof control.value === 'string' ? normaliseVerificationCode(control.value) : '';
  return value === '' || CODE_CHARACTERS.test(value) ? null : { verificationCode: true };
};
