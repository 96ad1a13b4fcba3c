import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ComponentType } from '@angular/cdk/portal';
import { CreditAccount } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { CommerceAdminApiService } from './commerce-admin-api.service';
import { CreditAccountDialogComponent, CreditAccountDialogData } from './credit-account-dialog.component';
import { CreditLedgerDialogComponent } from './credit-ledger-dialog.component';
import { CreditPaymentDialogComponent } from './credit-payment-dialog.component';
import { InvoiceDialogComponent } from './invoice-dialog.component';
import { apiErrorMessage, formatPence } from '@achievement/web';

/** Centres' credit accounts: limit, what they owe, open or not; payments received, the ledger, monthly invoices. */
@Component({
  selector: 'adm-credit-accounts-page',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatProgressBarModule],
  template: `
    <section class="page" data-testid="credit-accounts" aria-labelledby="credit-title">
      <div class="heading">
        <h1 id="credit-title">Credit accounts</h1>
        <div class="heading__actions">
          <button mat-stroked-button type="button" [disabled]="loading()" (click)="load()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Refresh
          </button>
          <button mat-flat-button type="button" (click)="openAccount()">
            <mat-icon aria-hidden="true" svgIcon="add"></mat-icon>
            Open an account
          </button>
        </div>
      </div>
      <p class="muted">Centres with an open account may pay for orders with centre credits; they are invoiced monthly.</p>

      <div class="progress" aria-live="polite">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading credit accounts" />
        }
      </div>
      @if (error(); as message) {
        <div class="error" role="alert" data-testid="credit-accounts-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="load()">Retry</button>
        </div>
      }
      @if (loaded() && accounts().length === 0 && !error()) {
        <p class="empty" data-testid="credit-accounts-empty">No centre has a credit account yet.</p>
      }
      @if (accounts().length > 0) {
        <div class="table-wrap">
          <table class="plain stack-on-phone">
            <caption class="cdk-visually-hidden">
              Credit accounts of centres
            </caption>
            <thead>
              <tr>
                <th scope="col">Centre</th>
                <th scope="col" class="number">Limit</th>
                <th scope="col" class="number">Owed</th>
                <th scope="col">Open</th>
                <th scope="col">
                  <span class="cdk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (a of accounts(); track a.centre.id) {
                <tr data-testid="credit-account-row">
                  <td>
                    <span class="strong">{{ a.centre.number }}</span>
                    {{ a.centre.name }}
                  </td>
                  <td class="number" data-label="Limit" data-testid="credit-limit">
                    {{ money(a.limitPence) }}
                  </td>
                  <td class="number" data-label="Owed" data-testid="credit-owed">
                    {{ money(a.owedPence) }}
                  </td>
                  <td data-label="Open" data-testid="credit-open">
                    {{ a.open ? 'Open' : 'Closed' }}
                  </td>
                  <td class="row-actions">
                    <button mat-stroked-button type="button" (click)="edit(a)" [attr.aria-label]="'Edit the account of ' + a.centre.number">Edit</button>
                    <button mat-icon-button type="button" [matMenuTriggerFor]="more" [attr.aria-label]="'More for ' + a.centre.number">
                      <mat-icon aria-hidden="true" svgIcon="more_vert"></mat-icon>
                    </button>
                    <mat-menu #more="matMenu">
                      <button mat-menu-item type="button" (click)="recordPayment(a)">Record a payment</button>
                      <button mat-menu-item type="button" (click)="ledger(a)">View the ledger</button>
                      <button mat-menu-item type="button" (click)="invoice(a)">Monthly invoice</button>
                    </mat-menu>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
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
  private readonly api = inject(CommerceAdminApiService);
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
    this.api.listCreditAccounts().subscribe({
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
