import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { focusAfterRender } from '../forms/focus';
import { apiErrorMessage, EMAIL_MAX_LENGTH, emailAddress, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/**
 * "Forgot your password?": asks for a reset link (POST /api/auth/forgot-password). The answer, and
 * so the confirmation, is the same whether or not the address has an account.
 */
@Component({
  selector: 'ap-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  templateUrl: './forgot-password-page.component.html',
  styleUrl: './password-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly injector = inject(Injector);
  private readonly sentHeading = viewChild<ElementRef<HTMLElement>>('sentHeading');

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
  });
  readonly submitting = signal(false);
  readonly failure = signal<string | null>(null);
  /** The address the link was asked for, once the API accepted the request. */
  readonly sentTo = signal<string | null>(null);
  readonly serverError = serverError;

  async submit(): Promise<void> {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.controls.email.value.trim();
    this.submitting.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.forgotPassword({ email }));
      this.sentTo.set(email);
      focusAfterRender(this.injector, this.sentHeading);
    } catch (error) {
      if (!showServerFieldErrors(this.form, error)) {
        this.failure.set(apiErrorMessage(error, 'The link could not be sent right now. Try again in a moment.'));
      }
    } finally {
      this.submitting.set(false);
    }
  }

  startAgain(): void {
    this.sentTo.set(null);
    this.form.reset();
  }
}
