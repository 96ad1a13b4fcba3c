import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ORDER_STATUS_LABELS, OrderStatus } from '@achievement/contracts';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<OrderStatus, StatusTone> = {
  paid: 'good',
  invoiced: 'good',
  dispatched: 'good',
  delivered: 'good',
  awaiting_payment: 'waiting',
  in_production: 'waiting',
  cancelled: 'bad',
  refunded: 'bad',
  expired: 'bad',
};

/** An order's status, coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-order-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="order-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderStatusChipComponent {
  readonly status = input.required<OrderStatus>();
  readonly label = computed(() => ORDER_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
