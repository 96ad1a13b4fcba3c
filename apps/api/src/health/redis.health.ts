import { RedisService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisService,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      const pong = await Promise.race([
        this.redis.client.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no answer within 1s')), 1000)),
      ]);
      return pong === 'PONG' ? session.up() : session.down({ message: `unexpected answer ${pong}` });
    } catch (err) {
      return session.down({ message: (err as Error).message });
    }
  }
}
