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
  template: `
    <section class="page" data-testid="reports" aria-labelledby="reports-title">
      <div class="heading">
        <h1 id="reports-title">Reported issues</h1>
        <div class="heading__actions">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Refresh
          </button>
        </div>
      </div>
      <p class="muted intro">
        Problems centres reported with their documents, oldest first. Open one to reply, correct or revoke the document, and set its status.
      </p>

      <div class="filters" role="search" aria-label="Reported issues">
        <mat-form-field subscriptSizing="dynamic" class="status-filter">
          <mat-label>Status</mat-label>
          <mat-select [value]="status()" (valueChange)="filterByStatus($event)" data-testid="reports-status-filter">
            <!-- the chosen filter in a few words, so it fits a phone -->
            <mat-select-trigger>{{ statusFilterText() }}</mat-select-trigger>
            <mat-option value="open">Open (new, in progress, awaiting centre)</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Reason</mat-label>
          <mat-select [value]="reason()" (valueChange)="filterByReason($event)" data-testid="reports-reason-filter">
            <mat-option value="all">All reasons</mat-option>
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason">{{ reasonLabels[reason] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <adm-centre-picker
          class="centre-filter"
          label="Centre"
          hint="All centres when empty"
          subscriptSizing="dynamic"
          testId="reports-centre-filter"
          [centre]="centre()"
          (centreChange)="filterByCentre($event)"
        />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Age</mat-label>
          <mat-select [value]="olderThanDays() ?? 0" (valueChange)="filterByAge($event)" data-testid="reports-age-filter">
            <mat-option [value]="0">Any age</mat-option>
            @for (days of ageChoices; track days) {
              <mat-option [value]="days">Older than {{ days }} {{ days === 1 ? 'day' : 'days' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle class="mine" [checked]="assignedToMe()" (change)="filterByMine($event.checked)" data-testid="reports-mine-filter">
          Assigned to me
        </mat-slide-toggle>
      </div>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading reported issues" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="reports-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="reports-empty">{{ emptyMessage() }}</p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              Reported issues, oldest first. Open one to deal with it.
            </caption>

            <ng-container matColumnDef="reference">
              <th mat-header-cell *matHeaderCellDef scope="col">Reference</th>
              <td mat-cell *matCellDef="let r">
                <a [routerLink]="[r.id]">{{ r.reference }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="age">
              <th mat-header-cell *matHeaderCellDef scope="col">Age</th>
              <td mat-cell *matCellDef="let r">
                <time [attr.datetime]="r.createdAt" [attr.title]="r.createdAt | bodyTime">{{ age(r.createdAt) }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="centre">
              <th mat-header-cell *matHeaderCellDef scope="col">Centre</th>
              <td mat-cell *matCellDef="let r">
                <span class="strong">{{ r.centre.number }}</span><span class="muted"> {{ r.centre.name }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="document">
              <th mat-header-cell *matHeaderCellDef scope="col">Learner and document</th>
              <td mat-cell *matCellDef="let r">
                <span class="strong block">{{ r.document.learnerName }}</span>
                <span class="muted block"> {{ r.document.documentNumber }} · {{ r.document.qualificationCode }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="reason">
              <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
              <td mat-cell *matCellDef="let r">{{ reasonLabel(r.reason) }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let r"><adm-report-status-chip [status]="r.status" /></td>
            </ng-container>
            <ng-container matColumnDef="assignee">
              <th mat-header-cell *matHeaderCellDef scope="col">Assigned to</th>
              <td mat-cell *matCellDef="let r">
                @if (r.assignee) {
                  {{ r.assignee.name }}
                } @else {
                  <span class="muted">Nobody</span>
                }
              </td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let r; columns: columns()" class="clickable-row" data-testid="report-row" (click)="open(r, $event)"></tr>
          </table>
        </div>

        @if (list.nextCursor()) {
          <div class="more">
            <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">Load more</button>
          </div>
        }
      }
    </section>
  `,
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
