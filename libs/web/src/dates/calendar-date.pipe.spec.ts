import { CalendarDatePipe } from './calendar-date.pipe';

/** The test runner's Node environment: setting TZ there changes the zone Date uses at once. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('CalendarDatePipe', () => {
  const pipe = new CalendarDatePipe();
  const zoneBefore = env['TZ'];

  afterEach(() => {
    if (zoneBefore === undefined) delete env['TZ'];
    else env['TZ'] = zoneBefore;
  });

  it('shows a YYYY-MM-DD day as the certificate prints it', () => {
    expect(pipe.transform('2025-08-28')).toBe('28 August 2025');
    expect(pipe.transform('2004-05-06')).toBe('6 May 2004');
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined)).toBe('');
  });

  it('shows the same day east and west of Greenwich, in summer and in winter', () => {
    // [zone, minutes the zone is behind UTC on 28 August 2025]
    const zones: [string, number][] = [
      ['Europe/London', -60],
      ['Asia/Tokyo', -540],
      ['America/Los_Angeles', 420],
      ['Pacific/Kiritimati', -840],
      ['Pacific/Pago_Pago', 660],
    ];
    for (const [zone, offset] of zones) {
      env['TZ'] = zone;
      expect(new Date(2025, 7, 28, 12).getTimezoneOffset()).toBe(offset); // the zone took effect
      expect(pipe.transform('2025-08-28')).toBe('28 August 2025');
      expect(pipe.transform('2025-01-01')).toBe('1 January 2025');
      expect(pipe.transform('2025-12-31')).toBe('31 December 2025');
    }
  });
});
