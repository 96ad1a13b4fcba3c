import { OutboxService } from '@achievement/notifications';
import { Clock, SYSTEM_ACTOR, AuditService } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { longDate } from './access-length';
import { ConnectionRow } from './connection-store';
import { SharingLinks } from './sharing-links';

const BATCH = 200;

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
    private readonly links: SharingLinks,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'expire-connections' })
  async tick(): Promise<void> {
    try {
      const expired = await this.expireDue(this.clock.now());
      if (expired) this.logger.log(`${expired} connection(s) expired; both sides emailed`);
    } catch (err) {
      this.logger.warn(`Expiring connections failed, will try again: ${(err as Error).message}`);
    }
  }

  /** Returns how many connections this run expired. */
  async expireDue(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const due: ConnectionRow[] = await this.dataSource.query(`SELECT * FROM connections WHERE status = 'active' AND access_ends_at <= ? ORDER BY access_ends_at, id LIMIT ?`, [now, BATCH]);
      for (const row of due) if (await this.expire(row, now)) expired++;
      if (due.length < BATCH) return expired;
    }
  }

  private expire(row: ConnectionRow, now: Date): Promise<boolean> {
    return this.outbox.transaction(async (manager, outbox) => {
      const claim = await manager.query(`UPDATE connections SET status = 'expired', decided_at = ? WHERE id = ? AND status = 'active' AND access_ends_at <= ?`, [now, row.id, now]);
      if (Number(claim.affectedRows) !== 1) return false;
      const [learner] = await manager.query('SELECT email, first_name, last_name FROM users WHERE id = ?', [row.learner_user_id]);
      const learnerName = learner ? `${learner.first_name} ${learner.last_name}` : 'The learner';
      const endedAt = longDate(new Date(row.access_ends_at!));
      const common = { thirdPartyName: row.third_party_name, thirdPartyEmail: row.third_party_email, learnerName, endedAt, connectionsUrl: this.links.learnerConnections() };
      if (learner) {
        await outbox.add({ to: learner.email, template: 'connection-expired', eventKey: `connection.expired:${row.id}:learner`, data: { ...common, firstName: learner.first_name, toLearner: true } });
      }
      await outbox.add({ to: row.third_party_email, template: 'connection-expired', eventKey: `connection.expired:${row.id}:third-party`, data: { ...common, firstName: row.third_party_name, toLearner: false } });
      await this.audit.record(SYSTEM_ACTOR, { action: 'connection.expired', subjectType: 'connection', subjectId: Number(row.id), before: { status: 'active' }, after: { status: 'expired' } }, manager);
      return true;
    });
  }
}
