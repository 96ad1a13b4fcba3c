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
  templateUrl: './connection-dialog.component.html',
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
