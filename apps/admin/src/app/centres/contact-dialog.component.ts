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
  apiErrorMessage,
  apiStatus,
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
  template: `
    <h2 mat-dialog-title>{{ data.contact ? 'Edit contact record' : 'Add a contact record' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p>A contact record of centre {{ data.centreNumber }}: registrations with the same details are approved at once.</p>
        @if (failure(); as message) {
          <p class="failure" role="alert" data-testid="contact-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>First name</mat-label>
          <input matInput formControlName="firstName" autocomplete="off" required />
          @if (form.controls.firstName.hasError('required')) {
            <mat-error>Enter the first name</mat-error>
          } @else if (form.controls.firstName.hasError('maxlength')) {
            <mat-error>Enter at most 100 characters</mat-error>
          } @else if (serverError(form.controls.firstName); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Last name</mat-label>
          <input matInput formControlName="lastName" autocomplete="off" required />
          @if (form.controls.lastName.hasError('required')) {
            <mat-error>Enter the last name</mat-error>
          } @else if (form.controls.lastName.hasError('maxlength')) {
            <mat-error>Enter at most 100 characters</mat-error>
          } @else if (serverError(form.controls.lastName); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required />
          @if (form.controls.email.hasError('required')) {
            <mat-error>Enter the email address</mat-error>
          } @else if (form.controls.email.hasError('email')) {
            <mat-error>Enter a valid email address</mat-error>
          } @else if (serverError(form.controls.email); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Date of birth</mat-label>
          <input matInput apCalendarDate formControlName="dateOfBirth" required />
          @if (form.controls.dateOfBirth.hasError('required')) {
            <mat-error>Enter the date of birth</mat-error>
          } @else if (form.controls.dateOfBirth.hasError('future')) {
            <mat-error>Enter a date in the past</mat-error>
          } @else if (form.controls.dateOfBirth.hasError('tooEarly')) {
            <mat-error>Enter a date from 1900 onwards</mat-error>
          } @else if (form.controls.dateOfBirth.hasError('date')) {
            <mat-error>Enter a real date, day first, e.g. 27/03/2007</mat-error>
          } @else if (serverError(form.controls.dateOfBirth); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving the contact record" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ data.contact ? 'Save' : 'Add' }}</button>
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
      if (!showServerFieldErrors(this.form, error) && apiStatus(error) === 409) {
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
