import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { CommerceAdminApiService } from './commerce-admin-api.service';
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
  template: `
    <h2 mat-dialog-title>Record a payment from {{ account.centre.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p>{{ account.centre.name }} owes {{ money(account.owedPence) }}.</p>
        @if (failure(); as message) {
          <p class="failure" role="alert" data-testid="payment-error">
            {{ message }}
          </p>
        }
        <mat-form-field>
          <mat-label>Amount received (£)</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" required />
          @if (form.controls.amount.hasError('required')) {
            <mat-error>Enter the amount received</mat-error>
          } @else if (form.controls.amount.hasError('pounds')) {
            <mat-error>Enter an amount in pounds, e.g. 120.00</mat-error>
          } @else if (form.controls.amount.hasError('zero')) {
            <mat-error>Enter an amount above £0.00</mat-error>
          } @else if (form.controls.amount.hasError('tooHigh')) {
            <mat-error>Enter at most £1,000,000.00</mat-error>
          } @else if (serverError(form.controls.amount); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Reference</mat-label>
          <input matInput formControlName="reference" autocomplete="off" required />
          <mat-hint>The bank transfer's or cheque's reference</mat-hint>
          @if (form.controls.reference.hasError('required')) {
            <mat-error>Enter the payment's reference</mat-error>
          } @else if (form.controls.reference.hasError('maxlength')) {
            <mat-error>Enter at most {{ referenceMax }} characters</mat-error>
          } @else if (serverError(form.controls.reference); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Recording the payment" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Record payment</button>
      </mat-dialog-actions>
    </form>
  `,
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
  private readonly api = inject(CommerceAdminApiService);
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
          this.api.recordCreditPayment(this.account.centre.id, {
            amountPence: poundsToPence(value.amount)!,
            reference: value.reference.trim(),
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
