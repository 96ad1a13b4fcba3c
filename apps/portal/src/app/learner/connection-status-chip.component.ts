import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CONNECTION_STATUS_LABELS, ConnectionStatus } from '@achievement/contracts';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<ConnectionStatus, StatusTone> = {
  active: 'good',
  pending: 'waiting',
  declined: 'bad',
  ended: 'neutral',
  expired: 'neutral',
};

/** A connection's status, coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-connection-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="connection-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionStatusChipComponent {
  readonly status = input.required<ConnectionStatus>();
  readonly label = computed(() => CONNECTION_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
