import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { REPORT_STATUS_LABELS, ReportStatus } from '@achievement/contracts';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<ReportStatus, StatusTone> = {
  resolved: 'good',
  in_progress: 'waiting',
  new: 'waiting',
  awaiting_centre: 'info',
  rejected: 'bad',
};

/** A report's status (REPORT_STATUS_LABELS), coloured by meaning (the label always says it too). */
@Component({
  selector: 'ap-report-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="report-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStatusChipComponent {
  readonly status = input.required<ReportStatus>();
  readonly label = computed(() => REPORT_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
