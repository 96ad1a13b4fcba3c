import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { RegisterRequest } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { ResendVerificationComponent } from './resend-verification.component';
import {
  apiErrorMessage,
  CalendarDateInputDirective,
  centreNumber,
  dateOfBirth,
  EMAIL_MAX_LENGTH,
  emailAddress,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  normaliseCentreNumber,
  passwordLength,
  PHONE_MAX_LENGTH,
  phoneNumber,
  requiredText,
  sameAs,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';
import { NewPasswordFieldsComponent, PersonNameFieldsComponent } from '@achievement/web-material';

/**
 * Registration of centre staff (POST /api/registrations). The answer is always 202, whether or
 * not the address is registered already; the page then says to check the email for the link.
 */
@Component({
  selector: 'ap-register-page',
  imports: [
    PersonNameFieldsComponent,
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
  templateUrl: './register-page.component.html',
  styleUrl: './register-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly injector = inject(Injector);
  private readonly confirmationHeading = viewChild<ElementRef<HTMLElement>>('confirmationHeading');

  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    lastName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    email: ['', [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
    dateOfBirth: ['', [Validators.required, dateOfBirth]],
    centreNumber: ['', [requiredText, centreNumber]],
    phone: ['', [requiredText, phoneNumber, maxTrimmedLength(PHONE_MAX_LENGTH)]],
    password: ['', [Validators.required, passwordLength]],
    confirmPassword: ['', [Validators.required, sameAs('password')]],
  });
  readonly submitting = signal(false);
  /** The API's answer when registering failed, shown in an alert above the form. */
  readonly failure = signal<string | null>(null);
  /** The address the verification link went to, once the API accepted the registration. */
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
    const request: RegisterRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim(),
      dateOfBirth: value.dateOfBirth,
      centreNumber: normaliseCentreNumber(value.centreNumber),
      phone: value.phone.trim(),
      password: value.password,
    };
    this.submitting.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.register(request));
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
