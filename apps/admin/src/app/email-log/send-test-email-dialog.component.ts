import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { apiErrorMessage, apiFieldError } from '@achievement/web';

/** The API's limit (SendTestEmailDto): an email address of at most 320 characters. */
const EMAIL_MAX_LENGTH = 320;

/** Asks for one address and queues the test message to it; closes with that address. */
@Component({
  selector: 'adm-send-test-email-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Send test email</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content>
        <p>The test message goes through the outbox like every other email, so it shows in the Email log.</p>
        @if (failure(); as message) {
          <p class="failure" role="alert">{{ message }}</p>
        }
        <mat-form-field class="to">
          <mat-label>To</mat-label>
          <input matInput type="email" formControlName="to" autocomplete="email" required />
          @if (form.controls.to.hasError('required')) {
            <mat-error>Enter an email address</mat-error>
          } @else if (form.controls.to.invalid) {
            <mat-error>Enter a valid email address</mat-error>
          }
        </mat-form-field>
        @if (sending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Sending" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="sending()">Send</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .to {
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
export class SendTestEmailDialogComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialogRef = inject<MatDialogRef<SendTestEmailDialogComponent, string>>(MatDialogRef);

  readonly form = inject(NonNullableFormBuilder).group({
    to: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
  });
  readonly sending = signal(false);
  readonly failure = signal<string | null>(null);

  async send(): Promise<void> {
    if (this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const to = this.form.controls.to.value.trim();
    this.sending.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.sendTestEmail({ to }));
      this.dialogRef.close(to);
    } catch (error) {
      this.failure.set(apiFieldError(error, 'to') ?? apiErrorMessage(error, 'The test email could not be queued. Try again.'));
    } finally {
      this.sending.set(false);
    }
  }
}
