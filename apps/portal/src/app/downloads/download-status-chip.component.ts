import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DownloadStatus } from '@achievement/contracts';
import { DOWNLOAD_STATUS_LABELS } from './download-status';

/** A download's status, coloured by outcome (the label always says it too). */
@Component({
  selector: 'ap-download-status-chip',
  template: `<span [class]="'status status--' + status()" data-testid="download-status">{{ label() }}</span>`,
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
    .status--ready {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--queued,
    .status--building {
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
export class DownloadStatusChipComponent {
  readonly status = input.required<DownloadStatus>();
  readonly label = computed(() => DOWNLOAD_STATUS_LABELS[this.status()]);
}
