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
  templateUrl: './reports-page.component.html',
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
