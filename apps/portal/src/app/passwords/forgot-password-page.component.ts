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
  template: `
    <div class="page">
      <mat-card appearance="outlined" class="narrow">
        <mat-card-content>
          @if (sentTo(); as email) {
            <section data-testid="forgot-password-confirmation" aria-labelledby="sent-title">
              <h1 id="sent-title" tabindex="-1" #sentHeading>Check your email</h1>
              <p class="lead">
                <mat-icon aria-hidden="true" svgIcon="mark_email_unread"></mat-icon>
                <span data-testid="forgot-password-sent">
                  If an account exists for <strong>{{ email }}</strong>, we have sent a link to reset the password. The link works once and expires in an hour.
                </span>
              </p>
              <p>If you do not receive it, check your spam or junk folder.</p>
              <div class="actions">
                <a mat-flat-button routerLink="/sign-in">Back to sign in</a>
                <button mat-button type="button" (click)="startAgain()">Use another address</button>
              </div>
            </section>
          } @else {
            <h1>Forgot your password?</h1>
            <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>

            @if (failure(); as message) {
              <div class="failure" role="alert">{{ message }}</div>
            }

            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <mat-form-field>
                <mat-label>Email</mat-label>
                <input matInput type="email" formControlName="email" autocomplete="username" required />
                @if (form.controls.email.hasError('required')) {
                  <mat-error>Enter your email address</mat-error>
                } @else if (form.controls.email.hasError('email') || form.controls.email.hasError('maxlength')) {
                  <mat-error>Enter a valid email address, like name&#64;example.org</mat-error>
                } @else if (serverError(form.controls.email); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="submitting()">Send the link</button>
              @if (submitting()) {
                <mat-progress-bar mode="indeterminate" aria-label="Sending the link" />
              }
            </form>
            <p class="back"><a routerLink="/sign-in">Back to sign in</a></p>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
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
