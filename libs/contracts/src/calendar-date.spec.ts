import { calendarDateInputText, calendarDateParts, calendarDateText, parseCalendarDateInput } from './calendar-date';

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

  it('shows a day in a date field as dd/mm/yyyy, the British way', () => {
    expect(calendarDateInputText('2001-03-04')).toBe('04/03/2001');
    expect(calendarDateInputText('1999-12-31')).toBe('31/12/1999');
    expect(calendarDateInputText('not a day')).toBe('not a day');
  });

  it('reads what a person types into a date field day first', () => {
    const typed: Record<string, string> = {
      '04/03/2001': '2001-03-04',
      '4/3/2001': '2001-03-04',
      ' 4.3.2001 ': '2001-03-04',
      '04-03-2001': '2001-03-04',
      '4 3 2001': '2001-03-04',
      '04032001': '2001-03-04',
      '4 March 2001': '2001-03-04',
      '4 mar 2001': '2001-03-04',
      '4 Sept 2001': '2001-09-04',
      '29/02/2024': '2024-02-29',
      '2001-03-04': '2001-03-04',
    };
    for (const [text, day] of Object.entries(typed)) expect(parseCalendarDateInput(text)).toBe(day);
  });

  it('refuses what is not a real day, a US order that cannot be one, or a two-digit year', () => {
    for (const text of ['', '31/02/2001', '29/02/2025', '12/31/2001', '4/3/01', '4 Marchh 2001', '2001-3-4', 'tomorrow', '00/01/2001']) {
      expect(parseCalendarDateInput(text)).toBeNull();
    }
  });
});
