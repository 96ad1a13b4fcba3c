import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { REPORT_STATUS_LABELS, ReportStatus } from '@achievement/contracts';

/** A report's status (REPORT_STATUS_LABELS), coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-report-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="report-status">{{ label() }}</span>`,
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
    .status--resolved {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--in_progress,
    .status--new {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--awaiting_centre {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status--rejected {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStatusChipComponent {
  readonly status = input.required<ReportStatus>();
  readonly label = computed(() => REPORT_STATUS_LABELS[this.status()]);
}
