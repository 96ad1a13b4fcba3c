/*
 * Calendar dates: a day with no time, such as an award date or a date of birth (a DATE column).
 * The API sends them as `YYYY-MM-DD` strings, and every screen writes them the one way the
 * certificate prints them ("28 August 2025"). A calendar date is never turned into an instant:
 * `new Date('2025-08-28')` is midnight UTC, which is still 27 August in Los Angeles, and Angular's
 * date pipe reads the string as local midnight, which is 27 August in UTC in London's summer or in
 * Tokyo. So these functions read the digits and write the words by hand, with no Date at all.
 */

export const CALENDAR_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1-12) and day of a `YYYY-MM-DD` string, or null when it is not a real day written that way. */
export function calendarDateParts(value: string): { year: number; month: number; day: number } | null {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= lastDay ? { year, month, day } : null;
}

/**
 * "28 August 2025" from "2025-08-28", as the certificate prints it, whatever the reader's time zone.
 * A value that is not a `YYYY-MM-DD` day comes back as it is, so a wrong value shows as wrong
 * instead of as another day.
 */
export function calendarDateText(value: string): string {
  const parts = calendarDateParts(value);
  return parts ? `${parts.day} ${CALENDAR_MONTHS[parts.month - 1]} ${parts.year}` : value;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "14/03/2001" from "2001-03-14": how a date field shows a calendar date. Anything else comes back as it is. */
export function calendarDateInputText(value: string): string {
  const parts = calendarDateParts(value);
  return parts ? `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year}` : value;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/;
const EIGHT_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * The `YYYY-MM-DD` day a person typed into a date field, read the British way, day first:
 * "14/03/2001", "14.3.2001", "14-03-2001", "14 03 2001", "14032001", "14 March 2001", "14 Mar 2001",
 * or the ISO form "2001-03-14". Null when it is none of these or not a real day (31/02/2001), so
 * the field can say so; the year has four digits, as "01" could be 1901 or 2001.
 */
export function parseCalendarDateInput(text: string): string | null {
  const value = text.trim();
  let day: string;
  let month: string;
  let year: string;
  const numeric = DAY_MONTH_YEAR.exec(value) ?? EIGHT_DIGITS.exec(value);
  const named = DAY_MONTH_NAME_YEAR.exec(value);
  if (numeric) {
    [day, month, year] = numeric.slice(1);
  } else if (named) {
    const name = named[2].toLowerCase();
    const index = CALENDAR_MONTHS.findIndex((m) => [m.toLowerCase(), m.slice(0, 3).toLowerCase()].includes(name === 'sept' ? 'sep' : name));
    if (index < 0) return null;
    [day, month, year] = [named[1], String(index + 1), named[3]];
  } else {
    return calendarDateParts(value) ? value : null;
  }
  const iso = `${year}-${pad2(Number(month))}-${pad2(Number(day))}`;
  return calendarDateParts(iso) ? iso : null;
}
