import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, OrderStatus, OrderSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { adminCommerceOrders, Api } from '@achievement/web-api';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { paymentMethodLabel } from './order-labels';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { formatPence, KeysetList } from '@achievement/web';

type StatusFilter = OrderStatus | 'all';

/** The fulfilment queue: orders of printed copies, oldest first, by status. */
@Component({
  selector: 'adm-orders-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    OrderStatusChipComponent,
  ],
  templateUrl: './orders-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .attention {
      margin-top: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .intro {
      margin: -8px 0 16px;
      max-width: 72ch;
    }
    .block {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersPageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly statuses = ORDER_STATUSES;
  readonly statusLabels = ORDER_STATUS_LABELS;
  readonly columns = ['number', 'placedAt', 'customer', 'items', 'total', 'payment', 'status'];
  readonly money = formatPence;
  readonly status = signal<StatusFilter>('all');
  readonly list = new KeysetList<OrderSummary>(
    (cursor) =>
      this.api.invoke(adminCommerceOrders, {
        status: this.status() === 'all' ? undefined : (this.status() as OrderStatus),
        cursor: cursor ?? undefined,
      }),
    'The orders could not be loaded.',
    inject(DestroyRef),
  );

  readonly emptyMessage = computed(() => {
    const status = this.status();
    return status === 'all' ? 'No orders yet.' : `No orders with the status ${ORDER_STATUS_LABELS[status]}.`;
  });

  ngOnInit(): void {
    this.list.reload();
  }

  filterByStatus(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }

  paymentLabel(order: OrderSummary): string {
    return paymentMethodLabel(order.paymentMethod);
  }

  open(order: OrderSummary, event?: Event): void {
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([order.id], { relativeTo: this.route });
  }
}
