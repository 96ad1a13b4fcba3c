import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The portal's shared Redis connection (sessions, rate limits, locks). Keys are namespaced with
 * REDIS_PREFIX so several deployments or test files can share one server.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = `${config.REDIS_PREFIX}:`;
    this.client = new Redis(config.REDIS_URL, {
      keyPrefix: this.prefix,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    this.client.on('error', () => undefined); // reported by health checks and by the failing call
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
