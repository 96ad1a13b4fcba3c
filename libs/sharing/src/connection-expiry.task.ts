import { OutboxService } from '@achievement/notifications';
import { Clock, SYSTEM_ACTOR, AuditService } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectionRow, ConnectionStore } from './connection-store';

const BATCH = 200;
/** How long a third party's request waits for the learner's answer. */
export const REQUEST_LIFETIME_DAYS = 30;

/**
 * Records the connections whose access has run out as expired and emails both sides. Access itself
 * already ends at its time (every read checks it); this makes it visible and tells people. Safe on
 * several workers at once and when run twice: each connection is claimed by a conditional UPDATE
 * (active → expired) in the transaction that writes its two emails, so only one run sends them.
 */
@Injectable()
export class ConnectionExpiryTask {
  private readonly logger = new Logger(ConnectionExpiryTask.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly store: ConnectionStore,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'expire-connections' })
  async tick(): Promise<void> {
    try {
      const now = this.clock.now();
      const expired = await this.expireDue(now);
      if (expired) this.logger.log(`${expired} connection(s) expired; both sides emailed`);
      const requests = await this.expireUnansweredRequests(now);
      if (requests) this.logger.log(`${requests} unanswered request(s) expired`);
    } catch (err) {
      this.logger.warn(`Expiring connections failed, will try again: ${(err as Error).message}`);
    }
  }

  /** Returns how many connections this run expired. */
  async expireDue(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const due: ConnectionRow[] = await this.dataSource.query(
        `SELECT * FROM connections WHERE status = 'active' AND access_ends_at <= ? ORDER BY access_ends_at, id LIMIT ?`,
        [now, BATCH],
      );
      for (const row of due) if (await this.expire(row, now)) expired++;
      if (due.length < BATCH) return expired;
    }
  }

  private expire(row: ConnectionRow, now: Date): Promise<boolean> {
    return this.outbox.transaction((manager, outbox) => this.store.expire(manager, outbox, row, now));
  }

  /**
   * Requests a learner has not answered within REQUEST_LIFETIME_DAYS are recorded as expired
   * (nothing was shared; no email, so that a request that reached no learner ends the same way).
   * Returns how many. Safe to run twice and on several workers: one conditional UPDATE a row.
   */
  async expireUnansweredRequests(now: Date): Promise<number> {
    const before = new Date(now.getTime() - REQUEST_LIFETIME_DAYS * 86_400_000);
    let expired = 0;
    for (;;) {
      const due: { id: number }[] = await this.dataSource.query(
        `SELECT id FROM connections WHERE status = 'pending' AND created_at <= ? ORDER BY created_at, id LIMIT ?`,
        [before, BATCH],
      );
      for (const { id } of due) {
        const done = await this.dataSource.transaction(async (manager) => {
          const claim = await manager.query(
            `UPDATE connections SET status = 'expired', decided_at = ? WHERE id = ? AND status = 'pending' AND created_at <= ?`,
            [now, id, before],
          );
          if (Number(claim.affectedRows) !== 1) return false;
          await this.audit.record(
            SYSTEM_ACTOR,
            {
              action: 'connection.request_expired',
              subjectType: 'connection',
              subjectId: Number(id),
              before: { status: 'pending' },
              after: { status: 'expired' },
            },
            manager,
          );
          return true;
        });
        if (done) expired++;
      }
      if (due.length < BATCH) return expired;
    }
  }
}
