import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { addressOf, adminCommerceInvoice } from '@achievement/web-api';

/** YYYY-MM of a date (local time). */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The month before `now`'s: the one usually invoiced. */
export function previousMonth(now = new Date()): string {
  return monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1));
}

function pastMonth(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '');
  if (value === '') return null;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return { month: true };
  return value > monthOf(new Date()) ? { future: true } : null;
}

/** Picks a month and opens the centre's credit invoice of that month (a PDF) in a new tab. */
@Component({
  selector: 'adm-invoice-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Monthly invoice of {{ account.centre.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="open()" novalidate>
      <mat-dialog-content>
        <p>The orders {{ account.centre.name }} placed on credit in a month, as a PDF invoice.</p>
        <mat-form-field>
          <mat-label>Month</mat-label>
          <input matInput type="month" formControlName="month" required [max]="thisMonth" />
          @if (month.hasError('required')) {
            <mat-error>Choose the month</mat-error>
          } @else if (month.hasError('month')) {
            <mat-error>Enter the month as YYYY-MM</mat-error>
          } @else if (month.hasError('future')) {
            <mat-error>Choose this month or an earlier one</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Close</button>
        <button mat-flat-button type="submit">
          <mat-icon aria-hidden="true" svgIcon="open_in_new"></mat-icon>
          Open invoice
          <span class="cdk-visually-hidden">(opens in a new tab)</span>
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDialogComponent {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly dialogRef = inject(MatDialogRef<InvoiceDialogComponent>);
  readonly account = inject<CreditAccount>(MAT_DIALOG_DATA);

  readonly thisMonth = monthOf(new Date());
  readonly month = new FormControl(previousMonth(), {
    nonNullable: true,
    validators: [Validators.required, pastMonth],
  });
  readonly form = new FormGroup({ month: this.month });

  open(): void {
    if (this.month.invalid) {
      this.month.markAsTouched();
      return;
    }
    this.window?.open(addressOf(adminCommerceInvoice, { centreId: this.account.centre.id, month: this.month.value }), '_blank', 'noopener');
    this.dialogRef.close();
  }
}
