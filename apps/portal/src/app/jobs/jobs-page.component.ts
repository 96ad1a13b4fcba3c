import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { JobSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { JobStatusChipComponent } from './job-status-chip.component';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** Jobs Issued (centre staff): the centre's jobs, newest first; a job opens to its documents. */
@Component({
  selector: 'ap-jobs-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, JobStatusChipComponent],
  template: `
    <section class="page" data-testid="jobs" aria-labelledby="jobs-title">
      <div class="heading">
        <h1 id="jobs-title">Jobs Issued</h1>
        <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.reload()">
          <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
          Refresh
        </button>
      </div>
      <p class="intro">A job is a collection of documents issued together. Open one to see its documents.</p>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading jobs" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="jobs-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="jobs-empty">No jobs have been issued to your centre yet.</p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()" class="jobs" [class.jobs--compact]="isHandset()">
            <caption class="cdk-visually-hidden">
              Jobs issued to your centre, newest first. Open one to see its documents.
            </caption>

            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef scope="col">Job</th>
              <td mat-cell *matCellDef="let job">
                <a [routerLink]="[job.id]" data-testid="job-link">{{ job.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="date">
              <th mat-header-cell *matHeaderCellDef scope="col">Date</th>
              <td mat-cell *matCellDef="let job">
                <time [attr.datetime]="job.issuedAt ?? job.createdAt">{{ job.issuedAt ?? job.createdAt | date: 'd MMM y' }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="documentCount">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Documents</th>
              <td mat-cell *matCellDef="let job" class="number">{{ job.documentCount.toLocaleString('en-GB') }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let job"><ap-job-status-chip [status]="job.status" /></td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let job; columns: columns()" class="clickable-row" data-testid="job-row" (click)="open(job, $event)"></tr>
          </table>
        </div>

        @if (list.nextCursor()) {
          <div class="more">
            <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()" data-testid="jobs-load-more">Load more</button>
          </div>
        }
      }
    </section>
  `,
  styleUrl: '../records/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobsPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** On a small phone the document count moves out; the job's page shows it. */
  readonly columns = computed(() => (this.isHandset() ? ['number', 'date', 'status'] : ['number', 'date', 'documentCount', 'status']));
  readonly list = new KeysetList<JobSummary>(
    (cursor) => this.api.listJobs({ cursor, limit: LIST_PAGE_SIZE }),
    'The jobs could not be loaded.',
    inject(DestroyRef),
  );

  ngOnInit(): void {
    this.list.reload();
  }

  open(job: JobSummary, event?: Event): void {
    // A click on the job's link already navigates.
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([job.id], { relativeTo: this.route });
  }
}
