import { AppConfig, Clock, RedisService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { SessionRecord } from './session-record';

const TOUCH_EVERY_MS = 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Server-side sessions in Redis: revocable at once, with idle and absolute timeouts. The cookie
 * carries a 256-bit random token; Redis keys use its SHA-256, so a Redis dump yields no usable token.
 */
@Injectable()
export class SessionStore {
  private readonly idleMs: number;
  private readonly absoluteMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.idleMs = config.SESSION_IDLE_MINUTES * 60_000;
    this.absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  }

  private key(id: string): string {
    return `sess:${id}`;
  }

  private userKey(userId: number): string {
    return `user-sess:${userId}`;
  }

  /**
   * Starts a session; returns the token for the cookie and the session's id (the hash). A session
   * with `pending` set (half signed in) lives `pendingMs` at most.
   */
  async create(
    data: Omit<SessionRecord, 'createdAt' | 'lastSeenAt' | 'csrf' | 'pendingUntil'>,
    pendingMs?: number,
  ): Promise<{ token: string; id: string; record: SessionRecord }> {
    const token = newToken();
    const id = hashOf(token);
    const now = this.clock.now().getTime();
    const record: SessionRecord = { ...data, csrf: newToken(), createdAt: now, lastSeenAt: now };
    if (data.pending && pendingMs) record.pendingUntil = now + pendingMs;
    await this.redis.client
      .multi()
      .set(this.key(id), JSON.stringify(record), 'PX', record.pendingUntil ? Math.min(this.idleMs, pendingMs!) : this.idleMs)
      .sadd(this.userKey(data.userId), id)
      .pexpire(this.userKey(data.userId), this.absoluteMs)
      .exec();
    return { token, id, record };
  }

  /** The live session for a cookie token, or null when unknown, idle too long or past its absolute lifetime. */
  async find(token: string): Promise<{ id: string; record: SessionRecord } | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const id = hashOf(token);
    const raw = await this.redis.client.get(this.key(id));
    if (!raw) return null;
    const record = JSON.parse(raw) as SessionRecord;
    const now = this.clock.now().getTime();
    if (now - record.createdAt > this.absoluteMs || now - record.lastSeenAt > this.idleMs || (record.pendingUntil !== undefined && now > record.pendingUntil)) {
      await this.destroy(id, record.userId);
      return null;
    }
    if (now - record.lastSeenAt > TOUCH_EVERY_MS) {
      record.lastSeenAt = now;
      const ttl = Math.min(this.idleMs, this.absoluteMs - (now - record.createdAt), record.pendingUntil !== undefined ? record.pendingUntil - now : Infinity);
      await this.redis.client.set(this.key(id), JSON.stringify(record), 'PX', Math.max(ttl, 1));
    }
    return { id, record };
  }

  async destroy(id: string, userId: number): Promise<void> {
    await this.redis.client.multi().del(this.key(id)).srem(this.userKey(userId), id).exec();
  }

  /** Records that the second factor was just given in this session (step-up). */
  async markFactorGiven(id: string, at: Date): Promise<void> {
    const raw = await this.redis.client.get(this.key(id));
    if (!raw) return;
    const record = JSON.parse(raw) as SessionRecord;
    record.factorAt = at.getTime();
    await this.redis.client.set(this.key(id), JSON.stringify(record), 'KEEPTTL', 'XX');
  }

  /** Updates the name shown by every live session of a user (after a profile change). */
  async renameUser(userId: number, name: string): Promise<void> {
    const ids = await this.redis.client.smembers(this.userKey(userId));
    for (const id of ids) {
      const raw = await this.redis.client.get(this.key(id));
      if (!raw) continue;
      const record = JSON.parse(raw) as SessionRecord;
      record.name = name;
      await this.redis.client.set(this.key(id), JSON.stringify(record), 'KEEPTTL', 'XX');
    }
  }

  /** Ends every session of a user, except the one given (sign out everywhere else; password change). Returns how many ended. */
  async destroyAllOf(userId: number, exceptId?: string): Promise<number> {
    const ids = await this.redis.client.smembers(this.userKey(userId));
    const doomed = ids.filter((id) => id !== exceptId);
    if (doomed.length === 0) return 0;
    const multi = this.redis.client.multi();
    for (const id of doomed) multi.del(this.key(id)).srem(this.userKey(userId), id);
    await multi.exec();
    return doomed.length;
  }
}
