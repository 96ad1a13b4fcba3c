import { ORDER_STATUS_MOVES, OrderDetail, OrderPage, OrderStatus, SetOrderStatusRequest } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreditAccountsService } from './credit-accounts.service';
import { ORDER_NOT_FOUND, OrderRow, OrdersService } from './orders.service';

/** Administrators' side of orders: the fulfilment queue and status changes (each emailed to the customer and audited). */
@Injectable()
export class FulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly credit: CreditAccountsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Oldest first: the queue is worked from the front. */
  queue(status: OrderStatus | undefined, cursor: string | undefined): Promise<OrderPage> {
    return this.orders.page(status ? ['o.status = ?'] : [], status ? [status] : [], cursor, 'ASC', 50);
  }

  async detail(id: number): Promise<OrderDetail> {
    const [row]: OrderRow[] = await this.dataSource.query(
      `SELECT o.*, c.number AS centre_number, c.name AS centre_name, (SELECT COALESCE(SUM(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count
         FROM orders o LEFT JOIN centres c ON c.id = o.centre_id WHERE o.id = ?`,
      [id],
    );
    if (!row) throw new NotFoundException(ORDER_NOT_FOUND);
    return this.orders.detailOf(row);
  }

  async setStatus(actor: Actor, id: number, request: SetOrderStatusRequest): Promise<OrderDetail> {
    const tracking = request.trackingReference?.trim();
    if (request.status === 'dispatched' && !tracking) {
      throw new BadRequestException({ message: 'Give the tracking reference of the parcel.', fieldErrors: { trackingReference: ['Give the tracking reference.'] } });
    }
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, outbox) => {
      const [order]: OrderRow[] = await manager.query('SELECT * FROM orders WHERE id = ? FOR UPDATE', [id]);
      if (!order) throw new NotFoundException(ORDER_NOT_FOUND);
      if (!ORDER_STATUS_MOVES[order.status].includes(request.status)) {
        throw new ConflictException(`An order that is ${order.status.replace(/_/g, ' ')} cannot become ${request.status.replace(/_/g, ' ')}.`);
      }
      if (request.status === 'cancelled' && order.payment_method === 'centre_credit' && order.centre_id) {
        await this.credit.refundOrder(manager, Number(order.centre_id), Number(order.id), order.number, Number(order.gross_pence), actor.userId ?? null, now);
      }
      await this.orders.moveStatus(manager, outbox, order, request.status, request.note?.trim() || null, actor.userId ?? null, now, request.status === 'dispatched' ? tracking : undefined);
      await this.audit.record(actor, { action: 'order.status_changed', subjectType: 'order', subjectId: id, centreId: order.centre_id, before: { status: order.status }, after: { status: request.status, trackingReference: tracking ?? null } }, manager);
    });
    return this.detail(id);
  }
}
