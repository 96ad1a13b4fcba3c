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
  templateUrl: './records-table.component.html',
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
