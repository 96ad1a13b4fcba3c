import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { adminCommerceRecordPayment, Api } from '@achievement/web-api';
import { poundsUpTo } from './credit-account-dialog.component';
import {
  apiErrorMessage,
  formatPence,
  MAX_CREDIT_LIMIT_PENCE,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  poundsToPence,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

/** Records a payment a centre made towards what it owes; closes with the account. */
@Component({
  selector: 'adm-credit-payment-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './credit-payment-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
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
export class CreditPaymentDialogComponent {
  private readonly api = inject(Api);
  private readonly dialogRef = inject<MatDialogRef<CreditPaymentDialogComponent, CreditAccount>>(MatDialogRef);
  readonly account = inject<CreditAccount>(MAT_DIALOG_DATA);

  readonly money = formatPence;
  readonly serverError = serverError;
  readonly referenceMax = NAME_MAX_LENGTH;
  readonly saving = signal(false);
  readonly failure = signal<string | null>(null);
  readonly form = new FormGroup({
    amount: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, poundsUpTo(MAX_CREDIT_LIMIT_PENCE, false)],
    }),
    reference: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)],
    }),
  });

  async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.failure.set(null);
    try {
      this.dialogRef.close(
        await firstValueFrom(
          this.api.invoke(adminCommerceRecordPayment, {
            centreId: this.account.centre.id,
            body: { amountPence: poundsToPence(value.amount)!, reference: value.reference.trim() },
          }),
        ),
      );
    } catch (error) {
      showServerFieldErrors(this.form, error, { amountPence: 'amount' });
      this.failure.set(apiErrorMessage(error, 'The payment could not be recorded.'));
      this.saving.set(false);
    }
  }
}
