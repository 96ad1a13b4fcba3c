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
import { Api, jobsList } from '@achievement/web-api';
import { JobStatusChipComponent } from './job-status-chip.component';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** Jobs Issued (centre staff): the centre's jobs, newest first; a job opens to its documents. */
@Component({
  selector: 'ap-jobs-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, JobStatusChipComponent],
  templateUrl: './jobs-page.component.html',
  styleUrl: '../records/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobsPageComponent implements OnInit {
  private readonly api = inject(Api);
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
    (cursor) => this.api.invoke(jobsList, { cursor: cursor ?? undefined, limit: LIST_PAGE_SIZE }),
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
