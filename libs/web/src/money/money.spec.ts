import { formatPence, penceToPounds, poundsToPence } from './money';

describe('money', () => {
  it('turns pounds as typed into whole pence without floating-point errors', () => {
    expect(poundsToPence('0.29')).toBe(29);
    expect(poundsToPence('1.1')).toBe(110);
    expect(poundsToPence('2500')).toBe(250_000);
    expect(poundsToPence('£1,234.56')).toBe(123_456);
    expect(poundsToPence(' 19.99 ')).toBe(1999);
    expect(poundsToPence('.5')).toBe(50);
    expect(poundsToPence('1000000.00')).toBe(100_000_000);
  });

  it('refuses what is not an amount of pounds with at most two decimals', () => {
    for (const text of ['', 'abc', '1.234', '-5', '1,23', '1e3', '12.']) {
      expect(poundsToPence(text)).toBeNull();
    }
  });

  it('shows pence as pounds with two decimals', () => {
    expect(penceToPounds(0)).toBe('0.00');
    expect(penceToPounds(29)).toBe('0.29');
    expect(penceToPounds(123_456)).toBe('1234.56');
    expect(formatPence(123_456)).toBe('£1,234.56');
    expect(formatPence(100_000_000)).toBe('£1,000,000.00');
  });
});
