import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AdminJobDetail } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { JobDocumentsComponent } from './job-documents.component';
import { JobProgressComponent } from './job-progress.component';
import { JobStatusChipComponent } from './job-status-chip.component';
import { isJobInProgress, JOB_POLL_INTERVAL_MS } from './job-status';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage } from '@achievement/web';

/**
 * One job: who issued it to which centre, how its rendering goes, and its documents. While it is queued or
 * rendering the page asks again every 2 seconds, and stops once it is issued or has failed.
 */
@Component({
  selector: 'adm-job-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    JobDocumentsComponent,
    JobProgressComponent,
    JobStatusChipComponent,
  ],
  templateUrl: './job-page.component.html',
  styleUrl: './job-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly route = inject(ActivatedRoute);
  private readonly pollInterval = inject(JOB_POLL_INTERVAL_MS);
  private request?: Subscription;
  private timer?: ReturnType<typeof setTimeout>;
  private id = 0;

  readonly job = signal<AdminJobDetail | null>(null);
  readonly loading = signal(false);
  /** The job could not be loaded at all. */
  readonly error = signal<string | null>(null);
  /** The last refresh failed; the page keeps trying. */
  readonly refreshError = signal<string | null>(null);
  readonly inProgress = computed(() => {
    const job = this.job();
    return job !== null && isJobInProgress(job.status);
  });

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.id = Number(params.get('id'));
      this.load();
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  load(): void {
    this.stop();
    this.job.set(null);
    this.error.set(null);
    this.refreshError.set(null);
    if (!Number.isInteger(this.id) || this.id < 1) {
      this.error.set('There is no job at this address.');
      return;
    }
    this.fetch();
  }

  private fetch(): void {
    const first = this.job() === null;
    this.loading.set(first);
    this.request = this.api.getJob(this.id).subscribe({
      next: (job) => {
        this.job.set(job);
        this.loading.set(false);
        this.refreshError.set(null);
        this.pollIfInProgress();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        if (first) {
          this.error.set(apiErrorMessage(error, 'The job could not be loaded.'));
        } else {
          this.refreshError.set(apiErrorMessage(error, 'The progress could not be refreshed.') + ' Trying again…');
          this.pollIfInProgress();
        }
      },
    });
  }

  private pollIfInProgress(): void {
    if (this.inProgress()) {
      this.timer = setTimeout(() => this.fetch(), this.pollInterval);
    }
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.unsubscribe();
  }
}
