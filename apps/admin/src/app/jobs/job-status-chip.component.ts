import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { JobStatus } from '@achievement/contracts';
import { JOB_STATUS_LABELS } from './job-status';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<JobStatus, StatusTone> = {
  issued: 'good',
  queued: 'waiting',
  rendering: 'waiting',
  failed: 'bad',
};

/** A job's status, coloured by outcome (the label always says it too). */
@Component({
  selector: 'adm-job-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="job-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobStatusChipComponent {
  readonly status = input.required<JobStatus>();
  readonly label = computed(() => JOB_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
