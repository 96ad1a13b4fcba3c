import { BodyDayPipe } from './body-day.pipe';

/** The test runner's Node environment: setting TZ there changes the zone Date uses at once. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('BodyDayPipe', () => {
  const pipe = new BodyDayPipe();
  const zoneBefore = env['TZ'];

  afterEach(() => {
    if (zoneBefore === undefined) delete env['TZ'];
    else env['TZ'] = zoneBefore;
  });

  it('shows the day chosen for an access end (the end of that day in UK time), in Tokyo and Los Angeles alike', () => {
    // "until 14 July 2026" ends at 23:59:59.999 British Summer Time; "until 14 February" at 23:59:59.999 GMT
    for (const zone of ['Europe/London', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      env['TZ'] = zone;
      expect(pipe.transform('2026-07-14T22:59:59.999Z')).toBe('14 Jul 2026');
      expect(pipe.transform('2026-07-14T22:59:59.999Z', 'long')).toBe('14 July 2026');
      expect(pipe.transform('2026-02-14T23:59:59.999Z')).toBe('14 Feb 2026');
      expect(pipe.transform('2026-07-14T22:59:59.999Z', 'time')).toBe('14 Jul 2026, 23:59 UK time');
    }
  });

  it('shows nothing for no value', () => {
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined, 'time')).toBe('');
  });
});
