import { AccessLength, BODY_TIME_ZONE, bodyDayOf, calendarDateParts, endOfBodyDay, MAX_ACCESS_DAYS } from '@achievement/contracts';
import { ApiError } from '@achievement/platform';

const DAY_MS = 86_400_000;

/** When access given now for this length ends: a period from now, or the end of the day given in the body's time zone (UK time). */
export function accessEndOf(length: AccessLength, now: Date): Date {
  switch (length.period) {
    case 'week':
      return new Date(now.getTime() + 7 * DAY_MS);
    case 'month':
      return addMonths(now, 1);
    case 'three_months':
      return addMonths(now, 3);
    case 'six_months':
      return addMonths(now, 6);
    case 'year':
      return addMonths(now, 12);
    case 'date': {
      const day = length.until ?? '';
      const until = calendarDateParts(day) ? endOfBodyDay(day) : null;
      if (!until) {
        throw new ApiError('VALIDATION_FAILED', {
          message: 'Give the date access ends as a date (YYYY-MM-DD).',
          fieldErrors: { until: ['Enter a valid date.'] },
        });
      }
      if (until.getTime() <= now.getTime() || day === bodyDayOf(now)) {
        throw new ApiError('ACCESS_END_NOT_AFTER_TODAY', {
          message: 'The date access ends must be after today.',
          fieldErrors: { until: ['Choose a date after today.'] },
        });
      }
      if (until.getTime() - now.getTime() > MAX_ACCESS_DAYS * DAY_MS) {
        throw new ApiError('ACCESS_TOO_LONG', {
          message: `Access can last at most ${MAX_ACCESS_DAYS} days; choose an earlier date.`,
          fieldErrors: { until: ['Choose an earlier date.'] },
        });
      }
      return until;
    }
  }
}

/** The same time n months on; the 31st of a month followed by a shorter one gives that month's last day. */
function addMonths(at: Date, n: number): Date {
  const end = new Date(at);
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + n);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** "29 November 2026", the day in the body's time zone, as emails write a date. */
export function longDate(at: Date): string {
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: BODY_TIME_ZONE });
}
