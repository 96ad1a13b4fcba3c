import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  ReportReason,
  ReportStatus,
  TriageReportSummary,
} from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { CentrePickerComponent, CentreRef } from '../shared/centre-picker.component';
import { ageOf } from './report-labels';
import { ReportStatusChipComponent } from './report-status-chip.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** 'open': new, in progress or awaiting centre (the API's default when no status is sent). */
type StatusFilter = ReportStatus | 'open';
type ReasonFilter = ReportReason | 'all';

/** The choices of "Age": reported more than this many days ago. */
export const REPORT_AGE_CHOICES: readonly number[] = [1, 2, 3, 7, 14, 30];

/**
 * The triage queue of reported document problems, oldest first: by status (the open ones unless
 * another is chosen), reason, centre, age and "Assigned to me".
 */
@Component({
  selector: 'adm-reports-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    CentrePickerComponent,
    ReportStatusChipComponent,
  ],
  templateUrl: './reports-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .intro {
      margin: -8px 0 16px;
      max-width: 72ch;
    }
    .filters .status-filter {
      width: 340px;
      max-width: 100%;
    }
    .centre-filter {
      width: 280px;
      max-width: 100%;
    }
    .mine {
      margin-top: 16px;
    }
    .strong {
      font-weight: 500;
    }
    .block {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** On a phone the table keeps the reference, the learner and the status; the report's page shows the rest. */
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() =>
    this.isHandset() ? ['reference', 'document', 'status'] : ['reference', 'age', 'centre', 'document', 'reason', 'status', 'assignee'],
  );
  readonly statuses = REPORT_STATUSES;
  readonly statusLabels = REPORT_STATUS_LABELS;
  readonly reasons = REPORT_REASONS;
  readonly reasonLabels = REPORT_REASON_LABELS;
  readonly ageChoices = REPORT_AGE_CHOICES;
  readonly age = (time: string) => ageOf(time);
  readonly reasonLabel = (reason: ReportReason) => REPORT_REASON_LABELS[reason];

  readonly status = signal<StatusFilter>('open');
  readonly statusFilterText = computed(() => {
    const status = this.status();
    return status === 'open' ? 'All open' : REPORT_STATUS_LABELS[status];
  });
  readonly reason = signal<ReasonFilter>('all');
  readonly centre = signal<CentreRef | null>(null);
  readonly olderThanDays = signal<number | null>(null);
  readonly assignedToMe = signal(false);

  readonly list = new KeysetList<TriageReportSummary>(
    (cursor) =>
      this.api.listReports({
        status: this.status() === 'open' ? null : (this.status() as ReportStatus),
        reason: this.reason() === 'all' ? null : (this.reason() as ReportReason),
        centreId: this.centre()?.id ?? null,
        olderThanDays: this.olderThanDays(),
        assignedToMe: this.assignedToMe(),
        cursor,
        limit: LIST_PAGE_SIZE,
      }),
    'The reported issues could not be loaded.',
    inject(DestroyRef),
  );
  readonly emptyMessage = computed(() => {
    const filtered = this.reason() !== 'all' || this.centre() !== null || this.olderThanDays() !== null || this.assignedToMe();
    if (filtered) return 'No reported issues match these filters.';
    const status = this.status();
    return status === 'open' ? 'No open reported issues: nothing is waiting.' : `No reported issues with the status ${REPORT_STATUS_LABELS[status]}.`;
  });

  ngOnInit(): void {
    this.list.reload();
  }

  filterByStatus(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }

  filterByReason(reason: ReasonFilter): void {
    this.reason.set(reason);
    this.list.reload();
  }

  filterByCentre(centre: CentreRef | null): void {
    if (centre?.id === this.centre()?.id) {
      return;
    }
    this.centre.set(centre);
    this.list.reload();
  }

  /** 0: any age. */
  filterByAge(days: number): void {
    this.olderThanDays.set(days > 0 ? days : null);
    this.list.reload();
  }

  filterByMine(mine: boolean): void {
    this.assignedToMe.set(mine);
    this.list.reload();
  }

  open(report: TriageReportSummary, event?: Event): void {
    // A click on the reference already navigates.
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([report.id], { relativeTo: this.route });
  }
}
