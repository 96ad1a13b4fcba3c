import { Clock, RedisService } from '@achievement/platform';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { VerificationLimits } from '../src/verification-limits';
import { VerifyRateLimiter } from '../src/verify-rate-limiter';

/** Two api processes, as two limiters sharing one Redis (the real server) under a prefix of this test's own. */
describe('the verification rate limit across processes', () => {
  const prefix = `ap_test_vrl_${randomBytes(4).toString('hex')}:`;
  const clients: Redis[] = [];
  const clock = new (class extends Clock {
    now(): Date {
      return new Date(Date.UTC(2026, 0, 1, 12, 0, 10));
    }
  })();

  function apiProcess(): VerifyRateLimiter {
    const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
    clients.push(client);
    const limits = VerificationLimits.fromEnvironment({}, { VERIFY_LOOKUPS_PER_MINUTE: 60 });
    return new VerifyRateLimiter(limits, { client, prefix } as unknown as RedisService, clock);
  }

  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`);
    if (keys.length) await clients[0].del(...keys.map((k) => k.slice(prefix.length)));
    clients.forEach((c) => c.disconnect());
  });

  it('counts one address across processes once they have synchronised, exact within a process', async () => {
    const a = apiProcess();
    const b = apiProcess();
    let allowedA = 0;
    for (let i = 0; i < 45; i++) if (a.take('lookup', '203.0.113.9').allowed) allowedA++;
    expect(allowedA).toBe(45);
    await a.sync();
    await b.sync();
    // b learns a's 45 at its first synchronisation of the address; before it, b alone would allow up to 60
    expect(b.take('lookup', '203.0.113.9').allowed).toBe(true);
    await b.sync();
    let allowedB = 1;
    for (let i = 0; i < 30; i++) if (b.take('lookup', '203.0.113.9').allowed) allowedB++;
    expect(allowedA + allowedB).toBe(60);
    await b.sync(); // b's timer would do this within 200 ms
    // a has not yet heard of b's 15: it lets one more through (the bounded overshoot of one sync interval), then learns the total and refuses
    expect(a.take('lookup', '203.0.113.9').allowed).toBe(true);
    await a.sync();
    expect(a.take('lookup', '203.0.113.9').allowed).toBe(false);
    // another address is untouched
    expect(a.take('lookup', '203.0.113.10').allowed).toBe(true);
  });
});
