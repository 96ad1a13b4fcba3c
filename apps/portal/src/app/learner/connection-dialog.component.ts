import { BodyDayPipe } from '../dates/body-day.pipe';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ACCESS_PERIOD_LABELS, ACCESS_PERIODS, AccessPeriod, LearnerConnection, LearnerDocument, UpdateConnectionRequest } from '@achievement/contracts';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom, Observable } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { DOCUMENT_STATUS_LABELS } from '../documents/document-status';
import { accessLength, accessUntilDate, documentName, latestAccessDate } from './access-length';
import {
  apiErrorMessage,
  CalendarDateInputDirective,
  CalendarDatePipe,
  EMAIL_MAX_LENGTH,
  emailAddress,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

/**
 * What the dialog does: add a connection (the learner invites a third party), accept a third
 * party's pending request, or edit an active connection (its documents, and optionally a new end).
 */
export type ConnectionDialogData =
  { mode: 'add'; documents: LearnerDocument[] } | { mode: 'accept' | 'edit'; documents: LearnerDocument[]; connection: LearnerConnection };

/** Opens the dialog; emits the API's answer once it was saved (undefined: cancelled). */
export function openConnectionDialog(dialog: MatDialog, data: ConnectionDialogData): Observable<LearnerConnection | undefined> {
  return dialog
    .open<ConnectionDialogComponent, ConnectionDialogData, LearnerConnection>(ConnectionDialogComponent, {
      data,
      width: '600px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}

/** On the documents control: at least one ticked. */
const atLeastOne: ValidatorFn = (control) => (Array.isArray(control.value) && control.value.length > 0 ? null : { required: true });

/** The period's value meaning "keep the current end" when editing. */
const KEEP = '' as const;

@Component({
  selector: 'ap-connection-dialog',
  imports: [
    CalendarDateInputDirective,
    CalendarDatePipe,
    BodyDayPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="connection-form">
      <mat-dialog-content>
        @if (connection; as connection) {
          <p class="who" data-testid="connection-dialog-who">
            <strong>{{ connection.thirdParty.name }}</strong> ({{ connection.thirdParty.email
            }}{{ connection.thirdParty.organisation ? ', ' + connection.thirdParty.organisation : '' }})
          </p>
          @if (data.mode === 'accept' && connection.message) {
            <blockquote class="message" data-testid="connection-dialog-message">{{ connection.message }}</blockquote>
          }
        } @else {
          <p class="intro">
            We email them a link. Once they have registered (or signed in) with this address and accepted, they can see and verify the documents you choose,
            until access ends.
          </p>
        }

        @if (failure(); as message) {
          <div class="failure" role="alert" data-testid="connection-dialog-error">{{ message }}</div>
        }

        @if (data.mode === 'add') {
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required autocomplete="off" />
            <mat-hint>The person or organisation you share with</mat-hint>
            @if (form.controls.name.hasError('required')) {
              <mat-error>Enter the name of the person or organisation</mat-error>
            } @else if (form.controls.name.hasError('maxlength')) {
              <mat-error>Enter a name of at most {{ nameMax }} characters</mat-error>
            } @else if (serverError(form.controls.name); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>

          <mat-form-field>
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter their email address</mat-error>
            } @else if (form.controls.email.hasError('maxlength')) {
              <mat-error>Enter an email address of at most 320 characters</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>Enter a valid email address, like name&#64;example.org</mat-error>
            } @else if (serverError(form.controls.email); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }

        <mat-form-field>
          <mat-label>{{ data.mode === 'edit' ? 'Access' : 'How long' }}</mat-label>
          <mat-select formControlName="period" [required]="data.mode !== 'edit'" data-testid="connection-period">
            @if (data.mode === 'edit') {
              <mat-option value="">Keep the current end{{ currentEnd() ? ' (' + (currentEnd() | bodyDay) + ')' : '' }}</mat-option>
            }
            @for (period of periods; track period) {
              <mat-option [value]="period">{{ periodLabels[period] }}</mat-option>
            }
          </mat-select>
          @if (data.mode === 'edit') {
            <mat-hint>Choose a period to extend (or shorten) access from today</mat-hint>
          }
          @if (form.controls.period.hasError('required')) {
            <mat-error>Choose how long they can see the documents</mat-error>
          } @else if (serverError(form.controls.period); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        @if (period() === 'date') {
          <mat-form-field>
            <mat-label>Access ends on</mat-label>
            <input matInput apCalendarDate formControlName="until" required />
            <mat-hint>Until the end of that day</mat-hint>
            @if (form.controls.until.hasError('required')) {
              <mat-error>Enter the day access ends</mat-error>
            } @else if (form.controls.until.hasError('date')) {
              <mat-error>Enter a real date, day first, e.g. 27/03/2007</mat-error>
            } @else if (form.controls.until.hasError('notFuture')) {
              <mat-error>Enter a day after today</mat-error>
            } @else if (form.controls.until.hasError('tooLate')) {
              <mat-error>Enter a day up to {{ latestDate | calendarDate }}</mat-error>
            } @else if (serverError(form.controls.until); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }

        <fieldset class="documents" aria-describedby="documents-error">
          <legend>Documents to share</legend>
          @if (data.documents.length === 0) {
            <p class="muted">You have no documents to share yet.</p>
          }
          @for (doc of data.documents; track doc.id) {
            <mat-checkbox [checked]="isChosen(doc.id)" (change)="toggle(doc.id, $event.checked)" data-testid="connection-document">
              {{ name(doc) }}
              @if (doc.status !== 'valid') {
                <span class="muted"> — {{ statusLabels[doc.status] }}</span>
              }
            </mat-checkbox>
          }
          @if (form.controls.documentIds.touched && form.controls.documentIds.hasError('required')) {
            <mat-error id="documents-error">Choose at least one document</mat-error>
          } @else if (serverError(form.controls.documentIds); as message) {
            <mat-error id="documents-error">{{ message }}</mat-error>
          }
        </fieldset>

        @if (sending()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="submitLabel" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="sending()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="sending()" data-testid="connection-submit">{{ submitLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
      margin-bottom: 4px;
    }
    .intro,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .who {
      margin-top: 0;
    }
    .message {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      white-space: pre-line;
    }
    .documents {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      padding: 8px 12px;
      margin: 0 0 8px;
      legend {
        padding: 0 4px;
        font: var(--mat-sys-title-small);
      }
      mat-checkbox {
        display: block;
      }
    }
    .failure {
      margin-bottom: 16px;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionDialogComponent {
  private readonly api = inject(PortalApiClient);
  private readonly dialogRef = inject<MatDialogRef<ConnectionDialogComponent, LearnerConnection>>(MatDialogRef);

  readonly data = inject<ConnectionDialogData>(MAT_DIALOG_DATA);
  readonly connection = this.data.mode === 'add' ? null : this.data.connection;
  readonly periods = ACCESS_PERIODS;
  readonly periodLabels = ACCESS_PERIOD_LABELS;
  readonly statusLabels = DOCUMENT_STATUS_LABELS;
  readonly nameMax = NAME_MAX_LENGTH;
  readonly latestDate = latestAccessDate();
  readonly serverError = serverError;
  readonly name = documentName;
  readonly title = { add: 'Add Connection', accept: 'Accept the request', edit: 'Edit the connection' }[this.data.mode];
  readonly submitLabel = { add: 'Share', accept: 'Accept', edit: 'Save' }[this.data.mode];

  readonly form = inject(NonNullableFormBuilder).group({
    name: [{ value: '', disabled: this.data.mode !== 'add' }, [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    email: [{ value: '', disabled: this.data.mode !== 'add' }, [requiredText, emailAddress, maxTrimmedLength(EMAIL_MAX_LENGTH)]],
    period: ['' as AccessPeriod | typeof KEEP, this.data.mode === 'edit' ? [] : [Validators.required]],
    // Checked only while the period is "date" (enabled then, see the constructor).
    until: [{ value: '', disabled: true }, [Validators.required, accessUntilDate]],
    documentIds: new FormControl<number[]>(this.data.mode === 'edit' ? [...this.data.connection.documentIds] : [], {
      nonNullable: true,
      validators: [atLeastOne],
    }),
  });
  readonly period = toSignal(this.form.controls.period.valueChanges, { initialValue: this.form.controls.period.value });
  private readonly chosen = toSignal(this.form.controls.documentIds.valueChanges, { initialValue: this.form.controls.documentIds.value });
  readonly currentEnd = computed(() => this.connection?.accessEndsAt ?? null);
  readonly sending = signal(false);
  readonly failure = signal<string | null>(null);

  constructor() {
    this.form.controls.period.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((period) => {
      const until = this.form.controls.until;
      if (period === 'date') {
        until.enable();
      } else {
        until.disable();
      }
    });
  }

  isChosen(documentId: number): boolean {
    return this.chosen().includes(documentId);
  }

  toggle(documentId: number, checked: boolean): void {
    const control = this.form.controls.documentIds;
    const others = control.value.filter((id) => id !== documentId);
    control.setValue(checked ? [...others, documentId] : others);
    control.markAsTouched();
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
      this.dialogRef.close(await firstValueFrom(this.save()));
    } catch (error) {
      showServerFieldErrors(this.form, error, { 'access.period': 'period', 'access.until': 'until' });
      this.failure.set(apiErrorMessage(error, 'The connection could not be saved. Try again in a moment.'));
    } finally {
      this.sending.set(false);
    }
  }

  private save(): Observable<LearnerConnection> {
    const { name, email, period, until, documentIds } = this.form.getRawValue();
    // In the order the learner's documents are listed, whatever order they were ticked in.
    const ids = this.data.documents.map((doc) => doc.id).filter((id) => documentIds.includes(id));
    switch (this.data.mode) {
      case 'add':
        return this.api.addConnection({ name: name.trim(), email: email.trim(), documentIds: ids, ...accessLength(period as AccessPeriod, until) });
      case 'accept':
        return this.api.acceptConnection(this.data.connection.id, { documentIds: ids, ...accessLength(period as AccessPeriod, until) });
      case 'edit': {
        const request: UpdateConnectionRequest = { documentIds: ids };
        if (period !== KEEP) {
          request.access = accessLength(period, until);
        }
        return this.api.updateConnection(this.data.connection.id, request);
      }
    }
  }
}
