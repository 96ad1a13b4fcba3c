import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ComponentType } from '@angular/cdk/portal';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { adminCommerceCreditAccounts, Api } from '@achievement/web-api';
import { CreditAccountDialogComponent, CreditAccountDialogData } from './credit-account-dialog.component';
import { CreditLedgerDialogComponent } from './credit-ledger-dialog.component';
import { CreditPaymentDialogComponent } from './credit-payment-dialog.component';
import { InvoiceDialogComponent } from './invoice-dialog.component';
import { apiErrorMessage, formatPence } from '@achievement/web';

/** Centres' credit accounts: limit, what they owe, open or not; payments received, the ledger, monthly invoices. */
@Component({
  selector: 'adm-credit-accounts-page',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatProgressBarModule],
  templateUrl: './credit-accounts-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .plain {
      border-collapse: collapse;
      th,
      td {
        padding: 8px 12px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    }
    .row-actions {
      white-space: nowrap;
    }
    .strong {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreditAccountsPageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly money = formatPence;
  readonly accounts = signal<CreditAccount[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.invoke(adminCommerceCreditAccounts).subscribe({
      next: (accounts) => {
        this.accounts.set(accounts);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The credit accounts could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  openAccount(): void {
    this.afterSave(
      this.open<CreditAccountDialogComponent, CreditAccountDialogData>(CreditAccountDialogComponent, {}),
      (a) => `Credit account of ${a.centre.number} saved.`,
    );
  }

  edit(account: CreditAccount): void {
    this.afterSave(
      this.open<CreditAccountDialogComponent, CreditAccountDialogData>(CreditAccountDialogComponent, { account }),
      (a) => `Credit account of ${a.centre.number} saved.`,
    );
  }

  recordPayment(account: CreditAccount): void {
    this.afterSave(
      this.open<CreditPaymentDialogComponent, CreditAccount>(CreditPaymentDialogComponent, account),
      (a) => `Payment recorded: ${a.centre.number} now owes ${formatPence(a.owedPence)}.`,
    );
  }

  ledger(account: CreditAccount): void {
    this.open(CreditLedgerDialogComponent, account, '720px');
  }

  invoice(account: CreditAccount): void {
    this.open(InvoiceDialogComponent, account, '420px');
  }

  private open<C, D>(component: ComponentType<C>, data: D, width = '480px'): MatDialogRef<C, CreditAccount> {
    return this.dialog.open<C, D, CreditAccount>(component, { data, width });
  }

  private afterSave<C>(ref: MatDialogRef<C, CreditAccount>, message: (account: CreditAccount) => string): void {
    ref.afterClosed().subscribe((saved: CreditAccount | undefined) => {
      if (!saved) return;
      this.accounts.update((accounts) =>
        accounts.some((a) => a.centre.id === saved.centre.id) ? accounts.map((a) => (a.centre.id === saved.centre.id ? saved : a)) : [...accounts, saved],
      );
      this.snackBar.open(message(saved), 'Close', { duration: 6000 });
    });
  }
}
