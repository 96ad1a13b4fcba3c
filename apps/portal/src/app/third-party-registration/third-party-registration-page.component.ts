import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { ThirdPartyRegistrationRequest } from '@achievement/contracts';
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
import { ResendVerificationComponent } from '../registration/resend-verification.component';
import {
  apiErrorMessage,
  EMAIL_MAX_LENGTH,
  emailAddress,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  passwordLength,
  requiredText,
  sameAs,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';
import { NewPasswordFieldsComponent } from '@achievement/web/material';

/** The longest organisation name the API accepts. */
export const ORGANISATION_MAX_LENGTH = 200;

/**
 * Registration of a third party: an employer or other body a learner shares documents with
 * (POST /api/third-parties/register, always 202). From an invitation's page it comes with
 * ?invitation=<token>&email=…: the email is prefilled, and the confirmation leads back to the
 * invitation to accept it once the address is verified.
 */
@Component({
  selector: 'ap-third-party-registration-page',
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
    ResendVerificationComponent,
  ],
  template: `
    <div class="page">
      <mat-card appearance="outlined" class="register">
        <mat-card-content>
          @if (accepted(); as message) {
            <section aria-labelledby="confirmation-title" data-testid="third-party-registration-confirmation">
              <h1 id="confirmation-title" tabindex="-1" #confirmationHeading>Check your email</h1>
              <p class="lead" role="status">
                <mat-icon aria-hidden="true" svgIcon="mark_email_unread"></mat-icon>
                <span data-testid="third-party-registration-message">{{ message }}</span>
              </p>
              <ap-resend-verification [email]="registeredEmail()" />
              @if (invitation) {
                <p data-testid="third-party-registration-next">
                  Follow the link in the email to verify your address. Then sign in and accept the invitation to see the documents shared with you.
                </p>
                <a mat-flat-button [routerLink]="['/invitations', invitation]" data-testid="back-to-invitation">
                  <mat-icon aria-hidden="true" svgIcon="mail"></mat-icon>
                  Back to the invitation
                </a>
              } @else {
                <p data-testid="third-party-registration-next">
                  Follow the link in the email to verify your address, then sign in. You can then ask learners to share their documents with you.
                </p>
                <a mat-button routerLink="/sign-in">
                  <mat-icon aria-hidden="true" svgIcon="login"></mat-icon>
                  Go to sign in
                </a>
              }
            </section>
          } @else {
            <h1>Register as a third party</h1>
            <p>
              Employers, colleges and other bodies register to see and verify the documents learners share with them. If a learner invited you, register with
              the email address the invitation was sent to.
            </p>
            <p>Already registered? <a routerLink="/sign-in">Sign in</a></p>

            @if (failure(); as message) {
              <div class="failure" role="alert" data-testid="third-party-registration-error">{{ message }}</div>
            }

            <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Third-party registration">
              <div class="row">
                <mat-form-field>
                  <mat-label>First name</mat-label>
                  <input matInput formControlName="firstName" autocomplete="given-name" required />
                  @if (form.controls.firstName.hasError('required')) {
                    <mat-error>Enter your first name</mat-error>
                  } @else if (form.controls.firstName.hasError('maxlength')) {
                    <mat-error>Enter a first name of at most 100 characters</mat-error>
                  } @else if (serverError(form.controls.firstName); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>

                <mat-form-field>
                  <mat-label>Last name</mat-label>
                  <input matInput formControlName="lastName" autocomplete="family-name" required />
                  @if (form.controls.lastName.hasError('required')) {
                    <mat-error>Enter your last name</mat-error>
                  } @else if (form.controls.lastName.hasError('maxlength')) {
                    <mat-error>Enter a last name of at most 100 characters</mat-error>
                  } @else if (serverError(form.controls.lastName); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>
              </div>

              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Organisation (optional)</mat-label>
                <input matInput formControlName="organisation" autocomplete="organization" />
                <mat-hint>The employer or body you act for</mat-hint>
                @if (form.controls.organisation.hasError('maxlength')) {
                  <mat-error>Enter an organisation of at most {{ organisationMax }} characters</mat-error>
                } @else if (serverError(form.controls.organisation); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>

              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Email</mat-label>
                <input matInput type="email" formControlName="email" autocomplete="email" required />
                <mat-hint>We send a link to this address to verify it.</mat-hint>
                @if (form.controls.email.hasError('required')) {
                  <mat-error>Enter your email address</mat-error>
                } @else if (form.controls.email.hasError('maxlength')) {
                  <mat-error>Enter an email address of at most 320 characters</mat-error>
                } @else if (form.controls.email.hasError('email')) {
                  <mat-error>Enter a valid email address, like name&#64;example.org</mat-error>
                } @else if (serverError(form.controls.email); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>

              <ap-new-password-fields [group]="form" />

              <button mat-flat-button type="submit" class="submit" [disabled]="submitting()">Register</button>
              @if (submitting()) {
                <mat-progress-bar mode="indeterminate" aria-label="Registering" />
              }
            </form>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styleUrl: '../registration/register-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThirdPartyRegistrationPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly injector = inject(Injector);
  private readonly confirmationHeading = viewChild<ElementRef<HTMLElement>>('confirmationHeading');
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  readonly organisationMax = ORGANISATION_MAX_LENGTH;
  readonly serverError = serverError;
  /** The token of the invitation this registration came from (?invitation=), if any. */
  readonly invitation = this.query.get('invitation')?.trim() || null;

  readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    lastName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    organisation: ['', [maxTrimmedLength(ORGANISATION_MAX_LENGTH)]],
    email: [this.query.get('email')?.trim() ?? '', [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, passwordLength]],
    confirmPassword: ['', [Validators.required, sameAs('password')]],
  });
  readonly submitting = signal(false);
  readonly failure = signal<string | null>(null);
  /** The API's answer (202), once it accepted the registration. */
  readonly accepted = signal<string | null>(null);
  /** The address the verification link went to, for "Send the link again". */
  readonly registeredEmail = signal<string | null>(null);

  constructor() {}

  async submit(): Promise<void> {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.failure.set('Check the details marked below.');
      return;
    }
    const value = this.form.getRawValue();
    const organisation = value.organisation.trim();
    const request: ThirdPartyRegistrationRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      ...(organisation ? { organisation } : {}),
      email: value.email.trim(),
      password: value.password,
    };
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const answer = await firstValueFrom(this.api.registerThirdParty(request));
      this.accepted.set(answer.message);
      this.registeredEmail.set(request.email);
      this.form.reset();
      focusAfterRender(this.injector, this.confirmationHeading);
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'Registering is not possible right now. Try again in a moment.'));
    } finally {
      this.submitting.set(false);
    }
  }
}
