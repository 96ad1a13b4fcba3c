import { ChangeDetectionStrategy, Component, DestroyRef, inject, numberAttribute, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { JobSummary, RecordRow, RecordSort } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { openReportIssueDialog } from '../documents/report-issue-dialog.component';
import { openDownloadDialog } from '../downloads/download-dialog.component';
import { DEFAULT_RECORD_SORT } from '../records/record-filter-params';
import { RecordsTableComponent } from '../records/records-table.component';
import { JobStatusChipComponent } from './job-status-chip.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiErrorCode, apiErrorMessage, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

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
export class JobPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  readonly job = signal<JobSummary | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly notFound = signal(false);
  readonly sort = signal<RecordSort>(DEFAULT_RECORD_SORT);
  readonly records = new KeysetList<RecordRow>(
    (cursor) => this.api.listRecords({ jobNumber: this.job()?.number, sort: this.sort(), cursor: cursor ?? undefined, limit: LIST_PAGE_SIZE }),
    "The job's documents could not be loaded.",
    this.destroyRef,
  );

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = numberAttribute(this.route.snapshot.paramMap.get('id'), NaN);
    this.loading.set(true);
    this.loadError.set(null);
    this.notFound.set(false);
    try {
      if (!Number.isInteger(id) || id < 1) {
        this.notFound.set(true);
        return;
      }
      this.job.set(await firstValueFrom(this.api.getJob(id)));
      this.records.reload();
    } catch (error) {
      if (apiErrorCode(error) === 'JOB_NOT_FOUND') {
        this.notFound.set(true);
      } else {
        this.loadError.set(apiErrorMessage(error, 'The job could not be loaded.'));
      }
    } finally {
      this.loading.set(false);
    }
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
