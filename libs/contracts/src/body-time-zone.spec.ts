import { bodyDateTimeText, bodyDayOf, bodyDayText, endOfBodyDay } from './body-time-zone';

describe("the body's time zone", () => {
  it('writes an instant as the UK clock shows it, and says so, in winter and in summer', () => {
    expect(bodyDateTimeText('2026-11-28T09:15:07.000Z')).toBe('28 Nov 2026, 09:15 UK time');
    expect(bodyDateTimeText('2026-11-28T09:15:07.000Z', 'seconds')).toBe('28 Nov 2026, 09:15:07 UK time');
    // British Summer Time: an hour ahead of UTC, and the day can change
    expect(bodyDateTimeText('2026-07-01T23:30:00.000Z')).toBe('2 Jul 2026, 00:30 UK time');
  });

  it('gives the day an instant falls on in the UK, and the last moment of a UK day', () => {
    expect(bodyDayOf('2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
    expect(bodyDayText('2026-07-01T23:30:00.000Z', 'long')).toBe('2 July 2026');
    expect(endOfBodyDay('2026-07-02').toISOString()).toBe('2026-07-02T22:59:59.999Z');
    expect(endOfBodyDay('2026-12-02').toISOString()).toBe('2026-12-02T23:59:59.999Z');
  });
});
