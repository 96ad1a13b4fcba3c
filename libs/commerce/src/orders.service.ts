import {
  DeliveryMethod,
  Money,
  OrderDetail,
  OrderPage,
  OrderStatus,
  OrderSummary,
  PaymentMethod,
  PlacedOrder,
  PlaceOrderRequest,
  PostalAddress,
} from '@achievement/contracts';
import { AccountDirectory } from '@achievement/identity';
import { Outbox, OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BasketService } from './basket.service';
import { CatalogueService } from './catalogue.service';
import { CreditAccountsService } from './credit-accounts.service';
import { orderingScopeOf } from './customer';
import { PaymentGateway } from './gateway/payment-gateway';
import { moneyOf, poundsLabel, vatOn } from './money';
import { recordOrderStatus } from './order-status-change';

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
  centre_number?: string | null;
  centre_name?: string | null;
  item_count?: number;
}

const SELECT_ORDERS = `
  SELECT o.*, c.number AS centre_number, c.name AS centre_name, (SELECT COALESCE(SUM(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count
    FROM orders o LEFT JOIN centres c ON c.id = o.centre_id`;

export const ORDER_NOT_FOUND = 'There is no such order.';

/**
 * Orders: checkout (an order from the basket, paid by card through the gateway or charged to the
 * centre's credit account) and the customer's orders (the gateway's answers: PaymentAnswersService). Totals are worked
 * out here from the products' prices, never taken from the browser.
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  private readonly base: string;

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
  }

  /** Places an order of the whole basket. The same idempotency key again gives back the same order (a double-clicked Pay). */
  async place(user: AuthenticatedUser, actor: Actor, request: PlaceOrderRequest): Promise<PlacedOrder> {
    const scope = orderingScopeOf(user);
    if (request.paymentMethod === 'centre_credit' && !('centreId' in scope)) throw new BadRequestException('Centre credits are for centre staff; pay by card.');
    const delivery = (await this.catalogue.deliveryOptions()).find((d) => d.method === request.deliveryMethod);
    if (!delivery) throw new BadRequestException({ message: 'Choose a delivery option from the list.', fieldErrors: { deliveryMethod: ['Choose a delivery option.'] } });
    const now = this.clock.now();

    const orderId = await this.outbox.transaction(async (manager, outbox) => {
      const [earlier] = await manager.query('SELECT id FROM orders WHERE user_id = ? AND idempotency_key = ?', [user.id, request.idempotencyKey]);
      if (earlier) return Number(earlier.id);
      const items = await this.basket.priced(user, manager);
      if (!items.length) throw new BadRequestException('Your basket is empty: add documents from the Store first.');
      const unavailable = items.filter(({ row, document }) => Number(row.product_active) !== 1 || Number(row.reason_active) !== 1 || document.status !== 'valid');
      if (unavailable.length) {
        throw new ConflictException(`Some items can no longer be ordered (${unavailable.map((i) => i.document.documentNumber).join(', ')}): remove them from your basket and try again.`);
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
      const status: OrderStatus = request.paymentMethod === 'card' ? 'awaiting_payment' : 'invoiced';
      const centreId = 'centreId' in scope ? scope.centreId : null;

      const inserted = await manager.query(
        `INSERT INTO orders (user_id, placed_by_name, centre_id, status, payment_method, idempotency_key, items_net_pence, delivery_method, delivery_label,
                             delivery_net_pence, net_pence, vat_pence, gross_pence, billing_address, delivery_address, placed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [user.id, user.name, centreId, status, request.paymentMethod, request.idempotencyKey, itemsNet, delivery.method, delivery.label, deliveryNet, net, vat, gross,
          JSON.stringify(clean(request.billingAddress)), JSON.stringify(clean(request.deliveryAddress)), now],
      );
      const id = Number(inserted.insertId);
      const number = `P${String(100000 + id)}`;
      await manager.query('UPDATE orders SET number = ? WHERE id = ?', [number, id]);
      await manager.query(
        `INSERT INTO order_lines (order_id, basket_item_id, product_id, product_name, document_id, document_number, qualification_title, learner_name, reason_label, quantity, unit_net_pence, net_pence, vat_pence)
         VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        lines.flatMap((l) => [id, l.row.id, l.row.product_id, l.row.product_name, l.document.id, l.document.documentNumber, l.document.qualificationTitle, l.document.learnerName, l.row.reason_label, l.row.quantity, l.row.price_pence, l.net, l.vat]),
      );
      await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
        id,
        status,
        request.paymentMethod === 'card' ? 'Placed; waiting for the card payment' : 'Placed; charged to the centre credit account',
        user.id,
        now,
      ]);
      if (request.paymentMethod === 'centre_credit') {
        // locks the account row: two checkouts at once are counted one after the other against the limit
        await this.credit.charge(manager, centreId!, id, number, gross, user.id, now);
        await manager.query('DELETE FROM basket_items WHERE user_id = ? AND id IN (?)', [user.id, lines.map((l) => l.row.id)]);
      }
      await this.audit.record(actor, { action: 'order.placed', subjectType: 'order', subjectId: id, centreId, after: { number, status, gross, paymentMethod: request.paymentMethod } }, manager);
      await outbox.add({
        to: user.email,
        template: 'order-placed',
        eventKey: `order.placed:${id}`,
        data: {
          firstName: user.name.split(' ')[0],
          orderNumber: number,
          itemCount: lines.reduce((n, l) => n + Number(l.row.quantity), 0),
          single: lines.length === 1 && Number(lines[0].row.quantity) === 1,
          total: poundsLabel(gross),
          card: request.paymentMethod === 'card',
          orderUrl: `${this.base}/orders/${id}`,
        },
      });
      return id;
    });

    for (const [save, address] of [
      [request.saveBillingToProfile, request.billingAddress],
      [request.saveDeliveryToProfile, request.deliveryAddress],
    ] as const) {
      if (save) await this.accounts.saveAddress(user.id, address);
    }
    const order = await this.detail(user, orderId);
    return { order, payment: order.status === 'awaiting_payment' ? await this.paymentForm(user, orderId) : null };
  }

  /** The gateway form of the order's pending attempt (a new attempt when there is none pending). */
  private async paymentForm(user: AuthenticatedUser, orderId: number) {
    const [order]: OrderRow[] = await this.dataSource.query('SELECT * FROM orders WHERE id = ?', [orderId]);
    let [attempt] = await this.dataSource.query(`SELECT vendor_tx_code, amount_pence FROM payment_attempts WHERE order_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1`, [orderId]);
    if (!attempt) {
      const code = `AP-${order.number}-${randomBytes(6).toString('hex')}`;
      await this.dataSource.query('INSERT INTO payment_attempts (order_id, vendor_tx_code, amount_pence, created_at) VALUES (?, ?, ?, ?)', [orderId, code, order.gross_pence, this.clock.now()]);
      attempt = { vendor_tx_code: code, amount_pence: order.gross_pence };
    }
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

  /** Pays an order that is waiting for payment again (after a decline), with a new attempt. */
  async payAgain(user: AuthenticatedUser, orderId: number) {
    const order = await this.ownRow(user, orderId);
    if (order.status !== 'awaiting_payment' || order.payment_method !== 'card') throw new ConflictException('This order is not waiting for a card payment.');
    return this.paymentForm(user, orderId);
  }

  /** Writes a status change with its history row and tells the customer. */
  async moveStatus(manager: EntityManager, outbox: Outbox, order: OrderRow, status: OrderStatus, note: string | null, byUserId: number | null, now: Date, trackingReference?: string): Promise<void> {
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
      if (!/^\d{1,10}$/.test(cursor)) throw new BadRequestException('cursor is not one this list gave: start from the first page.');
      where.push(`o.id ${direction === 'DESC' ? '<' : '>'} ?`);
      params.push(Number(cursor));
    }
    const rows: OrderRow[] = await this.dataSource.query(`${SELECT_ORDERS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id ${direction} LIMIT ?`, [...params, limit + 1]);
    const items = rows.slice(0, limit).map(summaryOf);
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
    if (!row) throw new NotFoundException(ORDER_NOT_FOUND);
    return row;
  }

  async detailOf(row: OrderRow): Promise<OrderDetail> {
    const lines = await this.dataSource.query('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id', [row.id]);
    const history = await this.dataSource.query('SELECT status, note, at FROM order_status_history WHERE order_id = ? ORDER BY at, id', [row.id]);
    const [payment] = await this.dataSource.query(`SELECT status, status_detail, completed_at FROM payment_attempts WHERE order_id = ? AND status <> 'pending' ORDER BY id DESC LIMIT 1`, [row.id]);
    return {
      ...summaryOf(row),
      lines: lines.map((l: Record<string, unknown>) => ({
        productName: String(l.product_name),
        documentNumber: String(l.document_number),
        qualificationTitle: String(l.qualification_title),
        learnerName: String(l.learner_name),
        reason: String(l.reason_label),
        quantity: Number(l.quantity),
        unitNetPence: Number(l.unit_net_pence),
        line: { netPence: Number(l.net_pence), vatPence: Number(l.vat_pence), grossPence: Number(l.net_pence) + Number(l.vat_pence) },
      })),
      delivery: { method: row.delivery_method, label: row.delivery_label, price: moneyOf(Number(row.delivery_net_pence)) },
      billingAddress: addressOf(row.billing_address),
      deliveryAddress: addressOf(row.delivery_address),
      trackingReference: row.tracking_reference,
      history: history.map((h: { status: OrderStatus; note: string | null; at: Date }) => ({ at: new Date(h.at).toISOString(), status: h.status, note: h.note })),
      lastPayment: payment ? { status: payment.status, detail: payment.status_detail ?? '', at: new Date(payment.completed_at).toISOString() } : null,
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
  return { name: a.name.trim(), line1: a.line1.trim(), line2: a.line2?.trim() || null, town: a.town.trim(), postcode: a.postcode.trim().toUpperCase(), country: a.country.trim().toUpperCase() };
}
