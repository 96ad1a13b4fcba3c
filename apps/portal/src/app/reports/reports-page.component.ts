import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { REPORT_REASON_LABELS, REPORT_STATUS_LABELS, REPORT_STATUSES, ReportStatus, ReportSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { ReportStatusChipComponent } from './report-status-chip.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

type StatusFilter = ReportStatus | 'all';

/** Reports (centre staff): the issues the centre reported on its documents, newest first, with the replies of support staff. */
@Component({
  selector: 'ap-reports-page',
  imports: [
    BodyDayPipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    ReportStatusChipComponent,
  ],
  template: `
    <section class="page reports-page" data-testid="reports" aria-labelledby="reports-title">
      <div class="heading">
        <h1 id="reports-title">Reports</h1>
      </div>
      <p class="intro">Issues your centre reported on documents, and the replies of the Centre Services team. Report an issue from Records.</p>

      <div class="filters" role="search" aria-label="Reports">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [value]="status()" (valueChange)="filterBy($event)" data-testid="reports-status-filter">
            <mat-option value="all">All statuses</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading reports" />
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

      <ul class="reports" aria-label="Reports, newest first">
        @for (report of list.items(); track report.id) {
          <li>
            <mat-card appearance="outlined" data-testid="report" [attr.aria-labelledby]="'report-' + report.id">
              <mat-card-content>
                <div class="report-heading">
                  <h2 [id]="'report-' + report.id" data-testid="report-reference">{{ report.reference }}</h2>
                  <ap-report-status-chip [status]="report.status" />
                </div>
                <dl>
                  <dt>Document</dt>
                  <dd data-testid="report-document">
                    <a [routerLink]="['/records', report.document.id]">{{ report.document.documentNumber }}</a>
                    · {{ report.document.learnerName }} · {{ report.document.qualificationCode }}
                  </dd>
                  <dt>Reason</dt>
                  <dd data-testid="report-reason">{{ reasonLabels[report.reason] }}</dd>
                  <dt>Reported</dt>
                  <dd>
                    <time [attr.datetime]="report.createdAt">{{ report.createdAt | bodyDay: 'time' }}</time>
                    by {{ report.details.reporterName }}
                  </dd>
                  <dt>Last updated</dt>
                  <dd>
                    <time [attr.datetime]="report.updatedAt">{{ report.updatedAt | bodyDay: 'time' }}</time>
                  </dd>
                  <dt>Description</dt>
                  <dd class="text">{{ report.description }}</dd>
                </dl>
                <h3>Replies from Centre Services</h3>
                @if (report.replies.length > 0) {
                  <ol class="replies" data-testid="report-replies">
                    @for (reply of report.replies; track $index) {
                      <li>
                        <time class="muted" [attr.datetime]="reply.sentAt">{{ reply.sentAt | bodyDay: 'time' }}</time>
                        <p class="text">{{ reply.text }}</p>
                      </li>
                    }
                  </ol>
                } @else {
                  <p class="muted" data-testid="report-no-replies">No replies yet.</p>
                }
              </mat-card-content>
            </mat-card>
          </li>
        }
      </ul>

      @if (list.items().length > 0 && list.nextCursor()) {
        <div class="more">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()" data-testid="reports-load-more">Load more</button>
        </div>
      }
    </section>
  `,
  styleUrl: '../records/list-page.scss',
  styles: `
    .reports-page {
      max-width: 960px;
    }
    .filters {
      margin-bottom: 8px;

      mat-form-field {
        width: 240px;
        max-width: 100%;
      }
    }
    .reports {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .report-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0;

      dt {
        font-weight: 500;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .text {
      white-space: pre-line;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .replies {
      margin: 0;
      padding-left: 20px;

      p {
        margin: 2px 0 8px;
      }
    }
    @media (max-width: 599.98px) {
      dl {
        grid-template-columns: 1fr;
        gap: 2px;

        dd {
          margin-bottom: 8px;
        }
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);

  readonly statuses = REPORT_STATUSES;
  readonly statusLabels = REPORT_STATUS_LABELS;
  readonly reasonLabels = REPORT_REASON_LABELS;
  readonly status = signal<StatusFilter>('all');
  readonly list = new KeysetList<ReportSummary>(
    (cursor) => {
      const status = this.status();
      return this.api.listReports({ status: status === 'all' ? null : status, cursor, limit: LIST_PAGE_SIZE });
    },
    'The reports could not be loaded.',
    inject(DestroyRef),
  );
  readonly emptyMessage = computed(() => {
    const status = this.status();
    return status === 'all'
      ? 'Your centre has not reported any issues. Use Report next to a record on the Records page.'
      : `No reports with the status ${REPORT_STATUS_LABELS[status]}.`;
  });

  ngOnInit(): void {
    this.list.reload();
  }

  filterBy(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }
}
