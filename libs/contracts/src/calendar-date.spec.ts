import { calendarDateParts, calendarDateText } from './calendar-date';

describe('calendar dates', () => {
  it('writes a YYYY-MM-DD day as the certificate prints it', () => {
    expect(calendarDateText('2025-08-28')).toBe('28 August 2025');
    expect(calendarDateText('2001-03-04')).toBe('4 March 2001');
    expect(calendarDateText('1999-12-31')).toBe('31 December 1999');
    expect(calendarDateText('2024-02-29')).toBe('29 February 2024');
    expect(calendarDateParts('2025-08-28')).toEqual({ year: 2025, month: 8, day: 28 });
  });

  it('gives back what is not a real YYYY-MM-DD day unchanged, instead of another day', () => {
    for (const value of ['2025-08-28T00:00:00.000Z', '28/08/2025', '2025-02-29', '2025-13-01', '2025-04-31', '2025-8-28', '']) {
      expect(calendarDateParts(value)).toBeNull();
      expect(calendarDateText(value)).toBe(value);
    }
  });
});
