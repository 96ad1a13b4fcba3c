import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, DocumentDetail, DocumentType, ReissueDocumentRequest } from '@achievement/contracts';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { parseUnits, splitLearnerName, unitsToText } from './report-labels';
import {
  apiErrorMessage,
  CalendarDateInputDirective,
  dateOfBirth,
  isCalendarDate,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

/** The API's limit of a correction's reason (ReissueDocumentRequest, RevokeDocumentRequest). */
export const CORRECTION_REASON_MAX_LENGTH = 500;
export const QUALIFICATION_CODE_MAX_LENGTH = 50;
export const QUALIFICATION_TITLE_MAX_LENGTH = 200;
export const GRADE_MAX_LENGTH = 50;

export interface ReissueDocumentDialogData {
  document: DocumentDetail;
  /** The report the correction answers: it gets a history entry. */
  reportId?: number;
}

/** A real date (YYYY-MM-DD). Empty is left to `required`. */
const calendarDate: ValidatorFn = (control: AbstractControl) => {
  const value = typeof control.value === 'string' ? control.value : '';
  return value === '' || isCalendarDate(value) ? null : { date: true };
};

/**
 * "Reissue corrected document": the document's details, prefilled, to correct, and the reason.
 * Only what was changed is sent (fields left out keep their values); closes with the new version.
 */
@Component({
  selector: 'adm-reissue-document-dialog',
  imports: [
    CalendarDateInputDirective,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './reissue-document-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;

      mat-form-field {
        flex: 1 1 180px;
      }
      .narrow {
        flex: 0 1 180px;
      }
    }
    .reason {
      margin-top: 16px;
    }
    .failure {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReissueDocumentDialogComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialogRef = inject<MatDialogRef<ReissueDocumentDialogComponent, DocumentDetail>>(MatDialogRef);
  private readonly data = inject<ReissueDocumentDialogData>(MAT_DIALOG_DATA);
  readonly document = this.data.document;

  readonly types = DOCUMENT_TYPES;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly nameMax = NAME_MAX_LENGTH;
  readonly codeMax = QUALIFICATION_CODE_MAX_LENGTH;
  readonly titleMax = QUALIFICATION_TITLE_MAX_LENGTH;
  readonly gradeMax = GRADE_MAX_LENGTH;
  readonly reasonMax = CORRECTION_REASON_MAX_LENGTH;
  readonly serverError = serverError;

  /** The values as the document has them, to send only what changed. */
  private readonly original = {
    ...splitLearnerName(this.document.learner.name),
    dateOfBirth: this.document.learnerDateOfBirth,
    qualificationCode: this.document.qualification.code,
    qualificationTitle: this.document.qualification.title,
    documentType: this.document.type,
    grade: this.document.grade ?? '',
    awardDate: this.document.awardDate,
    units: unitsToText(this.document.units),
  };

  readonly form = inject(NonNullableFormBuilder).group({
    firstName: [this.original.firstName, [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    lastName: [this.original.lastName, [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    dateOfBirth: [this.original.dateOfBirth, [Validators.required, dateOfBirth]],
    qualificationCode: [this.original.qualificationCode, [requiredText, maxTrimmedLength(QUALIFICATION_CODE_MAX_LENGTH)]],
    qualificationTitle: [this.original.qualificationTitle, [requiredText, maxTrimmedLength(QUALIFICATION_TITLE_MAX_LENGTH)]],
    documentType: [this.original.documentType as DocumentType, [Validators.required]],
    grade: [this.original.grade, [maxTrimmedLength(GRADE_MAX_LENGTH)]],
    awardDate: [this.original.awardDate, [Validators.required, calendarDate]],
    units: [this.original.units],
    reason: ['', [requiredText, maxTrimmedLength(CORRECTION_REASON_MAX_LENGTH)]],
  });
  readonly reissuing = signal(false);
  readonly failure = signal<string | null>(null);

  /** The request: the fields that differ from the document's, the reason, and the report. */
  request(): ReissueDocumentRequest {
    const value = this.form.getRawValue();
    const original = this.original;
    const request: ReissueDocumentRequest = { reason: value.reason.trim() };
    // The name was one text: when either part changes, both are sent, as they are now split.
    if (value.firstName.trim() !== original.firstName || value.lastName.trim() !== original.lastName) {
      request.firstName = value.firstName.trim();
      request.lastName = value.lastName.trim();
    }
    if (value.dateOfBirth !== original.dateOfBirth) request.dateOfBirth = value.dateOfBirth;
    if (value.qualificationCode.trim() !== original.qualificationCode) request.qualificationCode = value.qualificationCode.trim();
    if (value.qualificationTitle.trim() !== original.qualificationTitle) request.qualificationTitle = value.qualificationTitle.trim();
    if (value.documentType !== original.documentType) request.documentType = value.documentType;
    if (value.grade.trim() !== original.grade) request.grade = value.grade.trim() || null;
    if (value.awardDate !== original.awardDate) request.awardDate = value.awardDate;
    const units = parseUnits(value.units);
    if (unitsToText(units) !== original.units) request.units = units;
    if (this.data.reportId !== undefined) request.reportId = this.data.reportId;
    return request;
  }

  async reissue(): Promise<void> {
    if (this.reissuing()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.reissuing.set(true);
    this.failure.set(null);
    try {
      const reissued = await firstValueFrom(this.api.reissueDocument(this.document.id, this.request()));
      this.dialogRef.close(reissued);
    } catch (error) {
      if (!showServerFieldErrors(this.form, error)) {
        this.failure.set(apiErrorMessage(error, 'The document could not be reissued. Try again.'));
      }
    } finally {
      this.reissuing.set(false);
    }
  }
}
