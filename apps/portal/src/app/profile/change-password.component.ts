import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { apiErrorMessage, passwordLength, sameAs, serverError, showServerFieldErrors } from '@achievement/web';
import { NewPasswordFieldsComponent } from '@achievement/web-material';

/** The API's limit for a current password (ChangePasswordDto). */
const CURRENT_PASSWORD_MAX_LENGTH = 1024;

/** "Change password" of the profile's Manage section (POST /api/auth/change-password → 204). */
@Component({
  selector: 'ap-change-password',
  imports: [NewPasswordFieldsComponent, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    @if (failure(); as message) {
      <div class="failure" role="alert" data-testid="change-password-error">{{ message }}</div>
    }
    <form [formGroup]="form" #formDirective="ngForm" (ngSubmit)="submit(formDirective)" novalidate aria-labelledby="change-password-title">
      <mat-form-field>
        <mat-label>Current password</mat-label>
        <input matInput [type]="showPasswords() ? 'text' : 'password'" formControlName="currentPassword" autocomplete="current-password" required />
        @if (form.controls.currentPassword.hasError('required')) {
          <mat-error>Enter your current password</mat-error>
        } @else if (form.controls.currentPassword.hasError('maxlength')) {
          <mat-error>Enter a password of at most 1024 characters</mat-error>
        } @else if (serverError(form.controls.currentPassword); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>

      <ap-new-password-fields [group]="form" passwordName="newPassword" label="New password" [toggle]="false" [shown]="showPasswords()" />

      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submitting()">Save new password</button>
        <button mat-button type="button" [attr.aria-pressed]="showPasswords()" (click)="toggle()">
          <mat-icon aria-hidden="true" [svgIcon]="showPasswords() ? 'visibility_off' : 'visibility'"></mat-icon>
          Show passwords
        </button>
      </div>
      @if (submitting()) {
        <mat-progress-bar mode="indeterminate" aria-label="Changing the password" />
      }
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 420px;
    }
    mat-form-field {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .failure {
      margin-bottom: 16px;
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordComponent {
  private readonly api = inject(PortalApiClient);
  private readonly snackBar = inject(MatSnackBar);

  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, Validators.maxLength(CURRENT_PASSWORD_MAX_LENGTH)]],
    newPassword: ['', [Validators.required, passwordLength]],
    confirmPassword: ['', [Validators.required, sameAs('newPassword')]],
  });
  readonly showPasswords = signal(false);
  readonly submitting = signal(false);
  readonly failure = signal<string | null>(null);

  constructor() {}

  toggle(): void {
    this.showPasswords.update((shown) => !shown);
  }

  async submit(formDirective: FormGroupDirective): Promise<void> {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submitting.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.changePassword({ currentPassword, newPassword }));
      formDirective.resetForm();
      this.showPasswords.set(false);
      this.snackBar.open('Your password has been changed. You have been signed out on your other devices.', 'Close', { duration: 8000 });
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'Your password could not be changed right now. Try again in a moment.'));
    } finally {
      this.submitting.set(false);
    }
  }
}
