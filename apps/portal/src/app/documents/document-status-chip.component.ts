import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentStatus } from '@achievement/contracts';
import { DOCUMENT_STATUS_LABELS } from './document-status';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<DocumentStatus, StatusTone> = {
  valid: 'good',
  superseded: 'waiting',
  revoked: 'bad',
};

/** A document's status, coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-document-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="document-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentStatusChipComponent {
  readonly status = input.required<DocumentStatus>();
  readonly label = computed(() => DOCUMENT_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
