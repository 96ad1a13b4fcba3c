import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DOWNLOAD_LIFETIME_DAYS, DOWNLOAD_PURPOSE_LABELS, DownloadSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { forkJoin, map, Subscription, switchMap, timer } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { DownloadStatusChipComponent } from './download-status-chip.component';
import { isInProgress } from './download-status';
import { FileSizePipe } from './file-size.pipe';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiErrorMessage, KeysetList } from '@achievement/web';

/** How often the page asks for the progress of the downloads being built. */
export const DOWNLOADS_POLL_INTERVAL_MS = 2000;

/**
 * Downloads (centre staff): the centre's zips of documents, newest first, with the progress of
 * those being built (asked for every 2 s while any is queued or building), the day each zip is
 * removed, and a plain link the browser streams the ready zip from.
 */
@Component({
  selector: 'ap-downloads-page',
  imports: [BodyDayPipe, DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, DownloadStatusChipComponent, FileSizePipe],
  templateUrl: './downloads-page.component.html',
  styleUrl: '../records/list-page.scss',
  styles: `
    .downloads {
      width: 100%;
      min-width: 760px;

      &--compact {
        min-width: 0;
      }
    }
    .name {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .block {
      display: block;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .failure {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .status-cell {
      min-width: 160px;

      mat-progress-bar {
        margin-top: 6px;
      }
    }
    .actions {
      text-align: end;
      white-space: nowrap;
    }
    .poll-error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DownloadsPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly destroyRef = inject(DestroyRef);
  private poll?: Subscription;

  readonly lifetimeDays = DOWNLOAD_LIFETIME_DAYS;
  readonly list = new KeysetList<DownloadSummary>((cursor) => this.api.listDownloads({ cursor }), 'The downloads could not be loaded.', this.destroyRef);
  /** The rows still queued or building: while there are any, their progress is asked for. */
  readonly inProgress = computed(() => this.list.items().filter(isInProgress));
  readonly pollError = signal<string | null>(null);

  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() =>
    this.isHandset() ? ['name', 'status', 'actions'] : ['name', 'requestedBy', 'createdAt', 'documentCount', 'size', 'status', 'actions'],
  );

  constructor() {
    // Starts polling when a row is queued or building; the poll itself stops when none is left.
    effect(() => {
      if (this.inProgress().length > 0) {
        untracked(() => this.schedulePoll());
      }
    });
    this.destroyRef.onDestroy(() => this.poll?.unsubscribe());
  }

  ngOnInit(): void {
    this.list.reload();
  }

  fileUrl(download: DownloadSummary): string {
    return this.api.downloadFileUrl(download.id);
  }

  purposeText(download: DownloadSummary): string {
    const label = DOWNLOAD_PURPOSE_LABELS[download.purpose];
    return download.purpose === 'other' && download.purposeDetail ? `${label}: ${download.purposeDetail}` : label;
  }

  percent(download: DownloadSummary): number {
    return download.documentCount > 0 ? Math.min(100, (100 * download.processedCount) / download.documentCount) : 0;
  }

  progressText(download: DownloadSummary): string {
    return `${download.processedCount.toLocaleString('en-GB')} of ${download.documentCount.toLocaleString('en-GB')} documents`;
  }

  /** In POLL_INTERVAL, asks for each row in progress and puts the answers in place; then again while any is left. */
  private schedulePoll(): void {
    if (this.poll && !this.poll.closed) {
      return;
    }
    this.poll = timer(DOWNLOADS_POLL_INTERVAL_MS)
      .pipe(switchMap(() => forkJoin(this.inProgress().map((download) => this.api.getDownload(download.id)))))
      .subscribe({
        next: (downloads) => {
          this.pollError.set(null);
          const byId = new Map(downloads.map((download) => [download.id, download]));
          this.list.replace(
            (item) => byId.has(item.id),
            (item) => byId.get(item.id) ?? item,
          );
        },
        error: (error: unknown) => {
          this.pollError.set(apiErrorMessage(error, 'The progress could not be updated. Trying again…'));
          this.poll = undefined;
          this.schedulePoll();
        },
        complete: () => {
          this.poll = undefined;
          if (this.inProgress().length > 0) {
            this.schedulePoll();
          }
        },
      });
  }
}
