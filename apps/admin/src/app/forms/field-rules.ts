import { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import { DEFAULT_COUNTRY, POSTCODE_REQUIREMENTS, PostcodeProblem, postcodeProblem } from '@achievement/contracts';

/*
 * The API's field rules (libs/identity validation), checked before sending so the administrator
 * sees the problem beside the field at once. The API checks them again and has the last word: its
 * fieldErrors are shown under the same fields (see server-errors.ts).
 */

export const EMAIL_MAX_LENGTH = 320;
/** Names, town. */
export const NAME_MAX_LENGTH = 100;
/** A centre's name and address lines. */
export const LONG_TEXT_MAX_LENGTH = 200;
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

const text = (control: AbstractControl): string => (typeof control.value === 'string' ? control.value : '');

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Text that is not only spaces: { required } otherwise (the API trims before checking). */
export const requiredText: ValidatorFn = (control) => (text(control).trim() === '' ? { required: true } : null);

/** At most max characters once trimmed. */
export function maxTrimmedLength(max: number): ValidatorFn {
  return (control) => {
    const length = text(control).trim().length;
    return length > max ? { maxlength: { requiredLength: max, actualLength: length } } : null;
  };
}

/** An email address as the API accepts it: a local part, @, and a domain with a dot in it. */
export const emailAddress: ValidatorFn = (control) => {
  const value = text(control).trim();
  if (value === '') return null;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) && value.length <= EMAIL_MAX_LENGTH ? null : { email: true };
};

/** As the API stores a centre number: without spaces, upper case. */
export function normaliseCentreNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** A centre number: letters, digits and dashes (spaces do not count), 1 to 16 of them. */
export const centreNumber: ValidatorFn = (control) => {
  const value = normaliseCentreNumber(text(control));
  return value === '' || /^[A-Z0-9-]{1,16}$/.test(value) ? null : { centreNumber: true };
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
