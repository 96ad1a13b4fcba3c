import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  DOCUMENT_TYPE_LABELS,
  DocumentDetail,
  REPORT_DESCRIPTION_MAX_LENGTH,
  REPORT_REASON_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  ReportStatus,
  TriageReportDetail,
} from '@achievement/contracts';
import { FormControl, FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom, Observable, Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { ageOf, REPORT_ENTRY_KIND_ICONS, REPORT_ENTRY_KIND_LABELS } from './report-labels';
import { ReissueDocumentDialogComponent, ReissueDocumentDialogData } from './reissue-document-dialog.component';
import { ReportStatusChipComponent } from './report-status-chip.component';
import { RevokeDocumentDialogComponent, RevokeDocumentDialogData } from './revoke-document-dialog.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage, CalendarDatePipe, maxTrimmedLength, requiredText } from '@achievement/web';

/** The API's limit of a note or a reply (as of a report's description). */
export const REPORT_TEXT_MAX_LENGTH = REPORT_DESCRIPTION_MAX_LENGTH;

/** What the last correction made on this page did, until the page is left. */
export type Correction = { kind: 'reissue'; reissued: DocumentDetail; supersededVersion: number } | { kind: 'revocation'; revoked: DocumentDetail };

/**
 * One reported issue (support staff and administrators): the report and the details sent with it,
 * the document, its history, and what can be done: assign, set the status, add an internal note,
 * reply to the reporter (emailed), reissue the document corrected, or revoke it.
 */
@Component({
  selector: 'adm-report-detail-page',
  imports: [
    BodyTimePipe,
    CalendarDatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReportStatusChipComponent,
  ],
  templateUrl: './report-detail-page.component.html',
  styleUrl: './report-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDetailPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private request?: Subscription;
  private id = 0;

  readonly statuses = REPORT_STATUSES;
  readonly statusLabels = REPORT_STATUS_LABELS;
  readonly reasonLabels = REPORT_REASON_LABELS;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly entryLabels = REPORT_ENTRY_KIND_LABELS;
  readonly entryIcons = REPORT_ENTRY_KIND_ICONS;
  readonly textMax = REPORT_TEXT_MAX_LENGTH;
  readonly age = (time: string) => ageOf(time);
  readonly viewUrl = (documentId: number) => this.api.documentViewUrl(documentId);

  readonly report = signal<TriageReportDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** The signed-in person, to offer "Assign to me" only when it is not theirs already. */
  readonly myId = signal<number | null>(null);
  /** An action on the report is on its way (assign, status). */
  readonly busy = signal(false);
  readonly correction = signal<Correction | null>(null);

  readonly statusControl = new FormControl<ReportStatus>('new', { nonNullable: true });
  readonly noteForm = this.fb.group({ text: ['', [requiredText, maxTrimmedLength(REPORT_TEXT_MAX_LENGTH)]] });
  readonly replyForm = this.fb.group({ text: ['', [requiredText, maxTrimmedLength(REPORT_TEXT_MAX_LENGTH)]] });
  readonly addingNote = signal(false);
  readonly noteError = signal<string | null>(null);
  readonly sendingReply = signal(false);
  readonly replyError = signal<string | null>(null);

  readonly document = computed(() => this.report()?.documentDetail ?? null);
  readonly assignedToMe = computed(() => {
    const assignee = this.report()?.assignee;
    return !!assignee && assignee.id === this.myId();
  });
  readonly canCorrect = computed(() => this.document()?.status === 'valid');
  readonly isClosed = computed(() => {
    const status = this.report()?.status;
    return status === 'resolved' || status === 'rejected';
  });

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.id = Number(params.get('id'));
      this.load();
    });
    this.api
      .getSession()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (session) => this.myId.set(session.user?.id ?? null), error: () => this.myId.set(null) });
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  load(): void {
    this.request?.unsubscribe();
    this.report.set(null);
    this.error.set(null);
    this.correction.set(null);
    if (!Number.isInteger(this.id) || this.id < 1) {
      this.error.set('There is no reported issue at this address.');
      return;
    }
    this.loading.set(true);
    this.request = this.api.getReport(this.id).subscribe({
      next: (report) => {
        this.show(report);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The reported issue could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  async assignToMe(): Promise<void> {
    const report = this.report();
    if (!report) return;
    await this.act(this.api.assignReportToMe(report.id), `${report.reference} is assigned to you.`, 'The report could not be assigned. Try again.');
  }

  async changeStatus(status: ReportStatus): Promise<void> {
    const report = this.report();
    if (!report || status === report.status) return;
    const done = await this.act(
      this.api.changeReportStatus(report.id, { status }),
      `${report.reference} is now ${REPORT_STATUS_LABELS[status]}.`,
      'The status could not be changed. Try again.',
    );
    if (!done) {
      this.statusControl.setValue(report.status, { emitEvent: false });
    }
  }

  async addNote(directive: FormGroupDirective): Promise<void> {
    const report = this.report();
    if (!report || this.addingNote()) return;
    this.noteError.set(null);
    if (this.noteForm.invalid) {
      this.noteForm.markAllAsTouched();
      return;
    }
    this.addingNote.set(true);
    try {
      this.show(await firstValueFrom(this.api.addReportNote(report.id, { text: this.noteForm.controls.text.value.trim() })));
      directive.resetForm();
      this.snackBar.open('Internal note added to the history.', 'Close', { duration: 6000 });
    } catch (error) {
      this.noteError.set(apiErrorMessage(error, 'The note could not be added. Try again.'));
    } finally {
      this.addingNote.set(false);
    }
  }

  async sendReply(directive: FormGroupDirective): Promise<void> {
    const report = this.report();
    if (!report || this.sendingReply()) return;
    this.replyError.set(null);
    if (this.replyForm.invalid) {
      this.replyForm.markAllAsTouched();
      return;
    }
    this.sendingReply.set(true);
    try {
      this.show(await firstValueFrom(this.api.replyToReport(report.id, { text: this.replyForm.controls.text.value.trim() })));
      directive.resetForm();
      this.snackBar.open(`Reply emailed to ${report.reporter.name} (${report.reporter.email}).`, 'Close', { duration: 8000 });
    } catch (error) {
      this.replyError.set(apiErrorMessage(error, 'The reply could not be sent. Try again.'));
    } finally {
      this.sendingReply.set(false);
    }
  }

  reissue(): void {
    const report = this.report();
    const document = this.document();
    if (!report || !document) return;
    this.dialog
      .open<ReissueDocumentDialogComponent, ReissueDocumentDialogData, DocumentDetail>(ReissueDocumentDialogComponent, {
        data: { document, reportId: report.id },
        width: '720px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((reissued) => {
        if (reissued) {
          this.correction.set({ kind: 'reissue', reissued, supersededVersion: document.version });
          this.snackBar.open(`Version ${reissued.version} of ${reissued.documentNumber} issued; version ${document.version} is superseded.`, 'Close', {
            duration: 8000,
          });
          this.refresh();
        }
      });
  }

  revoke(): void {
    const report = this.report();
    const document = this.document();
    if (!report || !document) return;
    this.dialog
      .open<RevokeDocumentDialogComponent, RevokeDocumentDialogData, DocumentDetail>(RevokeDocumentDialogComponent, {
        data: { document, reportId: report.id },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((revoked) => {
        if (revoked) {
          this.correction.set({ kind: 'revocation', revoked });
          this.snackBar.open(`${revoked.documentNumber} is revoked.`, 'Close', { duration: 8000 });
          this.refresh();
        }
      });
  }

  /** After a correction: the report again (its document and history changed), keeping the page as it is. */
  private refresh(): void {
    this.request?.unsubscribe();
    this.request = this.api.getReport(this.id).subscribe({
      next: (report) => this.show(report),
      error: () => this.snackBar.open('The report could not be refreshed: reload the page to see its history.', 'Close', { duration: 8000 }),
    });
  }

  private show(report: TriageReportDetail): void {
    this.report.set(report);
    this.statusControl.setValue(report.status, { emitEvent: false });
  }

  /** Makes a change to the report, shows the report as the API answers, and confirms it; false when it failed. */
  private async act(call: Observable<TriageReportDetail>, done: string, failed: string): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(call));
      this.snackBar.open(done, 'Close', { duration: 6000 });
      return true;
    } catch (error) {
      this.snackBar.open(apiErrorMessage(error, failed), 'Close', { duration: 10000, politeness: 'assertive' });
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
