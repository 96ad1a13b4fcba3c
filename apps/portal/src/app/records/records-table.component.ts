import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DOCUMENT_TYPE_LABELS, DocumentType, RecordRow, RecordSort } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, Sort, SortDirection } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { DocumentStatusChipComponent } from '../documents/document-status-chip.component';
import { RecordSelectionModel } from './record-selection';
import { BodyDayPipe } from '../dates/body-day.pipe';

/** The sortable columns and the RecordSort of each direction. */
const SORTS: Record<string, Record<'asc' | 'desc', RecordSort>> = {
  issued: { asc: 'issued_asc', desc: 'issued_desc' },
  learner: { asc: 'name_asc', desc: 'name_desc' },
};

/**
 * The table of records (Records, and a job's documents): learner, qualification, type, issue date,
 * status with the last notice, job, and per row View and Report. With a `selection`, rows have
 * checkboxes; with `sortable`, the issue date and learner columns sort (the parent asks the API).
 */
@Component({
  selector: 'ap-records-table',
  imports: [BodyDayPipe, DatePipe, RouterLink, MatButtonModule, MatCheckboxModule, MatIconModule, MatSortModule, MatTableModule, DocumentStatusChipComponent],
  template: `
    <div class="table-wrap">
      <table
        mat-table
        [dataSource]="rows()"
        matSort
        [matSortActive]="sortColumn()"
        [matSortDirection]="sortDirection()"
        [matSortDisabled]="!sortable()"
        matSortDisableClear
        (matSortChange)="sorted($event)"
        class="records stack-on-phone keep-header-on-phone"
        [class.records--compact]="isHandset()"
        data-testid="records-table"
      >
        <caption class="cdk-visually-hidden">
          {{
            caption()
          }}
        </caption>

        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef scope="col" class="select">
            @if (selection(); as selection) {
              <mat-checkbox
                [checked]="allShownSelected()"
                [indeterminate]="someShownSelected()"
                (change)="selectShown($event.checked)"
                aria-label="Select every record shown"
                data-testid="select-shown"
              />
            }
          </th>
          <td mat-cell *matCellDef="let row" class="select">
            @if (selection(); as selection) {
              <mat-checkbox
                [checked]="selection.isSelected(row.id)"
                (change)="selection.toggle(row.id)"
                [aria-label]="'Select ' + row.learner.name + ', ' + row.documentNumber"
                data-testid="select-record"
              />
            }
          </td>
        </ng-container>

        <ng-container matColumnDef="learner">
          <th mat-header-cell *matHeaderCellDef scope="col" mat-sort-header="learner" start="asc" sortActionDescription="Sort by learner name">Learner</th>
          <td mat-cell data-label="Learner" *matCellDef="let row">
            <span class="learner-name" data-testid="record-learner">{{ row.learner.name }}</span>
            <span class="muted block">{{ row.learner.enrolmentNumber }}</span>
            @if (isHandset()) {
              <span class="muted block">{{ row.qualification.code }} · {{ row.issuedAt | date: 'd MMM y' }}</span>
            }
          </td>
        </ng-container>

        <ng-container matColumnDef="qualification">
          <th mat-header-cell *matHeaderCellDef scope="col">Qualification</th>
          <td mat-cell data-label="Qualification" *matCellDef="let row">
            <span class="code">{{ row.qualification.code }}</span>
            <span class="block">{{ row.qualification.title }}</span>
          </td>
        </ng-container>

        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef scope="col">Type</th>
          <td mat-cell data-label="Type" *matCellDef="let row">
            {{ typeLabel(row.type) }}
            @if (row.grade) {
              <span class="muted block">Grade {{ row.grade }}</span>
            }
          </td>
        </ng-container>

        <ng-container matColumnDef="issued">
          <th mat-header-cell *matHeaderCellDef scope="col" mat-sort-header="issued" start="desc" sortActionDescription="Sort by issue date">Issued</th>
          <td mat-cell data-label="Issued" *matCellDef="let row">
            <time [attr.datetime]="row.issuedAt">{{ row.issuedAt | date: 'd MMM y' }}</time>
          </td>
        </ng-container>

        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell data-label="Status" *matCellDef="let row">
            <ap-document-status-chip [status]="row.status" />
            @if (row.lastNotifiedAt) {
              <span class="muted block" data-testid="record-notified">
                Notified <time [attr.datetime]="row.lastNotifiedAt">{{ row.lastNotifiedAt | bodyDay: 'time' }}</time>
              </span>
            } @else if (!row.learner.hasEmail) {
              <span class="muted block">No learner email</span>
            }
            @if (row.openReportCount > 0) {
              <span class="muted block" data-testid="record-open-reports">
                {{ row.openReportCount }} open report{{ row.openReportCount === 1 ? '' : 's' }}
              </span>
            }
          </td>
        </ng-container>

        <ng-container matColumnDef="job">
          <th mat-header-cell *matHeaderCellDef scope="col">Job</th>
          <td mat-cell data-label="Job" *matCellDef="let row">
            <a [routerLink]="['/jobs', row.job.id]">{{ row.job.number }}</a>
          </td>
        </ng-container>

        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="actions">
            <a
              mat-button
              [routerLink]="['/records', row.id]"
              [attr.aria-label]="'View ' + row.documentNumber + ' of ' + row.learner.name"
              data-testid="record-view"
            >
              <mat-icon aria-hidden="true" svgIcon="visibility"></mat-icon>
              View
            </a>
            <button
              mat-button
              type="button"
              (click)="report.emit(row)"
              [attr.aria-label]="'Report an issue on ' + row.documentNumber + ' of ' + row.learner.name"
              data-testid="record-report"
            >
              <mat-icon aria-hidden="true" svgIcon="flag"></mat-icon>
              Report
            </button>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()" data-testid="record-row" [class.selected]="selection()?.isSelected(row.id)"></tr>
      </table>
    </div>
  `,
  styles: `
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .records {
      width: 100%;
      min-width: 960px;

      &--compact {
        min-width: 0;
      }
    }
    .select {
      width: 48px;
      padding-right: 0;
    }
    .block {
      display: block;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .learner-name,
    .code {
      font-weight: 500;
    }
    .actions {
      white-space: nowrap;
      text-align: end;
    }
    .selected {
      background: var(--mat-sys-secondary-container);
    }
    .records--compact .actions {
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordsTableComponent {
  readonly rows = input.required<RecordRow[]>();
  /** Ticked rows; without it the table has no checkboxes. */
  readonly selection = input<RecordSelectionModel | null>(null);
  readonly sort = input<RecordSort>('issued_desc');
  readonly sortable = input(true);
  readonly caption = input('Records');
  readonly sortChange = output<RecordSort>();
  readonly report = output<RecordRow>();

  /** On a phone the table keeps the checkbox, the learner (with code and date), the status and the actions. */
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() => {
    const columns = this.isHandset() ? ['learner', 'status', 'actions'] : ['learner', 'qualification', 'type', 'issued', 'status', 'job', 'actions'];
    return this.selection() ? ['select', ...columns] : columns;
  });
  readonly sortColumn = computed(() => (this.sort().startsWith('name') ? 'learner' : 'issued'));
  readonly sortDirection = computed<SortDirection>(() => (this.sort().endsWith('asc') ? 'asc' : 'desc'));

  readonly allShownSelected = computed(() => {
    const selection = this.selection();
    const rows = this.rows();
    return !!selection && rows.length > 0 && rows.every((row) => selection.isSelected(row.id));
  });
  readonly someShownSelected = computed(() => {
    const selection = this.selection();
    return !!selection && !this.allShownSelected() && this.rows().some((row) => selection.isSelected(row.id));
  });

  typeLabel(type: DocumentType): string {
    return DOCUMENT_TYPE_LABELS[type];
  }

  selectShown(selected: boolean): void {
    this.selection()?.set(
      this.rows().map((row) => row.id),
      selected,
    );
  }

  sorted(sort: Sort): void {
    const direction = sort.direction || (sort.active === 'learner' ? 'asc' : 'desc');
    const next = SORTS[sort.active]?.[direction];
    if (next && next !== this.sort()) {
      this.sortChange.emit(next);
    }
  }
}
