import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { CentreContact, CreateContactRequest } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import {
  apiErrorCode,
  apiErrorMessage,
  CalendarDateInputDirective,
  dateOfBirth,
  emailAddress,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

export interface ContactDialogData {
  centreId: number;
  centreNumber: string;
  /** The record to edit; absent to add one. */
  contact?: CentreContact;
}

/** Adds or edits a contact record of a centre; closes with the saved record. */
@Component({
  selector: 'adm-contact-dialog',
  imports: [CalendarDateInputDirective, ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  templateUrl: './contact-dialog.component.html',
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
export class ContactDialogComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialogRef = inject<MatDialogRef<ContactDialogComponent, CentreContact>>(MatDialogRef);
  readonly data = inject<ContactDialogData>(MAT_DIALOG_DATA);

  readonly serverError = serverError;
  readonly form = inject(NonNullableFormBuilder).group({
    firstName: [this.data.contact?.firstName ?? '', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    lastName: [this.data.contact?.lastName ?? '', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    email: [this.data.contact?.email ?? '', [requiredText, emailAddress]],
    dateOfBirth: [this.data.contact?.dateOfBirth ?? '', [Validators.required, dateOfBirth]],
  });
  readonly saving = signal(false);
  readonly failure = signal<string | null>(null);

  async save(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateContactRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim(),
      dateOfBirth: value.dateOfBirth,
    };
    const { centreId, contact } = this.data;
    this.saving.set(true);
    this.failure.set(null);
    try {
      const saved = await firstValueFrom(contact ? this.api.updateContact(centreId, contact.id, request) : this.api.createContact(centreId, request));
      this.dialogRef.close(saved);
    } catch (error) {
      const message = apiErrorMessage(error, 'The contact record could not be saved. Try again.');
      if (!showServerFieldErrors(this.form, error) && apiErrorCode(error) === 'CONTACT_EMAIL_TAKEN') {
        // The centre already has a contact record with this email.
        const email = this.form.controls.email;
        email.setErrors({ ...(email.errors ?? {}), server: message });
        email.markAsTouched();
      }
      this.failure.set(message);
    } finally {
      this.saving.set(false);
    }
  }
}
