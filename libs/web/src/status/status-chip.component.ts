import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * What a status means to the person reading it, shown by colour: done and well (good), still to
 * happen (waiting), someone else's move (info), stopped or refused (bad), or none of these. The
 * label always says it too: colour only helps.
 */
export type StatusTone = 'good' | 'waiting' | 'info' | 'bad' | 'neutral';

/**
 * A status as a small coloured label: `<ap-status-chip [label]="…" [tone]="…" testId="job-status" />`.
 * Each app's domain chips (a job's, an order's, …) choose the label and the tone.
 */
@Component({
  selector: 'ap-status-chip',
  template: `<span [class]="'status status--' + tone()" [attr.data-testid]="testId()">{{ label() }}</span>`,
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
    .status--good {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--waiting {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--info {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status--bad {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChipComponent {
  readonly label = input.required<string>();
  readonly tone = input<StatusTone>('neutral');
  readonly testId = input<string | null>(null);
}
