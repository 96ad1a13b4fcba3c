import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RegistrationSummary } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { apiErrorMessage, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/** The API's limit of a rejection reason (RejectRegistrationDto). */
export const REJECTION_REASON_MAX_LENGTH = 500;

/** Rejects a registration with a reason, which is emailed to the person; closes with the rejected registration. */
@Component({
  selector: 'adm-reject-registration-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Reject this registration?</h2>
    <form [formGroup]="form" (ngSubmit)="reject()" novalidate>
      <mat-dialog-content>
        <p>{{ name }} ({{ registration.email }}) cannot sign in, and is emailed the reason you give here. Write it so that they know what to do next.</p>
        @if (failure(); as message) {
          <p class="failure" role="alert" data-testid="reject-error">{{ message }}</p>
        }
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="5" required [attr.maxlength]="maxLength"></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / {{ maxLength }}</mat-hint>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>Give the reason: it is sent to the person</mat-error>
          } @else if (form.controls.reason.hasError('maxlength')) {
            <mat-error>Keep the reason to {{ maxLength }} characters</mat-error>
          } @else if (serverError(form.controls.reason); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (rejecting()) {
          <mat-progress-bar mode="indeterminate" aria-label="Rejecting" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="rejecting()">Cancel</button>
        <button mat-flat-button type="submit" class="destructive" [disabled]="rejecting()">Reject</button>
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
export class RejectRegistrationDialogComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialogRef = inject<MatDialogRef<RejectRegistrationDialogComponent, RegistrationSummary>>(MatDialogRef);
  readonly registration = inject<RegistrationSummary>(MAT_DIALOG_DATA);

  readonly name = `${this.registration.firstName} ${this.registration.lastName}`;
  readonly maxLength = REJECTION_REASON_MAX_LENGTH;
  readonly serverError = serverError;
  readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [requiredText, maxTrimmedLength(REJECTION_REASON_MAX_LENGTH)]],
  });
  readonly rejecting = signal(false);
  readonly failure = signal<string | null>(null);

  async reject(): Promise<void> {
    if (this.rejecting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.rejecting.set(true);
    this.failure.set(null);
    try {
      const rejected = await firstValueFrom(this.api.rejectRegistration(this.registration.id, { reason: this.form.controls.reason.value.trim() }));
      this.dialogRef.close(rejected);
    } catch (error) {
      if (!showServerFieldErrors(this.form, error)) {
        this.failure.set(apiErrorMessage(error, 'The registration could not be rejected. Try again.'));
      }
    } finally {
      this.rejecting.set(false);
    }
  }
}
