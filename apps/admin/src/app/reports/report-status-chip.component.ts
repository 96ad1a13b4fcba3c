import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentStatus, REPORT_STATUS_LABELS, ReportStatus } from '@achievement/contracts';
import { DOCUMENT_STATUS_LABELS } from './report-labels';

/** A report's status (or, with kind="document", a document's), coloured by meaning; the label always says it too. */
@Component({
  selector: 'adm-report-status-chip',
  template: `<span [class]="'status status--' + status()">{{ label() }}</span>`,
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
    .status--new {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--in_progress,
    .status--awaiting_centre {
      background: #d7e3ff;
      color: #0b3a82;
    }
    .status--resolved,
    .status--valid {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--rejected,
    .status--revoked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStatusChipComponent {
  readonly status = input.required<ReportStatus | DocumentStatus>();
  readonly kind = input<'report' | 'document'>('report');
  readonly label = computed(() =>
    this.kind() === 'document' ? DOCUMENT_STATUS_LABELS[this.status() as DocumentStatus] : REPORT_STATUS_LABELS[this.status() as ReportStatus],
  );
}
