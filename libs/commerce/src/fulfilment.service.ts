import { withCentreNames } from '@achievement/identity';
import { CancelOrderLineRequest, ORDER_STATUS_MOVES, OrderDetail, OrderLine, OrderPage, OrderStatus, SetOrderStatusRequest } from '@achievement/contracts';
import { OrderableDocumentsService } from '@achievement/documents';
import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock, retryOnLockConflict } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CreditAccountsService } from './credit-accounts.service';
import { ORDER_NOT_FOUND, OrderRow, OrdersService } from './orders.service';
import { ApiError } from '@achievement/platform';

/** Statuses of an order not yet dispatched: its documents are checked against their current status. */
const NOT_DISPATCHED: OrderStatus[] = ['awaiting_payment', 'paid', 'invoiced', 'in_production'];
/** Moves that print or send: refused while a line holds a revoked or superseded document. */
const NEEDS_SOUND_DOCUMENTS: OrderStatus[] = ['in_production', 'dispatched'];

interface LineRow {
  id: number;
  order_id: number;
  document_id: number;
  document_number: string;
  net_pence: number;
  vat_pence: number;
  cancelled_at: Date | null;
}

type DocumentProblem = NonNullable<OrderLine['documentProblem']>;

/**
 * Administrators' side of orders: the fulfilment queue (orders placed: neither those still
 * waiting for their card payment nor expired ones, unless asked for by status), status changes
 * (each emailed to the customer and audited), and lines whose document was revoked or superseded
 * after the order was placed: flagged, and the order cannot go into production or be dispatched
 * until the line gets the current version or is cancelled (its amount given back and recorded).
 */
@Injectable()
export class FulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly credit: CreditAccountsService,
    private readonly documents: OrderableDocumentsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Oldest first: the queue is worked from the front. */
  async queue(status: OrderStatus | undefined, cursor: string | undefined): Promise<OrderPage> {
    const page = await this.orders.page(
      status ? ['o.status = ?'] : [`o.status NOT IN ('awaiting_payment', 'expired')`],
      status ? [status] : [],
      cursor,
      'ASC',
      50,
    );
    const open = page.items.filter((o) => NOT_DISPATCHED.includes(o.status)).map((o) => o.id);
    const flagged = new Set<number>();
    if (open.length) {
      const lines: LineRow[] = await this.dataSource.query(
        'SELECT id, order_id, document_id, document_number, net_pence, vat_pence, cancelled_at FROM order_lines WHERE order_id IN (?) AND cancelled_at IS NULL',
        [open],
      );
      const problems = await this.problemsOf(lines);
      for (const line of lines) if (problems.has(Number(line.id))) flagged.add(Number(line.order_id));
    }
    return { ...page, items: page.items.map((o) => ({ ...o, needsAttention: flagged.has(o.id) })) };
  }

  async detail(id: number): Promise<OrderDetail> {
    const row = await this.row(this.dataSource.manager, id);
    const lines: LineRow[] = NOT_DISPATCHED.includes(row.status)
      ? await this.dataSource.query('SELECT * FROM order_lines WHERE order_id = ? AND cancelled_at IS NULL', [id])
      : [];
    const detail = await this.orders.detailOf(row, await this.problemsOf(lines));
    return { ...detail, needsAttention: detail.lines.some((l) => l.documentProblem) };
  }

  async setStatus(actor: Actor, id: number, request: SetOrderStatusRequest): Promise<OrderDetail> {
    const tracking = request.trackingReference?.trim();
    if (request.status === 'dispatched' && !tracking) {
      throw new ApiError('TRACKING_REFERENCE_REQUIRED', {
        message: 'Give the tracking reference of the parcel.',
        fieldErrors: { trackingReference: ['Give the tracking reference.'] },
      });
    }
    const now = this.clock.now();
    await retryOnLockConflict(() =>
      this.outbox.transaction(async (manager, outbox) => {
        const [order]: OrderRow[] = await manager.query('SELECT * FROM orders WHERE id = ? FOR UPDATE', [id]);
        if (!order) throw new ApiError('ORDER_NOT_FOUND', ORDER_NOT_FOUND);
        if (!ORDER_STATUS_MOVES[order.status].includes(request.status)) {
          throw new ApiError(
            'ORDER_STATUS_MOVE_NOT_ALLOWED',
            `An order that is ${order.status.replace(/_/g, ' ')} cannot become ${request.status.replace(/_/g, ' ')}.`,
          );
        }
        if (NEEDS_SOUND_DOCUMENTS.includes(request.status)) {
          const lines: LineRow[] = await manager.query('SELECT * FROM order_lines WHERE order_id = ? AND cancelled_at IS NULL', [id]);
          const problems = await this.problemsOf(lines, manager);
          if (problems.size) {
            const numbers = lines.filter((l) => problems.has(Number(l.id))).map((l) => `${l.document_number} (${problems.get(Number(l.id))!.status})`);
            throw new ApiError(
              'ORDER_HOLDS_UNSOUND_DOCUMENTS',
              `This order holds documents that were revoked or superseded: ${numbers.join(', ')}. Replace each line with the current version, or cancel it, first.`,
            );
          }
        }
        if (request.status === 'cancelled')
          await this.giveBack(manager, actor, order, null, await this.stillOwed(manager, order), request.note?.trim() || 'Order cancelled', now);
        await this.orders.moveStatus(
          manager,
          outbox,
          order,
          request.status,
          request.note?.trim() || null,
          actor.userId ?? null,
          now,
          request.status === 'dispatched' ? tracking : undefined,
        );
        await this.audit.record(
          actor,
          {
            action: 'order.status_changed',
            subjectType: 'order',
            subjectId: id,
            centreId: order.centre_id,
            before: { status: order.status },
            after: { status: request.status, trackingReference: tracking ?? null },
          },
          manager,
        );
      }),
    );
    return this.detail(id);
  }

  /** A line whose document was superseded gets the current version (same product, price and reason): nothing is charged or given back. */
  async replaceLine(actor: Actor, orderId: number, lineId: number): Promise<OrderDetail> {
    const now = this.clock.now();
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        const order = await this.row(manager, orderId, true);
        const line = await this.openLine(manager, order, lineId);
        const state = (await this.documents.currentStates([Number(line.document_id)], manager)).get(Number(line.document_id));
        if (state?.status !== 'superseded' || !state.current)
          throw new ApiError('LINE_NOT_SUPERSEDED', 'Only a line whose document was superseded can be replaced with its current version.');
        if (state.current.status !== 'valid')
          throw new ApiError(
            'CURRENT_VERSION_NOT_VALID',
            `The current version ${state.current.documentNumber} is ${state.current.status}: cancel the line instead.`,
          );
        const current = state.current;
        await manager.query(
          'UPDATE order_lines SET document_id = ?, document_number = ?, qualification_title = ?, learner_name = ?, replaces_document_number = COALESCE(replaces_document_number, ?) WHERE id = ?',
          [current.id, current.documentNumber, current.qualificationTitle, current.learnerName, line.document_number, line.id],
        );
        await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
          orderId,
          order.status,
          `${line.document_number} was superseded: the line now prints the current version ${current.documentNumber}`,
          actor.userId ?? null,
          now,
        ]);
        await this.audit.record(
          actor,
          {
            action: 'order.line_replaced',
            subjectType: 'order',
            subjectId: orderId,
            centreId: order.centre_id,
            before: { lineId, documentNumber: line.document_number },
            after: { lineId, documentNumber: current.documentNumber },
          },
          manager,
        );
      }),
    );
    return this.detail(orderId);
  }

  /** Cancels one line (a revoked document, say): its amount is given back on the credit ledger or recorded as a card refund. The last line is cancelled with the order. */
  async cancelLine(actor: Actor, orderId: number, lineId: number, request: CancelOrderLineRequest): Promise<OrderDetail> {
    const reason = request.reason.trim();
    if (!reason) throw new ApiError('CANCEL_REASON_REQUIRED', { message: 'Say why the line is cancelled.', fieldErrors: { reason: ['Say why.'] } });
    const now = this.clock.now();
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        const order = await this.row(manager, orderId, true);
        const line = await this.openLine(manager, order, lineId);
        if (order.status === 'awaiting_payment') throw new ApiError('ORDER_NOT_PAID', 'This order is not paid yet: cancel the whole order instead.');
        const [others] = await manager.query('SELECT COUNT(*) AS n FROM order_lines WHERE order_id = ? AND cancelled_at IS NULL AND id <> ?', [
          orderId,
          lineId,
        ]);
        if (Number(others.n) === 0) throw new ApiError('LAST_ORDER_LINE', 'This is the order’s last line: cancel the order instead.');
        await manager.query('UPDATE order_lines SET cancelled_at = ? WHERE id = ?', [now, line.id]);
        const amount = Number(line.net_pence) + Number(line.vat_pence);
        await this.giveBack(manager, actor, order, Number(line.id), amount, `Line ${line.document_number} cancelled: ${reason}`, now);
        await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
          orderId,
          order.status,
          `Line ${line.document_number} cancelled (${reason}); ${(amount / 100).toFixed(2)} given back`,
          actor.userId ?? null,
          now,
        ]);
        await this.audit.record(
          actor,
          {
            action: 'order.line_cancelled',
            subjectType: 'order',
            subjectId: orderId,
            centreId: order.centre_id,
            before: { lineId, documentNumber: line.document_number },
            after: { cancelled: true, amountPence: amount, reason },
          },
          manager,
        );
      }),
    );
    return this.detail(orderId);
  }

  /** Lines (not cancelled) whose document is revoked or superseded now. */
  private async problemsOf(lines: LineRow[], manager?: EntityManager): Promise<Map<number, DocumentProblem>> {
    const problems = new Map<number, DocumentProblem>();
    const open = lines.filter((l) => !l.cancelled_at);
    if (!open.length) return problems;
    const states = await this.documents.currentStates(
      open.map((l) => Number(l.document_id)),
      manager,
    );
    for (const line of open) {
      const state = states.get(Number(line.document_id));
      if (state && (state.status === 'revoked' || state.status === 'superseded')) {
        problems.set(Number(line.id), { status: state.status, currentDocumentNumber: state.current?.documentNumber ?? null });
      }
    }
    return problems;
  }

  private async row(manager: EntityManager, id: number, lock = false): Promise<OrderRow> {
    const [row]: OrderRow[] = await manager.query(
      `SELECT o.*, (SELECT COALESCE(SUM(quantity), 0) FROM order_lines l WHERE l.order_id = o.id AND l.cancelled_at IS NULL) AS item_count
         FROM orders o WHERE o.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new ApiError('ORDER_NOT_FOUND', ORDER_NOT_FOUND);
    return (await withCentreNames(manager, [row]))[0];
  }

  private async openLine(manager: EntityManager, order: OrderRow, lineId: number): Promise<LineRow> {
    if (!NOT_DISPATCHED.includes(order.status))
      throw new ApiError('ORDER_NOT_CHANGEABLE', `An order that is ${order.status.replace(/_/g, ' ')} cannot be changed.`);
    const [line]: LineRow[] = await manager.query('SELECT * FROM order_lines WHERE id = ? AND order_id = ?', [lineId, order.id]);
    if (!line) throw new ApiError('ORDER_LINE_NOT_FOUND', 'This order has no such line.');
    if (line.cancelled_at) throw new ApiError('ORDER_LINE_CANCELLED', 'This line is cancelled already.');
    return line;
  }

  /** What was paid or charged for the order and not given back yet (nothing for an unpaid card order). */
  private async stillOwed(manager: EntityManager, order: OrderRow): Promise<number> {
    if (order.status === 'awaiting_payment' || order.status === 'expired') return 0;
    const [refunded] = await manager.query('SELECT COALESCE(SUM(amount_pence), 0) AS n FROM order_refunds WHERE order_id = ?', [order.id]);
    return Number(order.gross_pence) - Number(refunded.n);
  }

  /** Gives money back: on the centre's credit ledger for a credit order, and in every case a refund record (for a card order, what to pay back to the card). */
  private async giveBack(
    manager: EntityManager,
    actor: Actor,
    order: OrderRow,
    lineId: number | null,
    amountPence: number,
    reason: string,
    now: Date,
  ): Promise<void> {
    if (amountPence <= 0) return;
    if (order.payment_method === 'centre_credit' && order.centre_id) {
      await this.credit.refundOrder(
        manager,
        Number(order.centre_id),
        Number(order.id),
        order.number,
        amountPence,
        actor.userId ?? null,
        now,
        lineId === null ? undefined : reason,
      );
    }
    await manager.query('INSERT INTO order_refunds (order_id, order_line_id, amount_pence, reason, by_user_id, at) VALUES (?, ?, ?, ?, ?, ?)', [
      order.id,
      lineId,
      amountPence,
      reason.slice(0, 500),
      actor.userId ?? null,
      now,
    ]);
    await this.audit.record(
      actor,
      {
        action: order.payment_method === 'card' ? 'order.card_refund_recorded' : 'order.credit_given_back',
        subjectType: 'order',
        subjectId: Number(order.id),
        centreId: order.centre_id,
        after: { lineId, amountPence, reason },
      },
      manager,
    );
  }
}
