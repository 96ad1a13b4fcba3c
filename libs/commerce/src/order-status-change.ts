import { OrderStatus } from '@achievement/contracts';
import { accountContact } from '@achievement/identity';
import { Outbox } from '@achievement/notifications';
import { EntityManager } from 'typeorm';
import { poundsLabel } from './money';

/** What a status change needs of the order. */
export interface OrderForStatusChange {
  id: number;
  number: string;
  user_id: number;
  tracking_reference: string | null;
}

/**
 * Writes an order's status change with its history row and tells the customer, inside the
 * caller's transaction. `base` is the portal's public address, for the link in the email.
 */
export async function recordOrderStatus(
  manager: EntityManager,
  outbox: Outbox,
  base: string,
  order: OrderForStatusChange,
  status: OrderStatus,
  note: string | null,
  byUserId: number | null,
  now: Date,
  trackingReference?: string,
): Promise<void> {
  await manager.query('UPDATE orders SET status = ?, tracking_reference = COALESCE(?, tracking_reference) WHERE id = ?', [
    status,
    trackingReference ?? null,
    order.id,
  ]);
  await manager.query('INSERT INTO order_status_history (order_id, status, note, by_user_id, at) VALUES (?, ?, ?, ?, ?)', [
    order.id,
    status,
    note,
    byUserId,
    now,
  ]);
  const customer = await accountContact(manager, order.user_id);
  if (customer) {
    await outbox.add({
      to: customer.email,
      template: 'order-status-changed',
      eventKey: `order.status:${order.id}:${status}:${now.getTime()}`,
      data: {
        firstName: customer.firstName,
        orderNumber: order.number,
        status,
        statusLabel: status.replace(/_/g, ' '),
        trackingReference: trackingReference ?? order.tracking_reference ?? '',
        note: note ?? '',
        orderUrl: `${base}/orders/${order.id}`,
      },
    });
  }
}

/** What the "order placed" email needs of the order. */
export interface OrderPlaced {
  id: number;
  number: string;
  user_id: number;
  gross_pence: number;
  payment_method: string;
}

/** Queues the customer's "order placed" email (once per order: its event key), inside the caller's transaction. */
export async function recordOrderPlaced(manager: EntityManager, outbox: Outbox, base: string, order: OrderPlaced): Promise<void> {
  const customer = await accountContact(manager, order.user_id);
  if (!customer) return;
  const [count] = await manager.query('SELECT COALESCE(SUM(quantity), 0) AS n FROM order_lines WHERE order_id = ? AND cancelled_at IS NULL', [order.id]);
  await outbox.add({
    to: customer.email,
    template: 'order-placed',
    eventKey: `order.placed:${order.id}`,
    data: {
      firstName: customer.firstName,
      orderNumber: order.number,
      itemCount: Number(count.n),
      single: Number(count.n) === 1,
      total: poundsLabel(Number(order.gross_pence)),
      card: order.payment_method === 'card',
      orderUrl: `${base}/orders/${order.id}`,
    },
  });
}
