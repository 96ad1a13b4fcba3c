import { Clock, RedisService } from '@achievement/platform';
import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { VerificationLimits } from './verification-limits';

export type VerifyBucket = 'lookup' | 'upload';

const WINDOW_MS = 60_000;
/** How often each process adds its counts to the shared ones in Redis (and learns the others'). */
export const SYNC_INTERVAL_MS = 200;

interface Counter {
  window: number;
  /** the shared count (every process) as Redis last answered */
  shared: number;
  /** this process's hits not yet added to Redis */
  pending: number;
}

/**
 * Per-address limits of the public verification routes, counted in fixed one-minute windows,
 * without a Redis round trip per request: each process counts locally and, every 200 ms, adds its
 * new hits to the shared Redis counter of each address in one pipeline, learning the total of all
 * processes. A request is let through while (shared total + own unsynchronised hits) < limit.
 *
 * Trade-off: one process alone is exact; across N processes an address can exceed the limit by at
 * most what the other processes let through in one sync interval (their last 200 ms), after which
 * every process sees the total. For 60/min that is a handful of requests in the worst case, against
 * one Redis round trip (~0.1-0.3 ms and a shared bottleneck) saved on every look-up. If Redis is
 * unreachable the limit holds per process.
 */
@Injectable()
export class VerifyRateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly limits: VerificationLimits,
    private readonly redis: RedisService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sync(), SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sync();
  }

  limitOf(bucket: VerifyBucket): number {
    return bucket === 'lookup' ? this.limits.VERIFY_LOOKUPS_PER_MINUTE : this.limits.VERIFY_UPLOADS_PER_MINUTE;
  }

  /** Counts a request of the address; false when the address has used up its minute. Seconds until the next window in `retryAfter`. */
  take(bucket: VerifyBucket, address: string): { allowed: boolean; retryAfterSeconds: number } {
    const nowMs = this.clock.now().getTime();
    const window = Math.floor(nowMs / WINDOW_MS);
    const key = `${bucket}:${address}`;
    let counter = this.counters.get(key);
    if (!counter || counter.window !== window) {
      counter = { window, shared: 0, pending: 0 };
      this.counters.set(key, counter);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - nowMs) / 1000));
    if (counter.shared + counter.pending >= this.limitOf(bucket)) return { allowed: false, retryAfterSeconds };
    counter.pending++;
    return { allowed: true, retryAfterSeconds };
  }

  /** Adds the pending counts to Redis and learns the shared totals (one pipeline); forgets finished windows. */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = this.syncNow().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    const window = Math.floor(this.clock.now().getTime() / WINDOW_MS);
    const batch: { key: string; counter: Counter; sent: number }[] = [];
    for (const [key, counter] of this.counters) {
      if (counter.window < window) {
        this.counters.delete(key);
        continue;
      }
      if (counter.pending > 0) batch.push({ key, counter, sent: counter.pending });
    }
    if (!batch.length) return;
    const pipeline = this.redis.client.pipeline();
    for (const { key, counter, sent } of batch) {
      const redisKey = `verify-rate:${key}:${counter.window}`;
      pipeline.incrby(redisKey, sent);
      pipeline.pexpire(redisKey, WINDOW_MS * 2);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      batch.forEach(({ counter, sent }, i) => {
        const [err, total] = results[i * 2] ?? [new Error('no answer'), null];
        if (err) return;
        counter.pending -= sent;
        counter.shared = Math.max(counter.shared, Number(total));
      });
    } catch {
      // Redis unreachable: the counts stay pending (the limit still holds in this process) and are sent next time
    }
  }
}
