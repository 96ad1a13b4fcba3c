import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentStatus, REPORT_STATUS_LABELS, ReportStatus } from '@achievement/contracts';
import { DOCUMENT_STATUS_LABELS } from './report-labels';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<ReportStatus | DocumentStatus, StatusTone> = {
  new: 'waiting',
  in_progress: 'info',
  awaiting_centre: 'info',
  resolved: 'good',
  valid: 'good',
  rejected: 'bad',
  revoked: 'bad',
  superseded: 'neutral',
};

/** A report's status (or, with kind="document", a document's), coloured by meaning; the label always says it too. */
@Component({
  selector: 'adm-report-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStatusChipComponent {
  readonly status = input.required<ReportStatus | DocumentStatus>();
  readonly kind = input<'report' | 'document'>('report');
  readonly label = computed(() =>
    this.kind() === 'document' ? DOCUMENT_STATUS_LABELS[this.status() as DocumentStatus] : REPORT_STATUS_LABELS[this.status() as ReportStatus],
  );
  readonly tone = computed(() => TONES[this.status()]);
}
