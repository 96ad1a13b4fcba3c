import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { LearnerRegistrationRequest } from '@achievement/contracts';
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
  CalendarDateInputDirective,
  dateOfBirth,
  EMAIL_MAX_LENGTH,
  emailAddress,
  maxTrimmedLength,
  passwordLength,
  requiredText,
  sameAs,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';
import { NewPasswordFieldsComponent } from '@achievement/web/material';

/** The longest enrolment number the API stores. */
export const ENROLMENT_NUMBER_MAX_LENGTH = 20;

/**
 * Registration of a learner (POST /api/learners/register): the enrolment number printed on their
 * documents, their date of birth as their centre holds it (it is not printed), an email and a password. The answer is always 202 with the same
 * message, whatever matched; the page shows it and says to follow the link in the email.
 * ?enrolment= prefills the enrolment number (from the link in a "your document is ready" email).
 */
@Component({
  selector: 'ap-learner-registration-page',
  imports: [
    NewPasswordFieldsComponent,
    CalendarDateInputDirective,
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
            <section aria-labelledby="confirmation-title" data-testid="learner-registration-confirmation">
              <h1 id="confirmation-title" tabindex="-1" #confirmationHeading>Check your email</h1>
              <p class="lead" role="status">
                <mat-icon aria-hidden="true" svgIcon="mark_email_unread"></mat-icon>
                <span data-testid="learner-registration-message">{{ message }}</span>
              </p>
              <p>
                Follow the link in the email to verify your address, then sign in to see your documents. If the email does not arrive, check your spam or junk
                folder.
              </p>
              <ap-resend-verification [email]="registeredEmail()" />
              <a mat-button routerLink="/sign-in">
                <mat-icon aria-hidden="true" svgIcon="login"></mat-icon>
                Go to sign in
              </a>
            </section>
          } @else {
            <h1>Register as a learner</h1>
            <p>
              See the documents you were awarded, download them, and share them with employers and others. Enter the enrolment number printed on your
              certificate, your date of birth as you gave it to your training centre, and the email address you want to sign in with.
            </p>
            <p>Already registered? <a routerLink="/sign-in">Sign in</a></p>

            @if (failure(); as message) {
              <div class="failure" role="alert" data-testid="learner-registration-error">{{ message }}</div>
            }

            <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Learner registration">
              <div class="row">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Enrolment number</mat-label>
                  <input matInput formControlName="enrolmentNumber" autocomplete="off" required />
                  <mat-hint>As printed on your certificate</mat-hint>
                  @if (form.controls.enrolmentNumber.hasError('required')) {
                    <mat-error>Enter your enrolment number</mat-error>
                  } @else if (form.controls.enrolmentNumber.hasError('maxlength')) {
                    <mat-error>Enter an enrolment number of at most {{ enrolmentMax }} characters</mat-error>
                  } @else if (serverError(form.controls.enrolmentNumber); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>

                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Date of birth</mat-label>
                  <input matInput apCalendarDate formControlName="dateOfBirth" autocomplete="bday" required />
                  <mat-hint>Day, month and year, as your training centre has it, e.g. 27/03/2007</mat-hint>
                  @if (form.controls.dateOfBirth.hasError('required')) {
                    <mat-error>Enter your date of birth</mat-error>
                  } @else if (form.controls.dateOfBirth.hasError('future')) {
                    <mat-error>Enter a date of birth in the past</mat-error>
                  } @else if (form.controls.dateOfBirth.hasError('tooEarly')) {
                    <mat-error>Enter a date of birth from 1900 onwards</mat-error>
                  } @else if (form.controls.dateOfBirth.hasError('date')) {
                    <mat-error>Enter a real date, day first, e.g. 27/03/2007</mat-error>
                  } @else if (serverError(form.controls.dateOfBirth); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>
              </div>

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
export class LearnerRegistrationPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly injector = inject(Injector);
  private readonly confirmationHeading = viewChild<ElementRef<HTMLElement>>('confirmationHeading');

  readonly enrolmentMax = ENROLMENT_NUMBER_MAX_LENGTH;
  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    enrolmentNumber: [
      inject(ActivatedRoute).snapshot.queryParamMap.get('enrolment')?.trim() ?? '',
      [requiredText, maxTrimmedLength(ENROLMENT_NUMBER_MAX_LENGTH)],
    ],
    dateOfBirth: ['', [Validators.required, dateOfBirth]],
    email: ['', [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
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
    const request: LearnerRegistrationRequest = {
      enrolmentNumber: value.enrolmentNumber.trim(),
      dateOfBirth: value.dateOfBirth,
      email: value.email.trim(),
      password: value.password,
    };
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const answer = await firstValueFrom(this.api.registerLearner(request));
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
