import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { AdminProduct, DOCUMENT_TYPE_LABELS, DuplicateReason } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Observable } from 'rxjs';
import { adminCommerceProducts, adminCommerceReasons, Api } from '@achievement/web-api';
import { ProductDialogComponent, ProductDialogData } from './product-dialog.component';
import { ReasonDialogComponent, ReasonDialogData } from './reason-dialog.component';
import { apiErrorMessage, formatPence } from '@achievement/web';

/** A list loaded whole (products, reasons): its rows, loading and the error. */
class WholeList<T> {
  readonly items = signal<T[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly fetch: () => Observable<T[]>,
    private readonly failure: string,
  ) {}

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.fetch().subscribe({
      next: (items) => {
        this.items.set(items);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, this.failure));
        this.loading.set(false);
      },
    });
  }

  /** Puts a saved row in place of the one with its id, or at the end. */
  put(saved: T, sameAs: (a: T, b: T) => boolean): void {
    this.items.update((items) => (items.some((item) => sameAs(item, saved)) ? items.map((item) => (sameAs(item, saved) ? saved : item)) : [...items, saved]));
  }
}

/** The Store's products (price, documents they apply to, on sale or not) and the reasons for a duplicate. */
@Component({
  selector: 'adm-products-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTabsModule],
  templateUrl: './products-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .tab {
      padding-top: 16px;
    }
    .heading__actions {
      margin-bottom: 8px;
    }
    .plain {
      border-collapse: collapse;
      th,
      td {
        padding: 8px 12px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .block {
      display: block;
    }
    .strong {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductsPageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly money = formatPence;
  readonly products = new WholeList<AdminProduct>(() => this.api.invoke(adminCommerceProducts), 'The products could not be loaded.');
  readonly reasons = new WholeList<DuplicateReason>(() => this.api.invoke(adminCommerceReasons), 'The reasons could not be loaded.');

  ngOnInit(): void {
    this.products.load();
    this.reasons.load();
  }

  typesOf(product: AdminProduct): string {
    return product.documentTypes.map((type) => DOCUMENT_TYPE_LABELS[type]).join(', ');
  }

  editProduct(product?: AdminProduct): void {
    this.dialog
      .open<ProductDialogComponent, ProductDialogData, AdminProduct>(ProductDialogComponent, { data: { product }, width: '560px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.products.put(saved, (a, b) => a.id === b.id);
        this.snackBar.open(product ? `${saved.name} saved.` : `${saved.name} added.`, 'Close', { duration: 5000 });
      });
  }

  editReason(reason?: DuplicateReason): void {
    this.dialog
      .open<ReasonDialogComponent, ReasonDialogData, DuplicateReason>(ReasonDialogComponent, { data: { reason }, width: '480px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.reasons.put(saved, (a, b) => a.id === b.id);
        this.snackBar.open(reason ? `Reason “${saved.label}” saved.` : `Reason “${saved.label}” added.`, 'Close', { duration: 5000 });
      });
  }
}
