import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { JobStatus } from '@achievement/contracts';
import { JOB_STATUS_LABELS } from './job-status';

/** A job's status, coloured by outcome (the label always says it too). */
@Component({
  selector: 'ap-job-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="job-status">{{ label() }}</span>`,
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
    .status--issued {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--queued,
    .status--rendering {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobStatusChipComponent {
  readonly status = input.required<JobStatus>();
  readonly label = computed(() => JOB_STATUS_LABELS[this.status()]);
}
