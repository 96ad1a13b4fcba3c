import { accountContact } from '@achievement/identity';
import { OutboxService } from '@achievement/notifications';
import { AppConfig, AuditService, Clock, retryOnLockConflict, SYSTEM_ACTOR } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { poundsLabel } from './money';

const BATCH = 200;

/**
 * Expires card orders not paid by their payment_due_at (UNPAID_ORDER_EXPIRY_HOURS after the
 * checkout or the last payment attempt): they leave the fulfilment queue and the customer's open
 * orders, and the customer is emailed. The basket is untouched (a card order's items leave it only
 * once paid), so the customer can check out again. Safe on several workers at once and when run
 * twice: each order is claimed by a conditional UPDATE (awaiting_payment → expired) in the
 * transaction that writes its history row, audit row and email, so only one run does it.
 */
@Injectable()
export class UnpaidOrderExpiryTask {
  private readonly logger = new Logger(UnpaidOrderExpiryTask.name);
  private readonly base: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  @Cron(CronExpression.EVERY_5_MINUTES, { name: 'expire-unpaid-orders' })
  async tick(): Promise<void> {
    try {
      const expired = await this.expireDue(this.clock.now());
      if (expired) this.logger.log(`${expired} unpaid order(s) expired; customers emailed`);
    } catch (err) {
      this.logger.warn(`Expiring unpaid orders failed, will try again: ${(err as Error).message}`);
    }
  }

  /** Returns how many orders this run expired. */
  async expireDue(now: Date): Promise<number> {
    let expired = 0;
    let after = 0;
    for (;;) {
      const due: { id: number }[] = await this.dataSource.query(
        `SELECT id FROM orders WHERE status = 'awaiting_payment' AND payment_due_at <= ? AND id > ? ORDER BY id LIMIT ?`,
        [now, after, BATCH],
      );
      for (const { id } of due) if (await this.expire(Number(id), now)) expired++;
      if (due.length < BATCH) return expired;
      after = Number(due[due.length - 1].id);
    }
  }

  private expire(id: number, now: Date): Promise<boolean> {
    return retryOnLockConflict(() =>
      this.outbox.transaction(async (manager, outbox) => {
        const claim = await manager.query(`UPDATE orders SET status = 'expired' WHERE id = ? AND status = 'awaiting_payment' AND payment_due_at <= ?`, [
          id,
          now,
        ]);
        if (Number(claim.affectedRows) !== 1) return false;
        const [order] = await manager.query('SELECT id, number, user_id, centre_id, gross_pence FROM orders WHERE id = ?', [id]);
        await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, NULL, ?)', [
          id,
          'expired',
          `Not paid within ${this.config.UNPAID_ORDER_EXPIRY_HOURS} hours`,
          now,
        ]);
        const customer = await accountContact(manager, Number(order.user_id));
        if (customer) {
          await outbox.add({
            to: customer.email,
            template: 'order-expired',
            eventKey: `order.expired:${id}`,
            data: {
              firstName: customer.firstName,
              orderNumber: order.number,
              total: poundsLabel(Number(order.gross_pence)),
              hours: this.config.UNPAID_ORDER_EXPIRY_HOURS,
              basketUrl: `${this.base}/basket`,
            },
          });
        }
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'order.expired',
            subjectType: 'order',
            subjectId: id,
            centreId: order.centre_id,
            before: { status: 'awaiting_payment' },
            after: { status: 'expired' },
          },
          manager,
        );
        return true;
      }),
    );
  }
}
