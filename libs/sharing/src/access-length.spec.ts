import { ApiError } from '@achievement/platform';
import { accessEndOf, longDate } from './access-length';

describe('accessEndOf', () => {
  const now = new Date('2026-01-31T10:00:00.000Z');

  it('counts the periods from now, a month from the 31st ending on the last day of a shorter month', () => {
    expect(accessEndOf({ period: 'week' }, now).toISOString()).toBe('2026-02-07T10:00:00.000Z');
    expect(accessEndOf({ period: 'month' }, now).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(accessEndOf({ period: 'three_months' }, now).toISOString()).toBe('2026-04-30T10:00:00.000Z');
    expect(accessEndOf({ period: 'six_months' }, now).toISOString()).toBe('2026-07-31T10:00:00.000Z');
    expect(accessEndOf({ period: 'year' }, now).toISOString()).toBe('2027-01-31T10:00:00.000Z');
  });

  it('runs to the end of the day given in UK time, summer time included', () => {
    expect(accessEndOf({ period: 'date', until: '2026-02-14' }, now).toISOString()).toBe('2026-02-14T23:59:59.999Z');
    expect(accessEndOf({ period: 'date', until: '2026-07-14' }, now).toISOString()).toBe('2026-07-14T22:59:59.999Z');
    // the days the clocks change: the end of the day is in the zone of that evening
    expect(accessEndOf({ period: 'date', until: '2026-03-29' }, now).toISOString()).toBe('2026-03-29T22:59:59.999Z');
    expect(accessEndOf({ period: 'date', until: '2026-10-25' }, now).toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('counts "today" as the day in the UK', () => {
    // 23:30 UTC on 30 June is already 1 July in the UK: 1 July is today, 2 July is the first day allowed
    const lateInJune = new Date('2026-06-30T23:30:00.000Z');
    expect(() => accessEndOf({ period: 'date', until: '2026-07-01' }, lateInJune)).toThrow(expect.objectContaining({ code: 'ACCESS_END_NOT_AFTER_TODAY' }));
    expect(accessEndOf({ period: 'date', until: '2026-07-02' }, lateInJune).toISOString()).toBe('2026-07-02T22:59:59.999Z');
  });

  it.each([
    ['2026-02-30', 'VALIDATION_FAILED', 'Enter a valid date.'],
    ['14/02/2026', 'VALIDATION_FAILED', 'Enter a valid date.'],
    [undefined, 'VALIDATION_FAILED', 'Enter a valid date.'],
    ['2026-01-31', 'ACCESS_END_NOT_AFTER_TODAY', 'Choose a date after today.'],
    ['2025-12-01', 'ACCESS_END_NOT_AFTER_TODAY', 'Choose a date after today.'],
    ['2028-06-01', 'ACCESS_TOO_LONG', 'Choose an earlier date.'],
  ])('refuses the date %s (%s)', (until, code, message) => {
    try {
      accessEndOf({ period: 'date', until }, now);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code, status: 400, fieldErrors: { until: [message] } });
    }
  });

  it('writes dates as emails do', () => {
    expect(longDate(new Date('2026-11-29T23:30:00Z'))).toBe('29 November 2026');
    // an access end in summer is 22:59:59.999 UTC: still the day chosen
    expect(longDate(new Date('2026-07-14T22:59:59.999Z'))).toBe('14 July 2026');
    expect(longDate(new Date('2026-07-14T23:30:00Z'))).toBe('15 July 2026');
  });
});
