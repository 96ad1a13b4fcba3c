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
import { apiErrorMessage, apiStatus, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** A job of Jobs Issued: its details and its documents (the records of its job number). */
@Component({
  selector: 'ap-job-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, JobStatusChipComponent, RecordsTableComponent],
  template: `
    <section class="page" data-testid="job" aria-labelledby="job-title">
      <p class="back"><a routerLink="/jobs">‹ Jobs Issued</a></p>

      @if (loadError(); as message) {
        <div class="error" role="alert" data-testid="job-load-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="load()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }
      @if (notFound()) {
        <h1 id="job-title">Job not found</h1>
        <p data-testid="job-not-found">There is no job of your centre at this address.</p>
      }

      @if (job(); as job) {
        <div class="heading">
          <h1 id="job-title">Job {{ job.number }}</h1>
          <div class="heading-actions">
            <a mat-stroked-button routerLink="/records" [queryParams]="{ jobNumber: job.number, select: 'all' }" data-testid="job-open-records">
              <mat-icon aria-hidden="true" svgIcon="manage_search"></mat-icon>
              Select and notify in Records
            </a>
            @if (job.status === 'issued' && job.documentCount > 0) {
              <button mat-stroked-button type="button" (click)="download(job)" data-testid="job-download">
                <mat-icon aria-hidden="true" svgIcon="download"></mat-icon>
                Download all documents of this job
              </button>
            }
          </div>
        </div>
        <dl class="summary" data-testid="job-summary">
          <dt>Status</dt>
          <dd><ap-job-status-chip [status]="job.status" /></dd>
          <dt>Date</dt>
          <dd>{{ job.issuedAt ?? job.createdAt | bodyDay: 'time' }}</dd>
          <dt>Documents</dt>
          <dd>{{ job.documentCount.toLocaleString('en-GB') }}</dd>
        </dl>
      }

      <div class="progress" aria-live="polite">
        @if (loading() || records.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the job's documents" />
        }
      </div>

      @if (records.error(); as message) {
        <div class="error" role="alert" data-testid="job-records-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="records.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (records.loaded() && records.items().length === 0 && !records.error()) {
        <p class="empty" data-testid="job-records-empty">
          {{ job()?.status === 'issued' ? 'No documents of this job are available.' : 'The documents of this job are still being prepared.' }}
        </p>
      }

      @if (records.items().length > 0) {
        <ap-records-table
          [rows]="records.items()"
          [sort]="sort()"
          [caption]="'Documents of job ' + (job()?.number ?? '')"
          (sortChange)="sortBy($event)"
          (report)="openReport($event)"
        />
        @if (records.nextCursor()) {
          <div class="more">
            <button mat-stroked-button type="button" [disabled]="records.loading()" (click)="records.loadMore()" data-testid="job-records-load-more">
              Load more
            </button>
          </div>
        }
      }
    </section>
  `,
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
      if (apiStatus(error) === 404) {
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
