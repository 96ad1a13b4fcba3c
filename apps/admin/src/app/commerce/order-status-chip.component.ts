import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ORDER_STATUS_LABELS, OrderStatus } from '@achievement/contracts';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<OrderStatus, StatusTone> = {
  paid: 'waiting',
  invoiced: 'waiting',
  dispatched: 'good',
  delivered: 'good',
  awaiting_payment: 'neutral',
  in_production: 'neutral',
  cancelled: 'bad',
  refunded: 'bad',
  expired: 'bad',
};

/** An order's status (the label always says it; the colour only helps). */
@Component({
  selector: 'adm-order-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="order-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderStatusChipComponent {
  readonly status = input.required<OrderStatus>();
  readonly label = computed(() => ORDER_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
