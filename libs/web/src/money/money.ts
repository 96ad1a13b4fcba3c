import { Pipe, PipeTransform } from '@angular/core';

/*
 * Money is whole pence everywhere (the API's amounts, credit limits): entered and shown in pounds
 * with two decimals, converted as text, never through floating-point arithmetic (0.29 * 100 is 28.999…).
 */

/** The API's largest credit limit: £1,000,000.00. */
export const MAX_CREDIT_LIMIT_PENCE = 100_000_000;

/** 123456 → "£1,234.56"; -500 → "−£5.00" (for reading). */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const whole = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.5", "£12", "0.07" → pence; null when it is not an amount of pounds with at most two decimals. */
export function poundsToPence(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^£\s*/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned) ?? /^()\.(\d{1,2})$/.exec(cleaned);
  if (!match) return null;
  const pounds = match[1] === '' ? 0 : Number(match[1]);
  const pence = Number((match[2] ?? '').padEnd(2, '0'));
  return pounds * 100 + pence;
}

/** 123456 → "1234.56" (for a form field: no thousands separators, always two decimals). */
export function penceToPounds(pence: number): string {
  const whole = Math.floor(pence / 100);
  return `${whole}.${String(pence % 100).padStart(2, '0')}`;
}

/** `{{ money.grossPence | pence }}` → "£12.00"; null and undefined show as "—". */
@Pipe({ name: 'pence' })
export class PencePipe implements PipeTransform {
  transform(pence: number | null | undefined): string {
    return pence === null || pence === undefined ? '—' : formatPence(pence);
  }
}
