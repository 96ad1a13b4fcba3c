import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { focusAfterRender } from '../forms/focus';
import { SessionService } from '../session/session.service';
import { apiErrorCode, apiErrorMessage, passwordLength, sameAs, serverError, showServerFieldErrors } from '@achievement/web';
import { NewPasswordFieldsComponent } from '@achievement/web-material';

/**
 * The page of the link in the password reset email (/reset-password?token=…): a new password,
 * twice. On success every session of the account has ended, so the person signs in again.
 */
@Component({
  selector: 'ap-reset-password-page',
  imports: [
    NewPasswordFieldsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  template: `
    <div class="page">
      <mat-card appearance="outlined" class="narrow" data-testid="reset-password">
        <mat-card-content>
          @if (done()) {
            <h1 tabindex="-1" #heading>Password changed</h1>
            <p class="lead" role="status">
              <mat-icon aria-hidden="true" svgIcon="check_circle"></mat-icon>
              <span data-testid="reset-password-done"
                >Your password has been changed and you have been signed out everywhere. Sign in with your new password.</span
              >
            </p>
            <a mat-flat-button routerLink="/sign-in">
              <mat-icon aria-hidden="true" svgIcon="login"></mat-icon>
              Sign in
            </a>
          } @else if (linkProblem(); as message) {
            <h1 tabindex="-1" #heading>This link does not work</h1>
            <p class="failure" role="alert" data-testid="reset-password-error">{{ message }}</p>
            <p>Reset links work once and expire after an hour.</p>
            <a mat-flat-button routerLink="/forgot-password">Ask for a new link</a>
          } @else {
            <h1>Choose a new password</h1>

            @if (failure(); as message) {
              <div class="failure" role="alert" data-testid="reset-password-error">{{ message }}</div>
            }

            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <ap-new-password-fields [group]="form" label="New password" />

              <button mat-flat-button type="submit" [disabled]="submitting()">Save new password</button>
              @if (submitting()) {
                <mat-progress-bar mode="indeterminate" aria-label="Saving the new password" />
              }
            </form>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styleUrl: './password-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly session = inject(SessionService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token')?.trim() ?? '';

  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, passwordLength]],
    confirmPassword: ['', [Validators.required, sameAs('password')]],
  });
  readonly submitting = signal(false);
  readonly failure = signal<string | null>(null);
  readonly done = signal(false);
  /** Why the link cannot be used (no token, or the API refused the token): only a new link helps. */
  readonly linkProblem = signal<string | null>(this.token ? null : 'This address has no reset code: open the link from the email again, or ask for a new one.');

  constructor() {}

  async submit(): Promise<void> {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.resetPassword({ token: this.token, password: this.form.controls.password.value }));
      this.form.reset();
      this.done.set(true);
      focusAfterRender(this.injector, this.heading);
      // Every session of the account ended: if this browser was signed in to it, it no longer is.
      await this.session.load();
    } catch (error) {
      this.failed(error);
    } finally {
      this.submitting.set(false);
    }
  }

  private failed(error: unknown): void {
    if (apiErrorCode(error) === 'TOKEN_INVALID') {
      // The token was refused (not valid, used, replaced or expired).
      this.linkProblem.set(apiErrorMessage(error, 'This password reset link is not valid. Ask for a new one.'));
      focusAfterRender(this.injector, this.heading);
      return;
    }
    showServerFieldErrors(this.form, error);
    this.failure.set(apiErrorMessage(error, 'Your password could not be changed right now. Try again in a moment.'));
  }
}
