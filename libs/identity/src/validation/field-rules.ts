import { applyDecorators } from '@nestjs/common';
import { normalisePostcode, POSTCODE_REQUIREMENTS, postcodeProblem } from '@achievement/contracts';
import { Transform } from 'class-transformer';
import { CONTROL_CHARACTERS } from '@achievement/platform';
import { isEmail, IsOptional, ValidateBy, ValidateIf } from 'class-validator';
import { ApiError } from '@achievement/platform';

/*
 * The field rules the identity DTOs share. Each rule is one check with one message a person can
 * act on (a form shows it beside the field). Text is trimmed before it is checked, and may not
 * hold control characters.
 */

type Check = (value: unknown) => string | null;

/** One validator: `check` returns the problem, or null when the value is fine. */
export function rule(name: string, check: Check): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (value) => check(value) === null, defaultMessage: (args) => check(args?.value) ?? '' } });
}

/** Absent is fine (a default, or no change in a PATCH); null is not. */
const unlessAbsent = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);
const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A real calendar date (YYYY-MM-DD) from 1900 up to today: a date of birth. */
export function isDateOfBirth(value: unknown): value is string {
  return isCalendarDate(value) && value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10);
}

export const DATE_OF_BIRTH_MESSAGE = (field: string) => `${field} must be a real date in the past, written YYYY-MM-DD (for example 1985-04-23)`;

function textProblem(field: string, value: unknown, max: number, nullable: boolean): string | null {
  const expected = nullable ? `${field} must be text of 1 to ${max} characters, or null` : `${field} must be text of 1 to ${max} characters`;
  if (typeof value !== 'string' || value.length < 1 || value.length > max) return expected;
  if (CONTROL_CHARACTERS.test(value)) return `${field} must not contain control characters`;
  return null;
}

/** Text of 1..max characters (after trimming). With partial (a PATCH), absent is fine but null is not. */
export function RequiredText(field: string, max: number, options: { partial?: boolean } = {}) {
  return applyDecorators(
    trim,
    ...(options.partial ? [unlessAbsent(field)] : []),
    rule('requiredText', (v) => textProblem(field, v, max, false)),
  );
}

/** Text of 1..max characters, or null / absent to leave it empty. */
export function OptionalText(field: string, max: number) {
  return applyDecorators(
    trim,
    IsOptional(),
    rule('optionalText', (v) => textProblem(field, v, max, true)),
  );
}

export function EmailField(field: string, options: { partial?: boolean } = {}) {
  return applyDecorators(
    trim,
    ...(options.partial ? [unlessAbsent(field)] : []),
    rule('email', (v) => {
      if (typeof v !== 'string' || !isEmail(v)) return `${field} must be an email address`;
      if (v.length > 320) return `${field} must be at most 320 characters`;
      return null;
    }),
  );
}

export function DateOfBirthField(field: string, options: { partial?: boolean } = {}) {
  return applyDecorators(
    trim,
    ...(options.partial ? [unlessAbsent(field)] : []),
    rule('dateOfBirth', (v) => (isDateOfBirth(v) ? null : DATE_OF_BIRTH_MESSAGE(field))),
  );
}

/** A centre number: letters, digits and dashes (spaces are dropped, letters upper-cased), up to 16. */
export function CentreNumberField(field: string, options: { partial?: boolean } = {}) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value)),
    ...(options.partial ? [unlessAbsent(field)] : []),
    rule('centreNumber', (v) => (typeof v === 'string' && /^[A-Z0-9-]{1,16}$/.test(v) ? null : `${field} must be 1 to 16 letters, digits or dashes`)),
  );
}

/** A telephone number: digits, spaces, brackets and dashes, optionally starting with +; 6 to 32 characters. */
export function PhoneField(field: string, options: { optional?: boolean } = {}) {
  return applyDecorators(
    trim,
    ...(options.optional ? [IsOptional()] : []),
    rule('phone', (v) =>
      typeof v === 'string' && /^\+?[0-9][0-9 ()-]{4,30}$/.test(v) && v.replace(/\D/g, '').length >= 6
        ? null
        : `${field} must be a telephone number: digits, spaces, brackets and dashes, optionally starting with +${options.optional ? ' (or null)' : ''}`,
    ),
  );
}

/** ISO 3166-1 alpha-2 country code, upper-cased (gb → GB). */
export function CountryField(field: string, options: { nullable?: boolean; partial?: boolean } = {}) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    ...(options.nullable ? [IsOptional()] : options.partial ? [unlessAbsent(field)] : []),
    rule('country', (v) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? null : `${field} must be a two-letter country code such as GB`)),
  );
}

/**
 * A postcode by the portal's one rule (contracts' postal-address): a UK postcode for a UK country,
 * the looser shape otherwise. The country is the DTO's own `country`; when a PATCH leaves it out,
 * only the looser shape is checked here and the service checks the postcode against the stored
 * country (see `postcodeFieldError`).
 */
export function PostcodeField(field: string, options: { nullable?: boolean; partial?: boolean } = {}) {
  const countryOf = (object: unknown): string | null | undefined => (object as { country?: unknown }).country as string | null | undefined;
  const check = (value: unknown, object: unknown): string | null => {
    if (typeof value !== 'string') return `${field} must be text`;
    if (value === '') return `${field} is needed`;
    const country = countryOf(object);
    const problem = postcodeProblem(value, typeof country === 'string' ? country : 'ZZ');
    return problem ? `${field} must be ${POSTCODE_REQUIREMENTS[problem]}` : null;
  };
  return applyDecorators(
    Transform(({ value, obj }) => (typeof value === 'string' ? normalisePostcode(value, typeof obj?.country === 'string' ? obj.country : 'ZZ') : value)),
    ...(options.nullable ? [IsOptional()] : options.partial ? [unlessAbsent(field)] : []),
    ValidateBy({
      name: 'postcode',
      validator: { validate: (value, args) => check(value, args?.object) === null, defaultMessage: (args) => check(args?.value, args?.object) ?? '' },
    }),
  );
}

/** The fieldErrors answer for a postcode that does not fit its country, or null when it does. */
export function postcodeFieldError(postcode: string | null, country: string | null): ApiError | null {
  if (postcode === null) return null;
  const problem = postcodeProblem(postcode, country);
  if (!problem) return null;
  const message = `postcode must be ${POSTCODE_REQUIREMENTS[problem]}`;
  return new ApiError('VALIDATION_FAILED', { message: `The postcode does not fit the address's country: ${message}.`, fieldErrors: { postcode: [message] } });
}

export function BooleanField(field: string) {
  return applyDecorators(
    unlessAbsent(field),
    rule('boolean', (v) => (typeof v === 'boolean' ? null : `${field} must be true or false`)),
  );
}

/** Whole pence from 0 to max. */
export function PenceField(field: string, max: number) {
  return applyDecorators(
    unlessAbsent(field),
    rule('pence', (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? null : `${field} must be a whole number of pence from 0 to ${max}`,
    ),
  );
}

/** A password as typed: not trimmed (spaces count); length in characters here, the rest is the password policy. */
export function PasswordField(field: string, min: number, max: number) {
  return rule('password', (v) => {
    if (typeof v !== 'string') return `${field} must be text`;
    const length = [...v].length;
    return length < min || length > max ? `${field} must be ${min} to ${max} characters` : null;
  });
}

/** Opaque text such as a token or a CSV file: a string of min..max characters (not trimmed). */
export function RawTextField(field: string, min: number, max: number, what = 'text') {
  return rule('rawText', (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max ? null : `${field} must be ${what} of ${min} to ${max.toLocaleString('en-GB')} characters`,
  );
}

/** A page size: a whole number from 1 to max (query text is converted). */
export function LimitField(field: string, max: number) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value)),
    IsOptional(),
    rule('limit', (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max ? null : `${field} must be a whole number from 1 to ${max}`)),
  );
}

/** The id of a record given in a body: a positive whole number. */
export function IdField(field: string, what: string) {
  return rule('id', (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4294967295 ? null : `${field} must be the id (a positive whole number) of ${what}`,
  );
}
