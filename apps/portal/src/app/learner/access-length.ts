import { AbstractControl, ValidatorFn } from '@angular/forms';
import { AccessLength, AccessPeriod, bodyDayOf, LearnerDocument, MAX_ACCESS_DAYS } from '@achievement/contracts';
import { isCalendarDate } from '@achievement/web';

/*
 * How long a connection lasts (AccessLength): one of ACCESS_PERIODS, or "Until a date" with a day
 * after today and at most MAX_ACCESS_DAYS ahead, as the API checks it.
 */

/**
 * A day `days` after the day `from` falls on in UK time (the body's zone, in which a chosen day
 * ends and the API counts "today"), as YYYY-MM-DD.
 */
export function dayAfter(days: number, from = new Date()): string {
  const [year, month, day] = bodyDayOf(from).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The first day "Until a date" may be: tomorrow. */
export const earliestAccessDate = (now = new Date()): string => dayAfter(1, now);
/** The last day "Until a date" may be. */
export const latestAccessDate = (now = new Date()): string => dayAfter(MAX_ACCESS_DAYS, now);

/** On the date control: a real date after today and within MAX_ACCESS_DAYS (empty is left to `required`). */
export const accessUntilDate: ValidatorFn = (control: AbstractControl) => {
  const value = typeof control.value === 'string' ? control.value : '';
  if (value === '') return null;
  if (!isCalendarDate(value)) return { date: true };
  if (value < earliestAccessDate()) return { notFuture: true };
  if (value > latestAccessDate()) return { tooLate: { max: latestAccessDate() } };
  return null;
};

/** The request's AccessLength from the form's period and date. */
export function accessLength(period: AccessPeriod, until: string): AccessLength {
  return period === 'date' ? { period, until } : { period };
}

/** How a document is named in lists and checklists: "Level 3 Diploma … (D0000101)". */
export function documentName(document: Pick<LearnerDocument, 'qualification' | 'documentNumber'>): string {
  return `${document.qualification.title} (${document.documentNumber})`;
}

/** "1 document", "2 documents". */
export function documentCount(count: number): string {
  return `${count.toLocaleString('en-GB')} document${count === 1 ? '' : 's'}`;
}
