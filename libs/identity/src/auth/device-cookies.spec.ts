import { Clock, loadConfig } from '@achievement/platform';
import { DEVICE_COOKIE_DAYS, DeviceCookies } from './device-cookies';

class FixedClock extends Clock {
  constructor(public at = new Date('2026-06-01T12:00:00Z')) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('DeviceCookies', () => {
  const clock = new FixedClock();
  const devices = new DeviceCookies(loadConfig({}, { COOKIE_SECURE: true, DEVICE_COOKIE_SECRET: 'a'.repeat(32) }), clock);

  it('names the cookie with the __Host- prefix and sets it Secure, HttpOnly, SameSite=Strict, Path=/, for a long time where cookies are secure', () => {
    const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
    devices.set({ setCookie: (name, value, options) => set.push({ name, value, options }) }, 'v');
    expect(set).toEqual([
      { name: '__Host-ap_device', value: 'v', options: { path: '/', httpOnly: true, sameSite: 'strict', secure: true, maxAge: DEVICE_COOKIE_DAYS * 86_400 } },
    ]);
    expect(new DeviceCookies(loadConfig({}, { COOKIE_SECURE: false }), clock).name).toBe('ap_device');
  });

  it('reads back a cookie it issued for the same account, in any case, each with its own nonce', () => {
    const first = devices.read(devices.issue('Owner@Example.test'), ' owner@example.TEST ');
    const second = devices.read(devices.issue('owner@example.test'), 'owner@example.test');
    expect(first?.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second?.nonce).not.toBe(first?.nonce);
  });

  it("refuses another account's, another secret's, a tampered or an expired cookie", () => {
    const cookie = devices.issue('owner@example.test');
    expect(devices.read(cookie, 'someone-else@example.test')).toBeNull();
    const otherSecret = new DeviceCookies(loadConfig({}, { DEVICE_COOKIE_SECRET: 'b'.repeat(32) }), clock);
    expect(otherSecret.read(cookie, 'owner@example.test')).toBeNull();
    for (let i = 0; i < cookie.length; i++) {
      const tampered = cookie.slice(0, i) + (cookie[i] === 'x' ? 'y' : 'x') + cookie.slice(i + 1);
      expect(devices.read(tampered, 'owner@example.test')).toBeNull();
    }
    expect(devices.read(undefined, 'owner@example.test')).toBeNull();
    expect(devices.read('', 'owner@example.test')).toBeNull();
    const later = new DeviceCookies(
      loadConfig({}, { DEVICE_COOKIE_SECRET: 'a'.repeat(32) }),
      new FixedClock(new Date(clock.at.getTime() + DEVICE_COOKIE_DAYS * 86_400_000)),
    );
    expect(later.read(cookie, 'owner@example.test')).toBeNull();
    const justBefore = new DeviceCookies(
      loadConfig({}, { DEVICE_COOKIE_SECRET: 'a'.repeat(32) }),
      new FixedClock(new Date(clock.at.getTime() + DEVICE_COOKIE_DAYS * 86_400_000 - 1000)),
    );
    expect(justBefore.read(cookie, 'owner@example.test')).not.toBeNull();
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => loadConfig({}, { DEVICE_COOKIE_SECRET: 'short' })).toThrow(/DEVICE_COOKIE_SECRET/);
  });
});
