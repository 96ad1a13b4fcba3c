import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { safeReturnUrl } from '../second-factor/return-url';
import { SessionService } from '../session/session.service';
import { apiErrorCode, apiErrorMessage } from '@achievement/web';
import { ApiErrorCode } from '@achievement/contracts';

/** The API's limits (SignInDto): an email address of at most 320 characters, a password of 1–1024. */
const EMAIL_MAX_LENGTH = 320;
const PASSWORD_MAX_LENGTH = 1024;

@Component({
  selector: 'ap-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  templateUrl: './sign-in-page.component.html',
  styleUrl: './sign-in-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPageComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  readonly submitting = signal(false);
  /** The API's answer when signing in failed, shown in an alert. */
  readonly failure = signal<string | null>(null);
  /** The password was right but the email is not verified yet: offer a new verification link. */
  readonly needsVerification = signal(false);

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
    this.needsVerification.set(false);
    try {
      const session = await this.session.signIn(this.form.getRawValue());
      const returnUrl = this.returnUrl();
      if (session.pending) {
        // the password was right; the second factor, or setting one up, comes next
        const step = session.pending.step === 'enrolment' ? '/sign-in/set-up' : '/sign-in/second-factor';
        await this.router.navigate([step], returnUrl === '/' ? {} : { queryParams: { returnUrl } });
      } else {
        await this.router.navigateByUrl(returnUrl);
      }
    } catch (error) {
      this.failure.set(signInFailure(error));
      this.needsVerification.set(apiErrorCode(error) === 'EMAIL_NOT_VERIFIED');
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  /** The page to go back to: only a path of this site, never another origin. */
  private returnUrl(): string {
    return safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
  }
}

/** What to say by the API's code; its own message where it has one (it says which state an account is in). */
const SIGN_IN_FALLBACKS: Partial<Record<ApiErrorCode, string>> = {
  BAD_CREDENTIALS: 'Email or password is incorrect.',
  // the password was right, but the account cannot sign in yet
  EMAIL_NOT_VERIFIED: 'Your email address is not verified yet.',
  REGISTRATION_AWAITING_REVIEW: 'Your registration is waiting for an administrator to check it.',
  REGISTRATION_REJECTED: 'Your registration was not approved.',
  ACCOUNT_NOT_ACTIVE: 'Your account cannot sign in.',
  TOO_MANY_SIGN_INS: 'Too many attempts to sign in. Wait a minute, then try again.',
  CREDENTIALS_MISSING: 'Check your email address and password.',
};

function signInFailure(error: unknown): string {
  const code = apiErrorCode(error);
  return apiErrorMessage(error, (code && SIGN_IN_FALLBACKS[code]) ?? 'Signing in is not possible right now. Try again in a moment.');
}
