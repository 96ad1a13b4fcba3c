import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ORDER_STATUS_LABELS, OrderStatus } from '@achievement/contracts';

/** An order's status (the label always says it; the colour only helps). */
@Component({
  selector: 'adm-order-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="order-status">{{ label() }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .status--paid,
    .status--invoiced {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--dispatched,
    .status--delivered {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--cancelled,
    .status--refunded,
    .status--expired {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderStatusChipComponent {
  readonly status = input.required<OrderStatus>();
  readonly label = computed(() => ORDER_STATUS_LABELS[this.status()]);
}
