import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { CentrePickerComponent, CentreRef } from '../shared/centre-picker.component';
import { adminCommerceSaveCreditAccount, Api } from '@achievement/web-api';
import {
  apiErrorMessage,
  formatPence,
  MAX_CREDIT_LIMIT_PENCE,
  penceToPounds,
  poundsToPence,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

export interface CreditAccountDialogData {
  /** The account to change; absent to open one for a centre chosen in the dialog. */
  account?: CreditAccount;
}

/** An amount of pounds (two decimals at most) up to `max` pence. */
export function poundsUpTo(max: number, allowZero = true) {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '').trim();
    if (value === '') return null;
    const pence = poundsToPence(value);
    if (pence === null) return { pounds: true };
    if (!allowZero && pence === 0) return { zero: true };
    return pence > max ? { tooHigh: true } : null;
  };
}

/** Sets a centre's credit limit and whether the account is open (new accounts too); closes with the account. */
@Component({
  selector: 'adm-credit-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    CentrePickerComponent,
  ],
  templateUrl: './credit-account-dialog.component.html',
  styles: `
    mat-form-field,
    adm-centre-picker {
      display: block;
      width: 100%;
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .failure {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreditAccountDialogComponent {
  private readonly api = inject(Api);
  private readonly dialogRef = inject<MatDialogRef<CreditAccountDialogComponent, CreditAccount>>(MatDialogRef);
  readonly account = inject<CreditAccountDialogData>(MAT_DIALOG_DATA).account;

  readonly money = formatPence;
  readonly serverError = serverError;
  readonly centre = signal<CentreRef | null>(null);
  readonly centreMissing = signal(false);
  readonly saving = signal(false);
  readonly failure = signal<string | null>(null);
  readonly form = new FormGroup({
    limit: new FormControl(this.account ? penceToPounds(this.account.limitPence) : '', {
      nonNullable: true,
      validators: [requiredText, poundsUpTo(MAX_CREDIT_LIMIT_PENCE)],
    }),
    open: new FormControl(this.account?.open ?? true, { nonNullable: true }),
  });

  async save(): Promise<void> {
    if (this.saving()) return;
    const centreId = this.account?.centre.id ?? this.centre()?.id ?? null;
    this.centreMissing.set(centreId === null);
    if (this.form.invalid || centreId === null) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.failure.set(null);
    try {
      this.dialogRef.close(
        await firstValueFrom(
          this.api.invoke(adminCommerceSaveCreditAccount, {
            centreId,
            body: { limitPence: poundsToPence(value.limit)!, open: value.open },
          }),
        ),
      );
    } catch (error) {
      showServerFieldErrors(this.form, error, { limitPence: 'limit' });
      this.failure.set(apiErrorMessage(error, 'The credit account could not be saved.'));
      this.saving.set(false);
    }
  }
}
