import { BodyTimePipe } from './body-time.pipe';

describe('BodyTimePipe', () => {
  const pipe = new BodyTimePipe();

  it('shows an instant in British form and UK time, summer and winter', () => {
    expect(pipe.transform('2026-07-01T23:30:00.000Z')).toBe('2 Jul 2026, 00:30 UK time');
    expect(pipe.transform('2026-12-03T12:15:00.000Z')).toBe('3 Dec 2026, 12:15 UK time');
  });

  it('shows nothing for no time', () => {
    expect(pipe.transform(null)).toBe('');
  });
});
