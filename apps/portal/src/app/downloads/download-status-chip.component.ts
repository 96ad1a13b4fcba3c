import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DownloadStatus } from '@achievement/contracts';
import { DOWNLOAD_STATUS_LABELS } from './download-status';
import { StatusChipComponent, StatusTone } from '@achievement/web';

const TONES: Record<DownloadStatus, StatusTone> = {
  ready: 'good',
  queued: 'waiting',
  building: 'waiting',
  failed: 'bad',
  expired: 'neutral',
};

/** A download's status, coloured by outcome (the label always says it too). */
@Component({
  selector: 'ap-download-status-chip',
  imports: [StatusChipComponent],
  template: `<ap-status-chip [label]="label()" [tone]="tone()" testId="download-status" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DownloadStatusChipComponent {
  readonly status = input.required<DownloadStatus>();
  readonly label = computed(() => DOWNLOAD_STATUS_LABELS[this.status()]);
  readonly tone = computed(() => TONES[this.status()]);
}
