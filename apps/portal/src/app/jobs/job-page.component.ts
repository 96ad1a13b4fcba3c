import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { JobSummary, RecordRow, RecordSort } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { openReportIssueDialog } from '../documents/report-issue-dialog.component';
import { openDownloadDialog } from '../downloads/download-dialog.component';
import { DEFAULT_RECORD_SORT } from '../records/record-filter-params';
import { RecordsTableComponent } from '../records/records-table.component';
import { JobStatusChipComponent } from './job-status-chip.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiRequest, KeysetList, LIST_PAGE_SIZE, routeId } from '@achievement/web';
import { Api, jobsGet, recordsSearch } from '@achievement/web-api';

/** A job of Jobs Issued: its details and its documents (the records of its job number). */
@Component({
  selector: 'ap-job-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, JobStatusChipComponent, RecordsTableComponent],
  templateUrl: './job-page.component.html',
  styleUrl: '../records/list-page.scss',
  styles: `
    .back {
      margin: 0 0 8px;
    }
    .heading-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .summary {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0 0 16px;

      dt {
        font-weight: 500;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobPageComponent {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  /** The job's id from the address; undefined when it is not a positive whole number. */
  private readonly validId = routeId();
  private readonly request = apiRequest({
    params: () => this.validId(),
    load: (id: number) => this.api.invoke(jobsGet, { id }),
    failure: 'The job could not be loaded.',
  });
  readonly job = this.request.value;
  readonly loading = this.request.loading;
  readonly loadError = this.request.error;
  readonly notFound = computed(() => this.validId() === undefined || this.request.notFound());
  readonly sort = signal<RecordSort>(DEFAULT_RECORD_SORT);
  readonly records = new KeysetList<RecordRow>(
    (cursor) => this.api.invoke(recordsSearch, { jobNumber: this.job()?.number, sort: this.sort(), cursor: cursor ?? undefined, limit: LIST_PAGE_SIZE }),
    "The job's documents could not be loaded.",
    this.destroyRef,
  );

  constructor() {
    // the job's documents, once the job (and so its number) is known
    effect(() => {
      if (this.job()) untracked(() => this.records.reload());
    });
  }

  /** Retry. */
  load(): void {
    this.request.retry();
  }

  sortBy(sort: RecordSort): void {
    this.sort.set(sort);
    this.records.reload();
  }

  /** Asks for a zip of every document of the job (the dialog says what happened). */
  download(job: JobSummary): void {
    openDownloadDialog(this.dialog, { jobId: job.id, jobNumber: job.number, documentCount: job.documentCount });
  }

  openReport(row: RecordRow): void {
    openReportIssueDialog(this.dialog, row)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((report) => {
        if (report) {
          this.records.replace(
            (item) => item.id === row.id,
            (item) => ({ ...item, openReportCount: item.openReportCount + 1 }),
          );
        }
      });
  }
}
