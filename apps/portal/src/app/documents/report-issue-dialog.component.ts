import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RecordRow, REPORT_DESCRIPTION_MAX_LENGTH, REPORT_REASON_LABELS, REPORT_REASONS, ReportReason, ReportSummary } from '@achievement/contracts';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, Observable } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { SessionService } from '../session/session.service';
import { apiErrorMessage, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/** The record reported on: a row of Records or the document page's DocumentDetail. */
export type ReportedRecord = Pick<RecordRow, 'id' | 'documentNumber' | 'learner' | 'qualification'>;

/** Opens "Report Document Issue" for a record; emits the report once it was sent (undefined: cancelled). */
export function openReportIssueDialog(dialog: MatDialog, record: ReportedRecord): Observable<ReportSummary | undefined> {
  return dialog
    .open<ReportIssueDialogComponent, ReportedRecord, ReportSummary>(ReportIssueDialogComponent, {
      data: record,
      width: '640px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}

/**
 * "Report Document Issue", as the Centre Portal guide shows it: a reason and a description (both
 * required), and the details that go into the email to the Centre Services team
 * (POST /api/documents/:id/reports).
 */
@Component({
  selector: 'ap-report-issue-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule],
  templateUrl: './report-issue-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
    }
    .failure {
      margin-bottom: 16px;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .details {
      margin-top: 8px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @media (max-width: 599.98px) {
      dl {
        grid-template-columns: 1fr;
        gap: 0;
      }
      dd {
        margin-bottom: 6px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportIssueDialogComponent {
  private readonly api = inject(PortalApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialogRef = inject<MatDialogRef<ReportIssueDialogComponent, ReportSummary>>(MatDialogRef);

  readonly record = inject<ReportedRecord>(MAT_DIALOG_DATA);
  readonly reporter = inject(SessionService).user;
  readonly reasons = REPORT_REASONS;
  readonly reasonLabels = REPORT_REASON_LABELS;
  readonly descriptionMax = REPORT_DESCRIPTION_MAX_LENGTH;
  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    reason: ['' as ReportReason | '', Validators.required],
    description: ['', [requiredText, maxTrimmedLength(REPORT_DESCRIPTION_MAX_LENGTH)]],
  });
  private readonly description = toSignal(this.form.controls.description.valueChanges, { initialValue: '' });
  readonly descriptionLength = computed(() => this.description().length);
  readonly sending = signal(false);
  readonly failure = signal<string | null>(null);

  async submit(): Promise<void> {
    if (this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { reason, description } = this.form.getRawValue();
    this.sending.set(true);
    this.failure.set(null);
    try {
      const report = await firstValueFrom(this.api.reportIssue(this.record.id, { reason: reason as ReportReason, description: description.trim() }));
      this.snackBar.open(`Report ${report.reference} sent to the Centre Services team`, 'Close', { duration: 8000 });
      this.dialogRef.close(report);
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'The report could not be sent. Try again in a moment.'));
    } finally {
      this.sending.set(false);
    }
  }
}
