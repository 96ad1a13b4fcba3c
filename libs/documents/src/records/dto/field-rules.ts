import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy, ValidateIf } from 'class-validator';
import { CONTROL_CHARACTERS, CONTROL_EXCEPT_NEWLINES } from '@achievement/platform';
import { unprintableProblem } from '../../rendering/printable-text';

/*
 * The field rules of the documents DTOs: one check per rule, with one message a person can act on.
 */

type Check = (value: unknown) => string | null;

export function rule(name: string, check: Check): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (value) => check(value) === null, defaultMessage: (args) => check(args?.value) ?? '' } });
}

export const REQUIRED = 'This field is required.';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Optional one-line text (trimmed) of 1..max characters. */
export function OptionalLine(field: string, max: number) {
  return applyDecorators(
    trim,
    IsOptional(),
    rule('line', (v) => {
      if (typeof v !== 'string' || v.length < 1 || v.length > max) return `${field} must be text of 1 to ${max} characters`;
      return CONTROL_CHARACTERS.test(v) ? `${field} must not contain control characters` : null;
    }),
  );
}

/** Optional one-line text (trimmed) of 1..max characters that is printed on the certificate: every character must print. */
export function OptionalPrintedLine(field: string, max: number) {
  return applyDecorators(
    trim,
    IsOptional(),
    rule('printedLine', (v) => {
      if (typeof v !== 'string' || v.length < 1 || v.length > max) return `${field} must be text of 1 to ${max} characters`;
      return CONTROL_CHARACTERS.test(v) ? `${field} must not contain control characters` : unprintableProblem(field, v);
    }),
  );
}

/** Required text (trimmed) of 1..max characters, line breaks allowed; absent or empty: "This field is required.". */
export function RequiredText(field: string, max: number, options: { multiline?: boolean } = {}) {
  return applyDecorators(
    trim,
    rule('requiredText', (v) => {
      if (v === undefined || v === null || v === '') return REQUIRED;
      if (typeof v !== 'string') return `${field} must be text`;
      if (v.length > max) return `${field} must be at most ${max.toLocaleString('en-GB')} characters`;
      return (options.multiline ? CONTROL_EXCEPT_NEWLINES : CONTROL_CHARACTERS).test(v) ? `${field} must not contain control characters` : null;
    }),
  );
}

export function OneOf(field: string, values: readonly string[], options: { required?: boolean } = {}) {
  return applyDecorators(
    ...(options.required ? [] : [IsOptional()]),
    rule('oneOf', (v) => {
      if (options.required && (v === undefined || v === null || v === '')) return REQUIRED;
      return typeof v === 'string' && values.includes(v) ? null : `${field} must be one of: ${values.join(', ')}`;
    }),
  );
}

export function OptionalDate(field: string) {
  return applyDecorators(
    IsOptional(),
    rule('date', (v) => (isCalendarDate(v) ? null : `${field} must be a real date written YYYY-MM-DD (for example 2025-07-31)`)),
  );
}

/** A page size from the query: a whole number from 1 to max. */
export function LimitField(field: string, max: number) {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value)),
    IsOptional(),
    rule('limit', (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max ? null : `${field} must be a whole number from 1 to ${max}`)),
  );
}

export function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4294967295;
}

/** A list of ids in a body: 1..max positive whole numbers (or 0..max when empty is allowed). */
export function IdList(field: string, max: number, options: { optional?: boolean; allowEmpty?: boolean } = {}) {
  return applyDecorators(
    ...(options.optional ? [IsOptional()] : []),
    rule('idList', (v) => {
      if (!Array.isArray(v)) return `${field} must be a list of record ids`;
      if (!options.allowEmpty && v.length === 0) return `${field} must hold at least one id`;
      if (v.length > max) return `${field} may hold at most ${max.toLocaleString('en-GB')} ids`;
      return v.every(isId) ? null : `${field} must hold only ids (positive whole numbers)`;
    }),
  );
}

/** An optional id in a body. */
export function OptionalId(field: string, what: string) {
  return applyDecorators(
    ValidateIf((o: Record<string, unknown>) => o[field] !== undefined),
    rule('id', (v) => (isId(v) ? null : `${field} must be the id (a positive whole number) of ${what}`)),
  );
}

/** true or false, optional. */
export function OptionalBoolean(field: string) {
  return applyDecorators(
    ValidateIf((o: Record<string, unknown>) => o[field] !== undefined),
    rule('boolean', (v) => (typeof v === 'boolean' ? null : `${field} must be true or false`)),
  );
}
