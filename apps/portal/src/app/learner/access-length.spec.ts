import { dayAfter } from './access-length';

/** The test runner's Node environment: setting TZ there changes the zone Date uses at once. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('dayAfter', () => {
  const zoneBefore = env['TZ'];

  afterEach(() => {
    if (zoneBefore === undefined) delete env['TZ'];
    else env['TZ'] = zoneBefore;
  });

  it('counts from the day it is in the UK, where the API counts "today", in any browser zone', () => {
    // 17:30 on 30 June in Los Angeles is 01:30 on 1 July in London: tomorrow is 2 July
    env['TZ'] = 'America/Los_Angeles';
    const lateEvening = new Date('2026-07-01T00:30:00.000Z');
    expect(dayAfter(0, lateEvening)).toBe('2026-07-01');
    expect(dayAfter(1, lateEvening)).toBe('2026-07-02');
    env['TZ'] = 'Asia/Tokyo';
    // 07:30 on 1 July in Tokyo is still 23:30 on 30 June in London: tomorrow is 1 July
    expect(dayAfter(1, new Date('2026-06-30T22:30:00.000Z'))).toBe('2026-07-01');
    expect(dayAfter(365, new Date('2026-06-30T12:00:00.000Z'))).toBe('2027-06-30');
  });
});
