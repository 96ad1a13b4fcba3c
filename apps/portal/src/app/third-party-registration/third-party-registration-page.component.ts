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
import { NewPasswordFieldsComponent, PersonNameFieldsComponent } from '@achievement/web-material';

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
    PersonNameFieldsComponent,
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
  templateUrl: './third-party-registration-page.component.html',
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
