import {
  deliveryProblem,
  DeliveryMethod,
  Money,
  OrderDetail,
  OrderLine,
  OrderPage,
  OrderStatus,
  OrderSummary,
  normalisePostcode,
  PaymentMethod,
  PlacedOrder,
  PlaceOrderRequest,
  PostalAddress,
} from '@achievement/contracts';
import { AccountDirectory, withCentreNames } from '@achievement/identity';
import { Outbox, OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, AuthenticatedUser, Clock, retryOnLockConflict } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BasketService } from './basket.service';
import { CatalogueService } from './catalogue.service';
import { CreditAccountsService } from './credit-accounts.service';
import { orderingScopeOf } from './customer';
import { PaymentGateway } from './gateway/payment-gateway';
import { moneyOf, vatOn } from './money';
import { OrderPlaced, recordOrderPlaced, recordOrderStatus } from './order-status-change';
import { ApiError } from '@achievement/platform';

export interface OrderRow {
  id: number;
  number: string;
  user_id: number;
  placed_by_name: string;
  centre_id: number | null;
  status: OrderStatus;
  payment_method: PaymentMethod;
  items_net_pence: number;
  delivery_method: DeliveryMethod;
  delivery_label: string;
  delivery_net_pence: number;
  net_pence: number;
  vat_pence: number;
  gross_pence: number;
  billing_address: PostalAddress | string;
  delivery_address: PostalAddress | string;
  tracking_reference: string | null;
  placed_at: Date;
  payment_due_at?: Date | null;
  centre_number?: string | null;
  centre_name?: string | null;
  item_count?: number;
}

const SELECT_ORDERS = `
  SELECT o.*, (SELECT COALESCE(SUM(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count
    FROM orders o`;

export const ORDER_NOT_FOUND = 'There is no such order.';

/** What a payment attempt's outcome means, in words for the customer (the gateway's own text, e.g. "2000 : NOTAUTHED …", stays in the database). */
const PAYMENT_OUTCOME_WORDS: Record<string, string> = {
  ok: 'Paid by card.',
  notauthed: 'Declined by the card issuer; no money was taken.',
  rejected: 'Declined by the card payment service; no money was taken.',
  abort: 'Cancelled at the card payment page; no money was taken.',
  error: 'The card payment service had a problem; no money was taken.',
};

/**
 * Orders: checkout (an order from the basket, paid by card through the gateway or charged to the
 * centre's credit account) and the customer's orders (the gateway's answers: PaymentAnswersService). Totals are worked
 * out here from the products' prices, never taken from the browser.
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  private readonly base: string;
  private readonly expiryMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly basket: BasketService,
    private readonly catalogue: CatalogueService,
    private readonly credit: CreditAccountsService,
    private readonly gateway: PaymentGateway,
    private readonly accounts: AccountDirectory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
    this.expiryMs = config.UNPAID_ORDER_EXPIRY_HOURS * 3_600_000;
  }

  /**
   * Checks out the whole basket. One order per basket checkout: the same idempotency key again
   * (a double-clicked Pay) gives back the same order and the same payment; a card checkout of a
   * basket whose unpaid card order is still open (the customer came back from the gateway without
   * paying, or was declined, and pressed Pay again) pays that same order with a new payment
   * attempt; if the basket, the addresses or the delivery changed since, the open order is
   * withdrawn (it was never placed) and a new one made. A card order counts as placed, and the
   * "order placed" email goes, only once it is paid; a credit order is placed at once. Until it
   * is paid a card order is "awaiting payment" until its payment_due_at, then it expires; the
   * basket keeps its items until the payment arrives.
   */
  async place(user: AuthenticatedUser, actor: Actor, request: PlaceOrderRequest): Promise<PlacedOrder> {
    const scope = orderingScopeOf(user);
    if (request.paymentMethod === 'centre_credit' && !('centreId' in scope))
      throw new ApiError('CREDIT_NOT_FOR_LEARNERS', 'Centre credits are for centre staff; pay by card.');
    const delivery = (await this.catalogue.deliveryOptions()).find((d) => d.method === request.deliveryMethod);
    if (!delivery)
      throw new ApiError('DELIVERY_OPTION_UNKNOWN', {
        message: 'Choose a delivery option from the list.',
        fieldErrors: { deliveryMethod: ['Choose a delivery option.'] },
      });
    const now = this.clock.now();
    const billing = clean(request.billingAddress);
    const deliveryAddress = clean(request.deliveryAddress);
    const notDelivered = deliveryProblem(delivery.method, deliveryAddress.country);
    if (notDelivered) throw new ApiError('DELIVERY_NOT_AVAILABLE', { message: notDelivered, fieldErrors: { deliveryMethod: [notDelivered] } });

    const orderId = await retryOnLockConflict(() =>
      this.outbox.transaction(async (manager, outbox) => {
        // first the user's basket lock: checkouts of one basket (and its changes) run one after the other
        await this.basket.lock(manager, user.id);
        const [earlier] = await manager.query('SELECT id FROM orders WHERE user_id = ? AND idempotency_key = ?', [user.id, request.idempotencyKey]);
        if (earlier) return Number(earlier.id);
        const items = await this.basket.priced(user, manager);
        if (!items.length) throw new ApiError('BASKET_EMPTY', 'Your basket is empty: add documents from the Store first.');
        const unavailable = items.filter(
          ({ row, document }) => Number(row.product_active) !== 1 || Number(row.reason_active) !== 1 || document.status !== 'valid',
        );
        if (unavailable.length) {
          throw new ApiError(
            'ITEMS_NO_LONGER_ORDERABLE',
            `Some items can no longer be ordered (${unavailable.map((i) => i.document.documentNumber).join(', ')}): remove them from your basket and try again.`,
          );
        }
        const lines = items.map(({ row, document }) => {
          const net = Number(row.price_pence) * Number(row.quantity);
          return { row, document, net, vat: vatOn(net) };
        });
        const itemsNet = lines.reduce((n, l) => n + l.net, 0);
        const deliveryNet = delivery.price.netPence;
        const net = itemsNet + deliveryNet;
        const vat = lines.reduce((n, l) => n + l.vat, 0) + vatOn(deliveryNet);
        const gross = net + vat;
        const card = request.paymentMethod === 'card';
        const status: OrderStatus = card ? 'awaiting_payment' : 'invoiced';
        const centreId = 'centreId' in scope ? scope.centreId : null;
        const dueAt = card ? new Date(now.getTime() + this.expiryMs) : null;
        // a plain read first: a checkout that cannot fit under the limit is refused before it writes anything (charge() checks again under the lock)
        if (!card) await this.credit.refuseIfOverLimit(manager, centreId!, gross);

        const content = checkoutContent(
          lines.map((l) => ({
            basketItemId: Number(l.row.id),
            productId: Number(l.row.product_id),
            documentId: l.document.id,
            quantity: Number(l.row.quantity),
            unitNetPence: Number(l.row.price_pence),
            reason: l.row.reason_label,
          })),
          delivery.method,
          billing,
          deliveryAddress,
          gross,
        );
        // pre-existing open card orders of this basket: pay the same one again, or withdraw it when the checkout is not the same
        // (a checkout on credit withdraws them all: the basket is being bought now)
        const open: OrderRow[] = await manager.query(
          `SELECT * FROM orders WHERE user_id = ? AND status = 'awaiting_payment' AND payment_method = 'card' ORDER BY id DESC`,
          [user.id],
        );
        for (const order of open) {
          const same =
            card &&
            checkoutContent(
              await this.linesForComparison(manager, Number(order.id)),
              order.delivery_method,
              addressOf(order.billing_address),
              addressOf(order.delivery_address),
              Number(order.gross_pence),
            ) === content;
          if (same && (await this.startAttempt(manager, order, now))) return Number(order.id);
          const withdrawn = await manager.query(`UPDATE orders SET status = 'cancelled', payment_due_at = NULL WHERE id = ? AND status = 'awaiting_payment'`, [
            order.id,
          ]);
          if (Number(withdrawn.affectedRows) === 1) {
            await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
              order.id,
              'cancelled',
              'Never paid; replaced by a new checkout of the basket',
              user.id,
              now,
            ]);
            await this.audit.record(
              actor,
              {
                action: 'order.withdrawn',
                subjectType: 'order',
                subjectId: Number(order.id),
                centreId: order.centre_id,
                before: { status: 'awaiting_payment' },
                after: { status: 'cancelled' },
              },
              manager,
            );
          }
        }

        const inserted = await manager.query(
          `INSERT INTO orders (user_id, placed_by_name, centre_id, status, payment_method, idempotency_key, items_net_pence, delivery_method, delivery_label,
                               delivery_net_pence, net_pence, vat_pence, gross_pence, billing_address, delivery_address, placed_at, payment_due_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            user.id,
            user.name,
            centreId,
            status,
            request.paymentMethod,
            request.idempotencyKey,
            itemsNet,
            delivery.method,
            delivery.label,
            deliveryNet,
            net,
            vat,
            gross,
            JSON.stringify(billing),
            JSON.stringify(deliveryAddress),
            now,
            dueAt,
          ],
        );
        const id = Number(inserted.insertId);
        const number = `P${String(100000 + id)}`;
        await manager.query('UPDATE orders SET number = ? WHERE id = ?', [number, id]);
        await manager.query(
          `INSERT INTO order_lines (order_id, basket_item_id, product_id, product_name, document_id, document_number, qualification_title, learner_name, reason_label, quantity, unit_net_pence, net_pence, vat_pence)
           VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          lines.flatMap((l) => [
            id,
            l.row.id,
            l.row.product_id,
            l.row.product_name,
            l.document.id,
            l.document.documentNumber,
            l.document.qualificationTitle,
            l.document.learnerName,
            l.row.reason_label,
            l.row.quantity,
            l.row.price_pence,
            l.net,
            l.vat,
          ]),
        );
        await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
          id,
          status,
          card ? 'Waiting for the card payment' : 'Placed; charged to the centre credit account',
          user.id,
          now,
        ]);
        await this.audit.record(
          actor,
          {
            action: card ? 'order.created' : 'order.placed',
            subjectType: 'order',
            subjectId: id,
            centreId,
            after: { number, status, gross, paymentMethod: request.paymentMethod },
          },
          manager,
        );
        if (card) {
          await this.startAttempt(manager, { id, number, gross_pence: gross } as OrderRow, now);
        } else {
          await this.placedEmail(manager, outbox, { id, number, user_id: user.id, gross_pence: gross, payment_method: 'centre_credit' } as OrderRow);
          await manager.query('DELETE FROM basket_items WHERE user_id = ? AND id IN (?)', [user.id, lines.map((l) => l.row.id)]);
          // the centre's account row is the one lock checkouts of a centre share: taken last, held for the shortest time
          await this.credit.charge(manager, centreId!, id, number, gross, user.id, now);
        }
        return id;
      }),
    );

    for (const [save, address] of [
      [request.saveBillingToProfile, billing],
      [request.saveDeliveryToProfile, deliveryAddress],
    ] as const) {
      if (save) await this.accounts.saveAddress(user.id, address);
    }
    const order = await this.detail(user, orderId);
    return { order, payment: order.status === 'awaiting_payment' ? await this.paymentForm(user, orderId) : null };
  }

  /** The order's lines as checkoutContent() compares them. */
  private async linesForComparison(manager: EntityManager, orderId: number) {
    const rows = await manager.query(
      'SELECT basket_item_id, product_id, document_id, quantity, unit_net_pence, reason_label FROM order_lines WHERE order_id = ? AND cancelled_at IS NULL',
      [orderId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      basketItemId: Number(r.basket_item_id),
      productId: Number(r.product_id),
      documentId: Number(r.document_id),
      quantity: Number(r.quantity),
      unitNetPence: Number(r.unit_net_pence),
      reason: String(r.reason_label),
    }));
  }

  /**
   * A new payment attempt of an order awaiting payment (its own VendorTxCode: the gateway takes a
   * code once), and a new time to pay by. False when the order is no longer awaiting payment.
   */
  private async startAttempt(manager: EntityManager, order: Pick<OrderRow, 'id' | 'number' | 'gross_pence'>, now: Date): Promise<boolean> {
    const due = await manager.query(`UPDATE orders SET payment_due_at = ? WHERE id = ? AND status = 'awaiting_payment'`, [
      new Date(now.getTime() + this.expiryMs),
      order.id,
    ]);
    if (Number(due.affectedRows) !== 1) return false;
    const code = `AP-${order.number}-${randomBytes(6).toString('hex')}`;
    await manager.query('INSERT INTO payment_attempts (order_id, vendor_tx_code, amount_pence, created_at) VALUES (?, ?, ?, ?)', [
      order.id,
      code,
      order.gross_pence,
      now,
    ]);
    return true;
  }

  /** The "order placed" email: a credit order when it is charged, a card order when it is paid. */
  private placedEmail(manager: EntityManager, outbox: Outbox, order: OrderPlaced): Promise<void> {
    return recordOrderPlaced(manager, outbox, this.base, order);
  }

  /** The gateway form of the order's newest pending attempt. */
  private async paymentForm(user: AuthenticatedUser, orderId: number) {
    const [order]: OrderRow[] = await this.dataSource.query('SELECT * FROM orders WHERE id = ?', [orderId]);
    const [attempt] = await this.dataSource.query(
      `SELECT vendor_tx_code, amount_pence FROM payment_attempts WHERE order_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1`,
      [orderId],
    );
    if (!attempt) throw new ApiError('ORDER_NOT_AWAITING_PAYMENT', 'This order is not waiting for a card payment.');
    return this.gateway.startPayment({
      reference: attempt.vendor_tx_code,
      amountPence: Number(attempt.amount_pence),
      description: `Achievement Portal order ${order.number}`,
      customerEmail: user.email,
      billing: addressOf(order.billing_address),
      delivery: addressOf(order.delivery_address),
      returnUrl: `${this.base}/api/payments/opayo/return`,
    });
  }

  /** Pays an order that is waiting for payment again (after a decline, or back from the gateway without paying): a new attempt of the same order. */
  async payAgain(user: AuthenticatedUser, orderId: number) {
    const order = await this.ownRow(user, orderId);
    if (order.status !== 'awaiting_payment' || order.payment_method !== 'card')
      throw new ApiError('ORDER_NOT_AWAITING_PAYMENT', 'This order is not waiting for a card payment.');
    const started = await retryOnLockConflict(() => this.dataSource.transaction((manager) => this.startAttempt(manager, order, this.clock.now())));
    if (!started) throw new ApiError('ORDER_NOT_AWAITING_PAYMENT', 'This order is not waiting for a card payment.');
    return this.paymentForm(user, orderId);
  }

  /** Writes a status change with its history row and tells the customer. */
  async moveStatus(
    manager: EntityManager,
    outbox: Outbox,
    order: OrderRow,
    status: OrderStatus,
    note: string | null,
    byUserId: number | null,
    now: Date,
    trackingReference?: string,
  ): Promise<void> {
    await recordOrderStatus(manager, outbox, this.base, order, status, note, byUserId, now, trackingReference);
  }

  /** The user's orders, newest first; centre staff see every order of their centre. */
  async list(user: AuthenticatedUser, cursor?: string): Promise<OrderPage> {
    const scope = orderingScopeOf(user);
    const where = 'centreId' in scope ? ['o.centre_id = ?'] : ['o.user_id = ?'];
    const params: unknown[] = ['centreId' in scope ? scope.centreId : user.id];
    return this.page(where, params, cursor, 'DESC');
  }

  async page(where: string[], params: unknown[], cursor: string | undefined, direction: 'ASC' | 'DESC', limit = 25): Promise<OrderPage> {
    if (cursor !== undefined) {
      if (!/^\d{1,10}$/.test(cursor)) throw new ApiError('CURSOR_INVALID', 'cursor is not one this list gave: start from the first page.');
      where.push(`o.id ${direction === 'DESC' ? '<' : '>'} ?`);
      params.push(Number(cursor));
    }
    const rows: OrderRow[] = await this.dataSource.query(
      `${SELECT_ORDERS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id ${direction} LIMIT ?`,
      [...params, limit + 1],
    );
    const items = (await withCentreNames(this.dataSource, rows.slice(0, limit))).map(summaryOf);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  async detail(user: AuthenticatedUser, id: number): Promise<OrderDetail> {
    return this.detailOf(await this.ownRow(user, id));
  }

  /** An order of the user (centre staff: of their centre), or 404. */
  private async ownRow(user: AuthenticatedUser, id: number): Promise<OrderRow> {
    const scope = orderingScopeOf(user);
    const [row]: OrderRow[] = await this.dataSource.query(`${SELECT_ORDERS} WHERE o.id = ? AND ${'centreId' in scope ? 'o.centre_id = ?' : 'o.user_id = ?'}`, [
      id,
      'centreId' in scope ? scope.centreId : user.id,
    ]);
    if (!row) throw new ApiError('ORDER_NOT_FOUND', ORDER_NOT_FOUND);
    return (await withCentreNames(this.dataSource, [row]))[0];
  }

  /** An order as its customer (or, with the lines' document problems, an administrator) sees it. */
  async detailOf(row: OrderRow, documentProblems: Map<number, OrderLine['documentProblem']> = new Map()): Promise<OrderDetail> {
    const lines = await this.dataSource.query('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id', [row.id]);
    const history = await this.dataSource.query('SELECT status, note, at FROM order_status_history WHERE order_id = ? ORDER BY at, id', [row.id]);
    const [payment] = await this.dataSource.query(
      `SELECT status, status_detail, completed_at FROM payment_attempts WHERE order_id = ? AND status <> 'pending' ORDER BY id DESC LIMIT 1`,
      [row.id],
    );
    return {
      ...summaryOf(row),
      lines: lines.map((l: Record<string, unknown>) => ({
        id: Number(l.id),
        productName: String(l.product_name),
        documentNumber: String(l.document_number),
        qualificationTitle: String(l.qualification_title),
        learnerName: String(l.learner_name),
        reason: String(l.reason_label),
        quantity: Number(l.quantity),
        unitNetPence: Number(l.unit_net_pence),
        line: { netPence: Number(l.net_pence), vatPence: Number(l.vat_pence), grossPence: Number(l.net_pence) + Number(l.vat_pence) },
        cancelled: l.cancelled_at !== null && l.cancelled_at !== undefined,
        replacesDocumentNumber: (l.replaces_document_number as string | null) ?? null,
        documentProblem: documentProblems.get(Number(l.id)) ?? null,
      })),
      delivery: { method: row.delivery_method, label: row.delivery_label, price: moneyOf(Number(row.delivery_net_pence)) },
      billingAddress: addressOf(row.billing_address),
      deliveryAddress: addressOf(row.delivery_address),
      trackingReference: row.tracking_reference,
      history: history.map((h: { status: OrderStatus; note: string | null; at: Date }) => ({
        at: new Date(h.at).toISOString(),
        status: h.status,
        note: h.note,
      })),
      lastPayment: payment
        ? {
            status: payment.status,
            detail: PAYMENT_OUTCOME_WORDS[payment.status as string] ?? 'The payment did not go through.',
            at: new Date(payment.completed_at).toISOString(),
          }
        : null,
      paymentDueAt: row.status === 'awaiting_payment' && row.payment_due_at ? new Date(row.payment_due_at).toISOString() : null,
    };
  }
}

export function summaryOf(row: OrderRow): OrderSummary {
  const total: Money = { netPence: Number(row.net_pence), vatPence: Number(row.vat_pence), grossPence: Number(row.gross_pence) };
  return {
    id: Number(row.id),
    number: row.number,
    status: row.status,
    placedAt: new Date(row.placed_at).toISOString(),
    placedBy: row.placed_by_name,
    centre: row.centre_number ? { number: row.centre_number, name: row.centre_name ?? '' } : null,
    itemCount: Number(row.item_count ?? 0),
    total,
    paymentMethod: row.payment_method,
  };
}

function addressOf(value: PostalAddress | string): PostalAddress {
  return typeof value === 'string' ? (JSON.parse(value) as PostalAddress) : value;
}

function clean(a: PostalAddress): PostalAddress {
  return {
    name: a.name.trim(),
    line1: a.line1.trim(),
    line2: a.line2?.trim() || null,
    town: a.town.trim(),
    postcode: normalisePostcode(a.postcode, a.country),
    country: a.country.trim().toUpperCase(),
  };
}

interface ComparableLine {
  basketItemId: number;
  productId: number;
  documentId: number;
  quantity: number;
  unitNetPence: number;
  reason: string;
}

/** What makes two checkouts of a basket the same: the lines, the delivery, both addresses and the total. */
function checkoutContent(lines: ComparableLine[], deliveryMethod: string, billing: PostalAddress, delivery: PostalAddress, grossPence: number): string {
  const sorted = [...lines]
    .sort((a, b) => a.basketItemId - b.basketItemId)
    .map((l) => [l.basketItemId, l.productId, l.documentId, l.quantity, l.unitNetPence, l.reason]);
  const address = (a: PostalAddress) => [a.name, a.line1, a.line2 ?? null, a.town, a.postcode, a.country];
  return JSON.stringify([sorted, deliveryMethod, address(billing), address(delivery), grossPence]);
}
