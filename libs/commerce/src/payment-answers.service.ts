import { OutboxService } from '@achievement/notifications';
import { AppConfig, Clock } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INVALID_ANSWER } from './gateway/opayo-form.gateway';
import { ConfirmedTransaction, GatewayUnavailableError, PaymentAnswer, PaymentGateway, PaymentStatus } from './gateway/payment-gateway';
import { OrderForStatusChange, OrderPlaced, recordOrderPlaced, recordOrderStatus } from './order-status-change';
import { ApiError } from '@achievement/platform';

/** How a payment stands, for the page the browser goes back to (?payment=…). */
export type ShownPaymentOutcome = 'paid' | 'declined' | 'failed' | 'cancelled' | 'checking';

interface AttemptRow {
  id: number;
  order_id: number;
  vendor_tx_code: string;
  amount_pence: number;
  status: PaymentStatus | 'pending';
  recheck_at: Date | null;
  rechecks: number;
  created_at: Date;
}

/** How long the gateway is asked again about an answer it could not confirm, before an administrator is left to look. */
const RECHECK_FOR_MS = 24 * 3600_000;
const RECHECK_BATCH = 50;
/** An attempt with no answer yet is looked up once the gateway's card page has expired (an hour), with some slack. */
const UNANSWERED_AFTER_MS = 70 * 60_000;

/**
 * The card gateway's answers. What comes back through the browser is checked field by field and
 * names an attempt of ours for its amount, but it only triggers the look-up: the gateway's own
 * record (PaymentGateway.confirmTransaction, an authenticated server-to-server call) is what
 * settles the attempt, and only an authorised record for exactly the attempt's amount, in GBP,
 * makes the order paid. When the record cannot be read now the attempt stays pending, the page
 * says the payment is being checked, and recheckDue asks again later. Each attempt is settled
 * once, however often and from however many processes answers and re-checks come.
 */
@Injectable()
export class PaymentAnswersService {
  private readonly logger = new Logger(PaymentAnswersService.name);
  private readonly base: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: PaymentGateway,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  /** The browser is back from the gateway with an answer: 400 unless it is a well-formed answer about one of our attempts, for its amount. */
  async answerReturned(query: Record<string, unknown>): Promise<{ orderId: number; outcome: ShownPaymentOutcome }> {
    const answer = this.gateway.readAnswer(query);
    const [attempt]: AttemptRow[] = await this.dataSource.query('SELECT * FROM payment_attempts WHERE vendor_tx_code = ?', [answer.reference]);
    if (!attempt) throw new ApiError('PAYMENT_ANSWER_INVALID', INVALID_ANSWER);
    if (Number(attempt.amount_pence) !== answer.amountPence) {
      this.logger.warn(`Gateway answer for ${answer.reference} names ${answer.amountPence}p, the attempt is for ${attempt.amount_pence}p: refused`);
      throw new ApiError('PAYMENT_ANSWER_INVALID', INVALID_ANSWER);
    }
    const orderId = Number(attempt.order_id);
    if (attempt.status !== 'pending') return { orderId, outcome: shownOf(attempt.status) }; // a repeat: settled already
    return { orderId, outcome: await this.confirm(attempt, answer, this.clock.now()) };
  }

  /**
   * Asks the gateway again about the attempts whose answer it could not confirm before, and once
   * about those whose answer never came back (the browser closed after paying: the Form protocol
   * has no server-to-server notification) when the gateway's card page has expired. Safe on
   * several machines: each re-check is claimed first.
   */
  async recheckDue(now: Date): Promise<number> {
    await this.dataSource.query(
      `UPDATE payment_attempts SET recheck_at = ? WHERE status = 'pending' AND recheck_at IS NULL AND rechecks = 0 AND created_at <= ? AND created_at > ? ORDER BY id LIMIT ?`,
      [now, new Date(now.getTime() - UNANSWERED_AFTER_MS), new Date(now.getTime() - RECHECK_FOR_MS), RECHECK_BATCH * 4],
    );
    const due: AttemptRow[] = await this.dataSource.query(
      `SELECT * FROM payment_attempts WHERE status = 'pending' AND recheck_at IS NOT NULL AND recheck_at <= ? ORDER BY recheck_at, id LIMIT ?`,
      [now, RECHECK_BATCH],
    );
    let settled = 0;
    for (const attempt of due) {
      const givingUp = now.getTime() - new Date(attempt.created_at).getTime() > RECHECK_FOR_MS;
      const next = givingUp ? null : new Date(now.getTime() + Math.min(2 ** Number(attempt.rechecks), 60) * 60_000);
      const claim = await this.dataSource.query(
        `UPDATE payment_attempts SET recheck_at = ?, rechecks = rechecks + 1 WHERE id = ? AND status = 'pending' AND recheck_at = ?`,
        [next, attempt.id, attempt.recheck_at],
      );
      if (Number(claim.affectedRows) !== 1) continue; // another machine took it
      if (givingUp) {
        this.logger.error(
          `Payment ${attempt.vendor_tx_code} could not be confirmed with the gateway for 24 hours: left awaiting payment for an administrator to check`,
        );
        continue;
      }
      if ((await this.confirm(attempt, null, now)) !== 'checking') settled++;
    }
    return settled;
  }

  /** The gateway's record of the attempt settles it; when it cannot be read, or is still in progress, a re-check is due. */
  private async confirm(attempt: AttemptRow, answer: PaymentAnswer | null, now: Date): Promise<ShownPaymentOutcome> {
    let record: ConfirmedTransaction;
    try {
      record = await this.gateway.confirmTransaction(attempt.vendor_tx_code);
    } catch (err) {
      if (!(err instanceof GatewayUnavailableError)) throw err;
      this.logger.warn(`Payment ${attempt.vendor_tx_code} could not be confirmed now (${err.message}): checked again later`);
      await this.recheckLater(attempt.id, now);
      return 'checking';
    }
    if (record.reference !== attempt.vendor_tx_code) {
      this.logger.error(`The gateway answered a look-up of ${attempt.vendor_tx_code} with ${record.reference}: checked again later`);
      await this.recheckLater(attempt.id, now);
      return 'checking';
    }
    if (answer && (answer.status !== record.state || (record.gatewayTxId && answer.gatewayTxId !== record.gatewayTxId.toUpperCase()))) {
      this.logger.warn(`The answer for ${attempt.vendor_tx_code} (${answer.status}) disagrees with the gateway's record (${record.state}): the record decides`);
    }
    if (record.state === 'in_progress' || record.state === 'unknown') {
      await this.recheckLater(attempt.id, now);
      return 'checking';
    }
    return this.settle(attempt.id, { ...record, state: record.state }, now);
  }

  private async recheckLater(attemptId: number, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE payment_attempts SET recheck_at = COALESCE(recheck_at, ?) WHERE id = ? AND status = 'pending'`, [
      new Date(now.getTime() + 60_000),
      attemptId,
    ]);
  }

  /** Records the gateway's word on the attempt, once; an authorised payment of exactly the attempt's amount makes the order paid. */
  private settle(attemptId: number, record: ConfirmedTransaction & { state: PaymentStatus }, now: Date): Promise<ShownPaymentOutcome> {
    return this.outbox.transaction(async (manager, outbox) => {
      const [attempt]: AttemptRow[] = await manager.query('SELECT * FROM payment_attempts WHERE id = ? FOR UPDATE', [attemptId]);
      if (attempt.status !== 'pending') return shownOf(attempt.status); // settled by another answer or re-check meanwhile
      const exact = record.amountPence === Number(attempt.amount_pence) && record.currency === 'GBP';
      let status: PaymentStatus = record.state;
      let detail = record.detail;
      if (status === 'ok' && !exact) {
        this.logger.error(
          `The gateway authorised ${attempt.vendor_tx_code} for ${record.amountPence}p ${record.currency}, the attempt is for ${attempt.amount_pence}p GBP: not taken as paid; an administrator must refund it`,
        );
        status = 'error';
        detail = 'The gateway authorised another amount than this order’s: not taken as paid.';
      }
      await manager.query(
        'UPDATE payment_attempts SET status = ?, status_detail = ?, gateway_tx_id = ?, auth_code = ?, completed_at = ?, recheck_at = NULL WHERE id = ?',
        [
          status,
          detail.slice(0, 255),
          record.gatewayTxId?.slice(0, 64) ?? null,
          status === 'ok' ? (record.authCode?.slice(0, 20) ?? null) : null,
          now,
          attempt.id,
        ],
      );
      if (status !== 'ok') return shownOf(status);
      const [order]: (OrderForStatusChange & OrderPlaced & { status: string })[] = await manager.query(
        'SELECT id, number, user_id, status, tracking_reference, gross_pence, payment_method FROM orders WHERE id = ? FOR UPDATE',
        [attempt.order_id],
      );
      // an order that expired while its customer was paying is still theirs: the money was taken
      if (order.status !== 'awaiting_payment' && order.status !== 'expired') {
        this.logger.warn(`Order ${order.number} was paid while ${order.status}: recorded on the attempt, the order is left for an administrator`);
        return 'paid';
      }
      await recordOrderPlaced(manager, outbox, this.base, order); // a card order is placed once it is paid
      await recordOrderStatus(
        manager,
        outbox,
        this.base,
        order,
        'paid',
        `Card payment received and confirmed with the gateway (authorisation ${record.authCode ?? '-'})`,
        null,
        now,
      );
      await manager.query('DELETE b FROM basket_items b JOIN order_lines l ON l.basket_item_id = b.id WHERE l.order_id = ? AND b.user_id = ?', [
        order.id,
        order.user_id,
      ]);
      return 'paid';
    });
  }
}

function shownOf(status: PaymentStatus): ShownPaymentOutcome {
  return status === 'ok' ? 'paid' : status === 'abort' ? 'cancelled' : status === 'notauthed' || status === 'rejected' ? 'declined' : 'failed';
}
