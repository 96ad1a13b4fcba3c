import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit } from '@angular/core';
import { OrderSummary, PaymentMethod } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Api, storeList } from '@achievement/web-api';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { KeysetList, PencePipe } from '@achievement/web';

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card',
  centre_credit: 'Centre credits',
};

/** Orders: the user's orders (centre staff: their centre's), newest first, with their status. */
@Component({
  selector: 'ap-orders-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, PencePipe, OrderStatusChipComponent],
  templateUrl: './orders-page.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    .orders {
      width: 100%;
      min-width: 820px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersPageComponent implements OnInit {
  private readonly api = inject(Api);

  readonly paymentLabels = PAYMENT_METHOD_LABELS;
  readonly columns = ['number', 'placedAt', 'placedBy', 'centre', 'items', 'total', 'payment', 'status'];
  readonly list = new KeysetList<OrderSummary>(
    (cursor) => this.api.invoke(storeList, { cursor: cursor ?? undefined }),
    'The orders could not be loaded.',
    inject(DestroyRef),
  );

  ngOnInit(): void {
    this.list.reload();
  }

  paymentLabel(order: OrderSummary): string {
    return PAYMENT_METHOD_LABELS[order.paymentMethod];
  }
}
