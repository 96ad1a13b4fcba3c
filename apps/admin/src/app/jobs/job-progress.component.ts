import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/** How far the rendering of a job has got: a determinate bar and "3 of 10 documents rendered". */
@Component({
  selector: 'adm-job-progress',
  imports: [MatProgressBarModule],
  template: `
    <mat-progress-bar
      mode="determinate"
      [value]="percent()"
      [attr.aria-label]="'Rendering job ' + jobNumber()"
      [attr.aria-valuetext]="text()"
      data-testid="job-progress"
    />
    <span class="text">{{ text() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 120px;
    }
    .text {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobProgressComponent {
  readonly jobNumber = input.required<string>();
  readonly rendered = input.required<number>();
  readonly total = input.required<number>();

  readonly percent = computed(() => (this.total() > 0 ? Math.min(100, Math.round((this.rendered() / this.total()) * 100)) : 0));
  readonly text = computed(() => {
    const total = this.total();
    return `${this.rendered().toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} ${total === 1 ? 'document' : 'documents'} rendered`;
  });
}
