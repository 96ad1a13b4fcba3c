import { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { DEFAULT_COUNTRY, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, POSTCODE_REQUIREMENTS, PostcodeProblem, postcodeProblem } from '@achievement/contracts';

/*
 * The API's field rules (libs/identity validation), checked before sending so a person sees the
 * problem beside the field at once. The API checks them again and has the last word: its
 * fieldErrors are shown under the same fields (see server-errors.ts).
 */

/** The API's limit for an email address. */
export const EMAIL_MAX_LENGTH = 320;
/** First and last names, job title and town. */
export const NAME_MAX_LENGTH = 100;
/** Address lines. */
export const ADDRESS_LINE_MAX_LENGTH = 200;
/** A centre's name. */
export const CENTRE_NAME_MAX_LENGTH = 200;
export const CENTRE_NUMBER_MAX_LENGTH = 16;
export const PHONE_MAX_LENGTH = 32;
/** The earliest date of birth the API accepts. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

const text = (control: AbstractControl): string => (typeof control.value === 'string' ? control.value : '');

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Text that is not only spaces: { required } otherwise (the API trims before checking). */
export const requiredText: ValidatorFn = (control) => (text(control).trim() === '' ? { required: true } : null);

/** At most max characters once trimmed: { maxlength: { requiredLength, actualLength } }. */
export function maxTrimmedLength(max: number): ValidatorFn {
  return (control) => {
    const length = text(control).trim().length;
    return length > max ? { maxlength: { requiredLength: max, actualLength: length } } : null;
  };
}

/**
 * An email address as the API accepts it: a local part, @, and a domain with a dot in it.
 * Empty is left to `requiredText`.
 */
export const emailAddress: ValidatorFn = (control) => {
  const value = text(control).trim();
  if (value === '') return null;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) && value.length <= EMAIL_MAX_LENGTH ? null : { email: true };
};

/** A centre number: letters, digits and dashes (spaces do not count), 1 to 16 of them. */
export const centreNumber: ValidatorFn = (control) => {
  const value = normaliseCentreNumber(text(control));
  return value === '' || /^[A-Z0-9-]{1,16}$/.test(value) ? null : { centreNumber: true };
};

/** As the API stores it: without spaces, upper case. */
export function normaliseCentreNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** A telephone number: digits, spaces, brackets and dashes, optionally starting with +; at least 6 digits. */
export const phoneNumber: ValidatorFn = (control) => {
  const value = text(control).trim();
  if (value === '') return null;
  return /^\+?[0-9][0-9 ()-]{4,30}$/.test(value) && value.replace(/\D/g, '').length >= 6 ? null : { phone: true };
};

/**
 * A postcode by the portal's one rule (contracts' postal-address), checked against the sibling
 * country control: { ukPostcode } or { postcode }. Empty is left to "required". The form re-checks
 * it when the country changes (see `recheckPostcodeOnCountry`).
 */
export function postcodeFor(countryControl = 'country'): ValidatorFn {
  return (control) => {
    const country = control.parent?.get(countryControl)?.value;
    const problem = postcodeProblem(text(control), typeof country === 'string' && country !== '' ? country : DEFAULT_COUNTRY);
    return problem ? { [problem]: true } : null;
  };
}

/** "Enter a UK postcode, such as SW1A 1AA" for a postcode control's own error, or null. */
export function postcodeErrorText(control: AbstractControl): string | null {
  const problem = (Object.keys(POSTCODE_REQUIREMENTS) as PostcodeProblem[]).find((key) => control.hasError(key));
  return problem ? `Enter ${POSTCODE_REQUIREMENTS[problem]}` : null;
}

/** Re-checks the group's postcode whenever its country changes. */
export function recheckPostcodeOnCountry(group: FormGroup): void {
  group.get('country')?.valueChanges.subscribe(() => group.get('postcode')?.updateValueAndValidity());
}

/** A two-letter country code (ISO 3166-1 alpha-2). */
export const countryCode: ValidatorFn = (control) => {
  const value = text(control).trim();
  return value === '' || /^[A-Za-z]{2}$/.test(value) ? null : { country: true };
};

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A date of birth: a real date (YYYY-MM-DD) from 1900 up to today. Empty is left to `required`. */
export const dateOfBirth: ValidatorFn = (control) => {
  const value = text(control);
  if (value === '') return null;
  if (!isCalendarDate(value)) return { date: true };
  if (value > today()) return { future: true };
  if (value < EARLIEST_DATE_OF_BIRTH) return { tooEarly: true };
  return null;
};

/** A new password of 8 to 128 characters, counted as the API counts them (code points); no composition rules. */
export const passwordLength: ValidatorFn = (control) => {
  const value = text(control);
  if (value === '') return null;
  const length = [...value].length;
  if (length < PASSWORD_MIN_LENGTH) return { passwordTooShort: { min: PASSWORD_MIN_LENGTH, actual: length } };
  if (length > PASSWORD_MAX_LENGTH) return { passwordTooLong: { max: PASSWORD_MAX_LENGTH, actual: length } };
  return null;
};

/**
 * On a "confirm" control: { mismatch } unless its value equals the sibling control's. The sibling's
 * changes re-check it (see `revalidateOnChange`).
 */
export function sameAs(siblingName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const sibling = control.parent?.get(siblingName);
    if (!sibling || text(control) === '') return null;
    return text(control) === text(sibling) ? null : { mismatch: true };
  };
}

/** Re-checks `target` (a "confirm" control) whenever `source` changes, until `destroyRef` ends. */
export function revalidateOnChange(source: AbstractControl, target: AbstractControl, destroyRef: DestroyRef): void {
  source.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => target.updateValueAndValidity());
}
