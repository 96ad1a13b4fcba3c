import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { focusAfterRender } from '../forms/focus';
import { apiErrorMessage, EMAIL_MAX_LENGTH, emailAddress, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/**
 * "Send the link again": asks for a new verification link (POST /api/registrations/resend). With
 * an `email` it is one button; without, it asks for the address first. The answer never says
 * whether the address is registered, so neither does the confirmation.
 */
@Component({
  selector: 'ap-resend-verification',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    <div class="resend" data-testid="resend-verification">
      @if (sentTo(); as address) {
        <p class="sent" role="status" tabindex="-1" #sent data-testid="resend-confirmation">
          <mat-icon aria-hidden="true" svgIcon="mark_email_read"></mat-icon>
          <span>
            If <strong>{{ address }}</strong> has a registration waiting for verification, we have sent a new link to it. Earlier links no longer work. If it
            does not arrive within a few minutes, check your spam or junk folder.
          </span>
        </p>
      }
      @if (failure(); as message) {
        <p class="failure" role="alert">{{ message }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="send()" novalidate>
        @if (!email()) {
          <mat-form-field>
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter the email address you registered with</mat-error>
            } @else if (serverError(form.controls.email); as message) {
              <mat-error>{{ message }}</mat-error>
            } @else if (form.controls.email.invalid) {
              <mat-error>Enter a valid email address, like name&#64;example.org</mat-error>
            }
          </mat-form-field>
        }
        <div class="actions">
          <button mat-stroked-button type="submit" [disabled]="sending()">
            <mat-icon aria-hidden="true" svgIcon="forward_to_inbox"></mat-icon>
            {{ email() ? 'Send the link again' : 'Send a new link' }}
          </button>
        </div>
        @if (sending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Sending a new link" />
        }
      </form>
    </div>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    mat-form-field {
      width: 100%;
      max-width: 420px;
    }
    .sent {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      outline: none;
    }
    .failure {
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResendVerificationComponent {
  private readonly api = inject(PortalApiClient);
  private readonly injector = inject(Injector);
  private readonly sentMessage = viewChild<ElementRef<HTMLElement>>('sent');

  /** The address to send to; when null the component asks for it. */
  readonly email = input<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [requiredText, emailAddress, Validators.maxLength(EMAIL_MAX_LENGTH)]],
  });
  readonly sending = signal(false);
  readonly sentTo = signal<string | null>(null);
  readonly failure = signal<string | null>(null);
  readonly serverError = serverError;

  async send(): Promise<void> {
    if (this.sending()) {
      return;
    }
    const given = this.email();
    if (!given && this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = (given ?? this.form.controls.email.value).trim();
    this.sending.set(true);
    this.failure.set(null);
    this.sentTo.set(null);
    try {
      await firstValueFrom(this.api.resendVerification({ email }));
      this.sentTo.set(email);
      focusAfterRender(this.injector, this.sentMessage);
    } catch (error) {
      if (!showServerFieldErrors(this.form, error) || given) {
        this.failure.set(apiErrorMessage(error, 'A new link could not be sent right now. Try again in a moment.'));
      }
    } finally {
      this.sending.set(false);
    }
  }
}
