import { RedisService } from '@achievement/platform';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

/** What changed: the verification codes of the documents whose public facts changed, or everything. */
export type VerifiableChange = { codes: string[] } | { all: true };

export type VerifiableChangeListener = (change: VerifiableChange) => void;

/**
 * Tells every process at once that what the public verification of some documents shows has
 * changed (a revocation, a reissue, a display setting, a rendering, a qualification's title), so
 * their caches drop it: at once in this process (before the change's request is answered), and
 * through a Redis channel in every other process (the api's other instances; the worker renders).
 *
 * `live` is false while this process is not subscribed (at start, or Redis unreachable): a cache
 * must not answer from memory then, since it could miss another process's change.
 */
@Injectable()
export class VerifiableChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(VerifiableChanges.name);
  private readonly listeners: VerifiableChangeListener[] = [];
  private readonly channel: string;
  private subscriber: Redis | undefined;
  private subscribed = false;
  private started = false;

  constructor(private readonly redis: RedisService) {
    this.channel = `${redis.prefix}verifiable-changed`;
  }

  get live(): boolean {
    return this.subscribed;
  }

  onChange(listener: VerifiableChangeListener): void {
    this.listeners.push(listener);
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.client.duplicate({ keyPrefix: '', lazyConnect: true, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined); // reported by health checks; while down, `live` is false
    subscriber.on('message', (_channel: string, message: string) => this.tell(parseChange(message)));
    subscriber.on('close', () => this.lost());
    subscriber.on('reconnecting', () => this.lost());
    // ioredis re-subscribes after a reconnect and then reports ready: changes made meanwhile were missed, so start afresh
    subscriber.on('ready', () => {
      if (this.started && !this.subscribed) void this.resubscribed();
    });
    try {
      await subscriber.connect();
      await subscriber.subscribe(this.channel);
      this.subscribed = true;
    } catch (err) {
      this.logger.warn({ err }, 'Not subscribed to document changes yet: verification answers come from the database until Redis answers');
    } finally {
      this.started = true;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscribed = false;
    this.subscriber?.disconnect();
  }

  /** Announces a committed change: this process's listeners first (synchronously), then every other process. */
  async announce(change: VerifiableChange): Promise<void> {
    if ('codes' in change && change.codes.length === 0) return;
    this.tell(change);
    try {
      await this.redis.client.publish(this.channel, JSON.stringify(change));
    } catch (err) {
      // the other processes' caches are bounded in time (see VerifiableDocumentCache); say so loudly
      this.logger.error({ err }, 'A change to documents could not be announced to the other processes');
    }
  }

  private tell(change: VerifiableChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    this.tell({ all: true });
  }

  private async resubscribed(): Promise<void> {
    try {
      await this.subscriber?.subscribe(this.channel);
      this.tell({ all: true });
      this.subscribed = true;
    } catch {
      // still down: the next 'ready' tries again
    }
  }
}

function parseChange(message: string): VerifiableChange {
  try {
    const parsed = JSON.parse(message) as Partial<{ codes: unknown; all: unknown }>;
    if (Array.isArray(parsed.codes) && parsed.codes.every((c) => typeof c === 'string')) return { codes: parsed.codes as string[] };
  } catch {
    // fall through: an unreadable message drops everything, which is always safe
  }
  return { all: true };
}
