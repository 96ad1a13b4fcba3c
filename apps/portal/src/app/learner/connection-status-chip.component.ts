import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CONNECTION_STATUS_LABELS, ConnectionStatus } from '@achievement/contracts';

/** A connection's status, coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-connection-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="connection-status">{{ label() }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .status--active {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--pending {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--declined {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionStatusChipComponent {
  readonly status = input.required<ConnectionStatus>();
  readonly label = computed(() => CONNECTION_STATUS_LABELS[this.status()]);
}
