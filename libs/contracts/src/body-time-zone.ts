import { calendarDateText } from './calendar-date';

/*
 * The awarding body's own time zone. A day a person chooses as a limit (for example "share until
 * 14 February 2026") runs to the end of that day here, whoever chose it and wherever they read it,
 * so that the day on every screen and in every email is the day that was chosen.
 */

export const BODY_TIME_ZONE = 'Europe/London';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BODY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BODY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The day (`YYYY-MM-DD`) an instant falls on in the body's time zone. */
export function bodyDayOf(at: Date | string): string {
  return dayFormat.format(typeof at === 'string' ? new Date(at) : at);
}

/** How far the body's clock is ahead of UTC at an instant, in milliseconds (0 in winter, an hour in summer). */
function bodyOffsetAt(at: Date): number {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The last millisecond of a day (`YYYY-MM-DD`, already checked) in the body's time zone. */
export function endOfBodyDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const startOfNextDayAsUtc = Date.UTC(year, month - 1, date + 1);
  // the offset an hour before the next midnight is the one in force at the end of the day
  const offset = bodyOffsetAt(new Date(startOfNextDayAsUtc - 3_600_000));
  return new Date(startOfNextDayAsUtc - offset - 1);
}

const shortDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: BODY_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: BODY_TIME_ZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const secondsFormat = new Intl.DateTimeFormat('en-GB', { timeZone: BODY_TIME_ZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** How an instant's day in the body's zone is written: "14 Feb 2026" (short), or as certificates write days, "14 February 2026" (long). */
export function bodyDayText(at: Date | string, style: 'short' | 'long' = 'short'): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return style === 'long' ? calendarDateText(bodyDayOf(instant)) : shortDayFormat.format(instant);
}

/**
 * "14 Feb 2026, 23:59 UK time": an instant as the body's clock shows it, with the zone said; with
 * `seconds`, "14 Feb 2026, 23:59:07 UK time", for logs.
 */
export function bodyDateTimeText(at: Date | string, precision: 'minutes' | 'seconds' = 'minutes'): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return `${shortDayFormat.format(instant)}, ${(precision === 'seconds' ? secondsFormat : timeFormat).format(instant)} UK time`;
}
