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
  template: `
    <h2 mat-dialog-title>Report Document Issue</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="report-issue-form">
      <mat-dialog-content>
        <p>Using the below message box you can report the issue you are having with the electronic document. This will send an email to the Team at the IMI</p>
        <p>
          To report an issue on the document that you have viewed, please select one of the predetermined reasons below and provide as much information as you
          can so in order for us to deal with the issue as quickly as possible
        </p>

        @if (failure(); as message) {
          <div class="failure" role="alert" data-testid="report-issue-error">{{ message }}</div>
        }

        <mat-form-field>
          <mat-label>Issue reason</mat-label>
          <mat-select formControlName="reason" required data-testid="report-reason">
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason">{{ reasonLabels[reason] }}</mat-option>
            }
          </mat-select>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>This field is required.</mat-error>
          } @else if (serverError(form.controls.reason); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Issue Description</mat-label>
          <textarea matInput formControlName="description" rows="6" required [attr.maxlength]="descriptionMax" data-testid="report-description"></textarea>
          <mat-hint align="end">{{ descriptionLength() }} / {{ descriptionMax }}</mat-hint>
          @if (form.controls.description.hasError('required')) {
            <mat-error>This field is required.</mat-error>
          } @else if (form.controls.description.hasError('maxlength')) {
            <mat-error>Enter at most {{ descriptionMax }} characters</mat-error>
          } @else if (serverError(form.controls.description); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <section class="details" aria-labelledby="report-details-title">
          <h3 id="report-details-title">The following details will also be included in the email</h3>
          <dl data-testid="report-details">
            <dt>Reporter's Name:</dt>
            <dd>{{ reporter()?.name }}</dd>
            <dt>Reporter's Email:</dt>
            <dd>{{ reporter()?.email }}</dd>
            <dt>Student's Enrolment Number:</dt>
            <dd>{{ record.learner.enrolmentNumber }}</dd>
            <dt>Qualification Title:</dt>
            <dd>{{ record.qualification.code }} {{ record.qualification.title }}</dd>
          </dl>
        </section>

        @if (sending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Sending the report" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="sending()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="sending()" data-testid="report-submit">Send report</button>
      </mat-dialog-actions>
    </form>
  `,
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
