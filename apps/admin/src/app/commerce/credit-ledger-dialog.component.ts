import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { CreditAccount, CreditLedgerEntry } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { adminCommerceLedger, Api } from '@achievement/web-api';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage, formatPence } from '@achievement/web';

const KIND_LABELS: Record<CreditLedgerEntry['kind'], string> = {
  order: 'Order',
  payment: 'Payment',
  cancellation: 'Cancellation',
  adjustment: 'Adjustment',
};

/** A centre's credit ledger, newest first: orders, payments, cancellations, and what it owed after each. */
@Component({
  selector: 'adm-credit-ledger-dialog',
  imports: [BodyTimePipe, MatButtonModule, MatDialogModule, MatProgressBarModule],
  templateUrl: './credit-ledger-dialog.component.html',
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
      th,
      td {
        padding: 6px 10px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
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
export class CreditLedgerDialogComponent implements OnInit {
  private readonly api = inject(Api);
  readonly account = inject<CreditAccount>(MAT_DIALOG_DATA);

  readonly money = formatPence;
  readonly entries = signal<CreditLedgerEntry[] | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.invoke(adminCommerceLedger, { centreId: this.account.centre.id }).subscribe({
      next: (entries) => {
        this.entries.set(entries);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The ledger could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  kind(entry: CreditLedgerEntry): string {
    return KIND_LABELS[entry.kind];
  }

  signed(pence: number): string {
    return pence < 0 ? `−${formatPence(-pence)}` : `+${formatPence(pence)}`;
  }
}
