import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ConnectionRequestInput } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { ENROLMENT_NUMBER_MAX_LENGTH } from '../learner-registration/learner-registration-page.component';
import {
  apiErrorMessage,
  CalendarDateInputDirective,
  dateOfBirth,
  EMAIL_MAX_LENGTH,
  emailAddress,
  maxTrimmedLength,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

/** The longest message to the learner the API accepts. */
export const REQUEST_MESSAGE_MAX_LENGTH = 500;

/** How the third party names the learner. */
export type LearnerIdentifier = 'email' | 'enrolment';

export function openRequestAccessDialog(dialog: MatDialog): void {
  dialog.open(RequestAccessDialogComponent, { width: '560px', maxWidth: '95vw', autoFocus: 'first-tabbable' });
}

/**
 * "Request access": a third party asks a learner to share documents, naming the learner by email
 * or by enrolment number and date of birth, with an optional message (POST
 * /api/third-party/requests). The answer is the same whether or not such a learner exists; the
 * dialog shows it.
 */
@Component({
  selector: 'ap-request-access-dialog',
  imports: [
    CalendarDateInputDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './request-access-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
      margin-bottom: 4px;
    }
    mat-button-toggle-group {
      margin-bottom: 16px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
    }
    .label {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .answer {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      font: var(--mat-sys-body-large);
    }
    .failure {
      margin-bottom: 16px;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    @media (max-width: 599.98px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestAccessDialogComponent {
  private readonly api = inject(PortalApiClient);

  readonly messageMax = REQUEST_MESSAGE_MAX_LENGTH;
  readonly enrolmentMax = ENROLMENT_NUMBER_MAX_LENGTH;
  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    by: ['email' as LearnerIdentifier],
    learnerEmail: ['', [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
    // Checked only while the learner is named by enrolment number (enabled then, see the constructor).
    enrolmentNumber: [{ value: '', disabled: true }, [requiredText, maxTrimmedLength(ENROLMENT_NUMBER_MAX_LENGTH)]],
    dateOfBirth: [{ value: '', disabled: true }, [Validators.required, dateOfBirth]],
    message: ['', [maxTrimmedLength(REQUEST_MESSAGE_MAX_LENGTH)]],
  });
  readonly by = toSignal(this.form.controls.by.valueChanges, { initialValue: this.form.controls.by.value });
  private readonly message = toSignal(this.form.controls.message.valueChanges, { initialValue: '' });
  readonly messageLength = computed(() => this.message().length);
  readonly sending = signal(false);
  readonly failure = signal<string | null>(null);
  /** The API's answer (202), once the request was sent. */
  readonly answer = signal<string | null>(null);

  constructor() {
    this.form.controls.by.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((by) => {
      const { learnerEmail, enrolmentNumber, dateOfBirth: birth } = this.form.controls;
      if (by === 'email') {
        learnerEmail.enable();
        enrolmentNumber.disable();
        birth.disable();
      } else {
        learnerEmail.disable();
        enrolmentNumber.enable();
        birth.enable();
      }
    });
  }

  async submit(): Promise<void> {
    if (this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.failure.set(null);
    try {
      const answer = await firstValueFrom(this.api.requestConnection(this.request()));
      this.answer.set(answer.message);
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'The request could not be sent. Try again in a moment.'));
    } finally {
      this.sending.set(false);
    }
  }

  private request(): ConnectionRequestInput {
    const value = this.form.getRawValue();
    const message = value.message.trim();
    return {
      ...(value.by === 'email'
        ? { learnerEmail: value.learnerEmail.trim() }
        : { enrolmentNumber: value.enrolmentNumber.trim(), dateOfBirth: value.dateOfBirth }),
      ...(message ? { message } : {}),
    };
  }
}
