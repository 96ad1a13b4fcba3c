import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  MAX_SELECTION,
  RecentNoticeErrorBody,
  RecordFilter,
  RecordRow,
  RecordSelection,
  RecordSort,
} from '@achievement/contracts';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom, Subscription } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { openReportIssueDialog } from '../documents/report-issue-dialog.component';
import { DOCUMENT_STATUS_LABELS } from '../documents/document-status';
import { openDownloadDialog } from '../downloads/download-dialog.component';
import { ConfirmNotifyAgainData, ConfirmNotifyAgainDialogComponent } from './confirm-notify-again-dialog.component';
import { notifySummary } from './notify-summary';
import {
  isEmptyRecordFilter,
  RECORD_FILTER_MAX_LENGTHS,
  recordFilterFromParams,
  recordQueryParams,
  recordSortFromParams,
  DEFAULT_RECORD_SORT,
} from './record-filter-params';
import { RecordSelectionModel } from './record-selection';
import { RecordsTableComponent } from './records-table.component';
import { apiErrorBody, apiErrorCode, apiErrorMessage, CalendarDateInputDirective, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** "Issued to" may not be before "Issued from". */
const issuedRange = (group: AbstractControl): ValidationErrors | null => {
  const from = group.get('issuedFrom')?.value as string;
  const to = group.get('issuedTo')?.value as string;
  return from && to && to < from ? { issuedRange: true } : null;
};

/**
 * Records (centre staff): search the centre's learner records (filters in the URL), sort, page
 * with "Load more", tick rows (or every matching record) and notify their learners or download
 * their documents; per row View and Report.
 */
@Component({
  selector: 'ap-records-page',
  imports: [
    CalendarDateInputDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RecordsTableComponent,
  ],
  templateUrl: './records-page.component.html',
  styleUrls: ['./list-page.scss', './records-page.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordsPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private countRequest?: Subscription;

  readonly types = DOCUMENT_TYPES;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly statuses = DOCUMENT_STATUSES;
  readonly statusLabels = DOCUMENT_STATUS_LABELS;
  readonly maxLengths = RECORD_FILTER_MAX_LENGTHS;
  readonly maxSelection = MAX_SELECTION;

  /** The search of the URL: what the list shows. */
  readonly filter = signal<RecordFilter>({});
  readonly sort = signal<RecordSort>(DEFAULT_RECORD_SORT);
  readonly filtered = computed(() => !isEmptyRecordFilter(this.filter()));

  readonly total = signal<number | null>(null);
  readonly countError = signal(false);
  readonly selection = new RecordSelectionModel();
  readonly notifying = signal(false);
  readonly notifyError = signal<string | null>(null);

  readonly list = new KeysetList<RecordRow>(
    (cursor) => this.api.listRecords({ ...this.filter(), sort: this.sort(), cursor: cursor ?? undefined, limit: LIST_PAGE_SIZE }),
    'The records could not be loaded.',
    this.destroyRef,
  );

  /** "12 selected", "All 240 matching records selected", "239 of 240 matching records selected". */
  readonly selectionText = computed(() => {
    const count = this.selection.count().toLocaleString('en-GB');
    const total = this.total();
    if (!this.selection.allMatching() || total === null) {
      return `${count} selected`;
    }
    return this.selection.count() === total
      ? `All ${count} matching records selected`
      : `${count} of ${total.toLocaleString('en-GB')} matching records selected`;
  });

  /** Every row shown is ticked, and more match than are shown: offer "Select all N matching". */
  readonly offerSelectAll = computed(() => {
    const total = this.total();
    const rows = this.list.items();
    return !this.selection.allMatching() && total !== null && total > rows.length && rows.length > 0 && rows.every((row) => this.selection.isSelected(row.id));
  });

  readonly form = inject(NonNullableFormBuilder).group(
    {
      name: [''],
      enrolmentNumber: [''],
      qualification: [''],
      jobNumber: [''],
      type: [''],
      status: [''],
      issuedFrom: [''],
      issuedTo: [''],
    },
    { validators: issuedRange },
  );

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const filter = recordFilterFromParams(params);
      this.filter.set(filter);
      this.sort.set(recordSortFromParams(params));
      this.form.reset({
        name: filter.name ?? '',
        enrolmentNumber: filter.enrolmentNumber ?? '',
        qualification: filter.qualification ?? '',
        jobNumber: filter.jobNumber ?? '',
        type: filter.type ?? '',
        status: filter.status ?? '',
        issuedFrom: filter.issuedFrom ?? '',
        issuedTo: filter.issuedTo ?? '',
      });
      // ?select=all (a job's "Select and notify in Records"): every matching record starts ticked
      this.search(params.get('select') === 'all' && !isEmptyRecordFilter(filter));
    });
    this.destroyRef.onDestroy(() => this.countRequest?.unsubscribe());
  }

  /** Puts the form's filters in the URL (the list follows the URL). */
  applyFilters(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: recordQueryParams(this.form.getRawValue() as RecordFilter, this.sort()) });
  }

  clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: recordQueryParams({}, this.sort()) });
  }

  sortBy(sort: RecordSort): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: recordQueryParams(this.filter(), sort) });
  }

  selectAllMatching(): void {
    const total = this.total();
    if (total !== null) {
      this.selection.selectAllMatching(this.filter(), total);
    }
  }

  openReport(row: RecordRow): void {
    openReportIssueDialog(this.dialog, row)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((report) => {
        if (report) {
          this.list.replace(
            (item) => item.id === row.id,
            (item) => ({ ...item, openReportCount: item.openReportCount + 1 }),
          );
        }
      });
  }

  /** Download: asks for a zip of the selected documents (the dialog says what happened). */
  download(): void {
    const selection = this.selection.selection();
    if (selection) {
      openDownloadDialog(this.dialog, { selection, documentCount: this.selection.count() });
    }
  }

  /** Notify learners: on 409 (some were told within 24 hours) asks, then sends again with confirmRecent. */
  async notify(): Promise<void> {
    const selection = this.selection.selection();
    if (!selection || this.notifying()) {
      return;
    }
    this.notifying.set(true);
    this.notifyError.set(null);
    try {
      const result = await this.sendNotice(selection);
      if (result === 'cancelled') {
        return;
      }
      this.snackBar.open(notifySummary(result), 'Close', { duration: 10000 });
      this.selection.clear();
      this.list.reload();
    } catch (error) {
      this.notifyError.set(apiErrorMessage(error, 'The learners could not be notified. Try again in a moment.'));
    } finally {
      this.notifying.set(false);
    }
  }

  private async sendNotice(selection: RecordSelection) {
    try {
      return await firstValueFrom(this.api.notifyLearners({ selection }));
    } catch (error) {
      const recentlyNotified = recentNotices(error);
      if (recentlyNotified === null) {
        throw error;
      }
      const confirmed = await firstValueFrom(
        this.dialog
          .open<ConfirmNotifyAgainDialogComponent, ConfirmNotifyAgainData, boolean>(ConfirmNotifyAgainDialogComponent, {
            data: { recentlyNotified },
            width: '480px',
            maxWidth: '95vw',
          })
          .afterClosed(),
      );
      if (!confirmed) {
        return 'cancelled' as const;
      }
      return await firstValueFrom(this.api.notifyLearners({ selection, confirmRecent: true }));
    }
  }

  /** The first page and the count of the URL's search; the selection starts again (with every match, when asked). */
  private search(selectAll = false): void {
    this.selection.clear();
    this.notifyError.set(null);
    this.list.reload();
    this.countRequest?.unsubscribe();
    this.total.set(null);
    this.countError.set(false);
    this.countRequest = this.api.countRecords(this.filter()).subscribe({
      next: (count) => {
        this.total.set(count.total);
        if (selectAll && count.total > 0) {
          this.selection.selectAllMatching(this.filter(), count.total);
        }
      },
      error: () => this.countError.set(true),
    });
  }
}

/** recentlyNotified of a 409 RecentNoticeErrorBody, or null for any other failure. */
function recentNotices(error: unknown): number | null {
  if (apiErrorCode(error) !== 'RECENTLY_NOTIFIED') {
    return null;
  }
  const recentlyNotified = apiErrorBody<RecentNoticeErrorBody>(error)?.recentlyNotified;
  return typeof recentlyNotified === 'number' ? recentlyNotified : null;
}
