import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DocumentDetail } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { CORRECTION_REASON_MAX_LENGTH } from './reissue-document-dialog.component';
import { apiErrorMessage, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

export interface RevokeDocumentDialogData {
  document: DocumentDetail;
  /** The report the revocation answers: it gets a history entry. */
  reportId?: number;
}

/** Revokes a document, after confirmation, with a reason; closes with the revoked document. */
@Component({
  selector: 'adm-revoke-document-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Revoke document {{ document.documentNumber }}?</h2>
    <form [formGroup]="form" (ngSubmit)="revoke()" novalidate data-testid="revoke-form">
      <mat-dialog-content>
        <p>
          {{ document.learner.name }}'s document ({{ document.qualification.code }} {{ document.qualification.title }}) is withdrawn: its verification page says
          it was revoked, with the date, but not the reason. This cannot be undone.
        </p>
        @if (failure(); as message) {
          <p class="failure" role="alert" data-testid="revoke-error">{{ message }}</p>
        }
        <mat-form-field class="reason">
          <mat-label>Reason for revoking</mat-label>
          <textarea matInput formControlName="reason" rows="4" required [attr.maxlength]="maxLength"></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / {{ maxLength }}</mat-hint>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>Give the reason: it is kept in the audit log and the report's history</mat-error>
          } @else if (form.controls.reason.hasError('maxlength')) {
            <mat-error>Keep the reason to {{ maxLength }} characters</mat-error>
          } @else if (serverError(form.controls.reason); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (revoking()) {
          <mat-progress-bar mode="indeterminate" aria-label="Revoking the document" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="revoking()">Cancel</button>
        <button mat-flat-button type="submit" class="destructive" [disabled]="revoking()" data-testid="revoke-submit">Revoke</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      width: 100%;
    }
    .failure {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevokeDocumentDialogComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialogRef = inject<MatDialogRef<RevokeDocumentDialogComponent, DocumentDetail>>(MatDialogRef);
  private readonly data = inject<RevokeDocumentDialogData>(MAT_DIALOG_DATA);
  readonly document = this.data.document;

  readonly maxLength = CORRECTION_REASON_MAX_LENGTH;
  readonly serverError = serverError;
  readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [requiredText, maxTrimmedLength(CORRECTION_REASON_MAX_LENGTH)]],
  });
  readonly revoking = signal(false);
  readonly failure = signal<string | null>(null);

  async revoke(): Promise<void> {
    if (this.revoking()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.revoking.set(true);
    this.failure.set(null);
    try {
      const reason = this.form.controls.reason.value.trim();
      const revoked = await firstValueFrom(
        this.api.revokeDocument(this.document.id, this.data.reportId !== undefined ? { reason, reportId: this.data.reportId } : { reason }),
      );
      this.dialogRef.close(revoked);
    } catch (error) {
      if (!showServerFieldErrors(this.form, error)) {
        this.failure.set(apiErrorMessage(error, 'The document could not be revoked. Try again.'));
      }
    } finally {
      this.revoking.set(false);
    }
  }
}
