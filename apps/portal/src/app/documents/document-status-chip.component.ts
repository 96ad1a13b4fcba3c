import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentStatus } from '@achievement/contracts';
import { DOCUMENT_STATUS_LABELS } from './document-status';

/** A document's status, coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-document-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="document-status">{{ label() }}</span>`,
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
    .status--valid {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--superseded {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--revoked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentStatusChipComponent {
  readonly status = input.required<DocumentStatus>();
  readonly label = computed(() => DOCUMENT_STATUS_LABELS[this.status()]);
}
