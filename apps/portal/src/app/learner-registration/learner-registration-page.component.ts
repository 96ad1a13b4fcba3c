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
import { NewPasswordFieldsComponent } from '@achievement/web-material';

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
  templateUrl: './learner-registration-page.component.html',
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
