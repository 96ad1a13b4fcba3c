import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { DuplicateReason, SaveReasonRequest } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { adminCommerceCreateReason, adminCommerceSaveReason, Api } from '@achievement/web-api';
import { apiErrorMessage, maxTrimmedLength, NAME_MAX_LENGTH, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

export interface ReasonDialogData {
  /** The reason to edit; absent to add one. */
  reason?: DuplicateReason;
}

/** Adds or edits a reason for a duplicate (the Store's drop-down); closes with the saved reason. */
@Component({
  selector: 'adm-reason-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSlideToggleModule],
  template: `
    <h2 mat-dialog-title>
      {{ data.reason ? 'Edit the reason' : 'Add a reason' }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (failure(); as message) {
          <p class="failure" role="alert" data-testid="reason-error">
            {{ message }}
          </p>
        }
        <mat-form-field>
          <mat-label>Label</mat-label>
          <input matInput formControlName="label" autocomplete="off" required />
          @if (form.controls.label.hasError('required')) {
            <mat-error>Enter the label</mat-error>
          } @else if (form.controls.label.hasError('maxlength')) {
            <mat-error>Enter at most {{ labelMax }} characters</mat-error>
          } @else if (serverError(form.controls.label); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-slide-toggle formControlName="active">Offered in the Store</mat-slide-toggle>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving the reason" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ data.reason ? 'Save' : 'Add' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
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
export class ReasonDialogComponent {
  private readonly api = inject(Api);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialogComponent, DuplicateReason>>(MatDialogRef);
  readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);

  readonly labelMax = NAME_MAX_LENGTH;
  readonly serverError = serverError;
  readonly saving = signal(false);
  readonly failure = signal<string | null>(null);
  readonly form = new FormGroup({
    label: new FormControl(this.data.reason?.label ?? '', {
      nonNullable: true,
      validators: [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)],
    }),
    active: new FormControl(this.data.reason?.active ?? true, {
      nonNullable: true,
    }),
  });

  async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: SaveReasonRequest = {
      label: value.label.trim(),
      active: value.active,
    };
    const reason = this.data.reason;
    this.saving.set(true);
    this.failure.set(null);
    try {
      this.dialogRef.close(
        await firstValueFrom(
          reason ? this.api.invoke(adminCommerceSaveReason, { id: reason.id, body: request }) : this.api.invoke(adminCommerceCreateReason, { body: request }),
        ),
      );
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'The reason could not be saved.'));
      this.saving.set(false);
    }
  }
}
