import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, OnInit, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AdminJobSummary, JOB_STATUSES, JobStatus } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { catchError, forkJoin, map, of, Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { CentrePickerComponent, CentreRef } from '../shared/centre-picker.component';
import { JobProgressComponent } from './job-progress.component';
import { JobStatusChipComponent } from './job-status-chip.component';
import { isJobInProgress, JOB_POLL_INTERVAL_MS, JOB_STATUS_LABELS } from './job-status';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

type StatusFilter = JobStatus | 'all';

/** How many jobs in progress the list follows at once (the first ones shown). */
export const FOLLOWED_JOBS = 10;

/**
 * Every centre's jobs, newest first, by centre and status, with the progress of those rendering:
 * the rows of jobs still queued or rendering are asked for again every 2 seconds until they are done.
 */
@Component({
  selector: 'adm-jobs-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    CentrePickerComponent,
    JobProgressComponent,
    JobStatusChipComponent,
  ],
  templateUrl: './jobs-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .centre-filter {
      width: 320px;
      max-width: 100%;
    }
    .centre-number {
      font-weight: 500;
    }
    .row-progress {
      margin-top: 6px;
    }
    .number {
      text-align: end;
    }
    .by {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobsPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** On a phone the table keeps the job, its status (and progress) and the centre. */
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() =>
    this.isHandset() ? ['number', 'status', 'centre'] : ['number', 'centre', 'status', 'documentCount', 'createdAt', 'issuedAt'],
  );
  readonly statuses = JOB_STATUSES;
  readonly statusLabels = JOB_STATUS_LABELS;

  readonly status = signal<StatusFilter>('all');
  readonly centre = signal<CentreRef | null>(null);
  readonly list = new KeysetList<AdminJobSummary>(
    (cursor) =>
      this.api.listJobs({
        centreId: this.centre()?.id ?? null,
        status: this.status() === 'all' ? null : (this.status() as JobStatus),
        cursor,
        limit: LIST_PAGE_SIZE,
      }),
    'The jobs could not be loaded.',
    inject(DestroyRef),
  );
  readonly emptyMessage = computed(() =>
    this.centre() || this.status() !== 'all' ? 'No jobs match these filters.' : 'No jobs yet. Issue one with “Issue a job”.',
  );

  private readonly pollInterval = inject(JOB_POLL_INTERVAL_MS);
  private timer?: ReturnType<typeof setTimeout>;
  private progressRequest?: Subscription;

  constructor() {
    // While rows are in progress, follow them; a new page of rows starts over.
    effect(() => {
      const inProgress = this.list.items().some((job) => isJobInProgress(job.status));
      untracked(() => this.followProgress(inProgress));
    });
    inject(DestroyRef).onDestroy(() => this.followProgress(false));
  }

  ngOnInit(): void {
    this.list.reload();
  }

  filterByStatus(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }

  filterByCentre(centre: CentreRef | null): void {
    if (centre?.id === this.centre()?.id) {
      return;
    }
    this.centre.set(centre);
    this.list.reload();
  }

  private followProgress(follow: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!follow) {
      this.progressRequest?.unsubscribe();
      return;
    }
    if (this.progressRequest && !this.progressRequest.closed) {
      return;
    }
    this.timer = setTimeout(() => this.refreshProgress(), this.pollInterval);
  }

  /** The rows in progress again; one that cannot be had keeps its last state. */
  private refreshProgress(): void {
    const ids = this.list
      .items()
      .filter((job) => isJobInProgress(job.status))
      .slice(0, FOLLOWED_JOBS)
      .map((job) => job.id);
    if (ids.length === 0) {
      return;
    }
    this.progressRequest = forkJoin(ids.map((id) => this.api.getJob(id).pipe(catchError(() => of(null))))).subscribe((jobs) => {
      for (const job of jobs) {
        if (job) {
          this.list.replace(
            (row) => row.id === job.id,
            (row) => ({ ...row, status: job.status, documentCount: job.documentCount, renderedCount: job.renderedCount, issuedAt: job.issuedAt }),
          );
        }
      }
      this.progressRequest = undefined;
      this.followProgress(this.list.items().some((row) => isJobInProgress(row.status)));
    });
  }

  open(job: AdminJobSummary, event?: Event): void {
    // A click on the job's link already navigates.
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([job.id], { relativeTo: this.route });
  }
}
