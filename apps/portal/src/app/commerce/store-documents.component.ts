import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { DOCUMENT_TYPE_LABELS, DuplicateReason, Product, StoreDocument } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { firstValueFrom, Subscription } from 'rxjs';
import { DOCUMENT_STATUS_LABELS } from '../documents/document-status';
import { BasketStore } from './basket.store';
import { Api, storeAdd, storeDocuments } from '@achievement/web-api';
import { apiErrorCode, apiErrorMessage, CalendarDatePipe } from '@achievement/web';

/**
 * The Store's last step: the learner's documents the chosen product applies to (a learner's own
 * when `learnerId` is null), each ticked with the reason for the duplicate, and Add to Basket.
 * Loads again whenever the product or the learner changes.
 */
@Component({
  selector: 'ap-store-documents',
  imports: [
    CalendarDatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  templateUrl: './store-documents.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss', './store-documents.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoreDocumentsComponent {
  private readonly api = inject(Api);
  private readonly basket = inject(BasketStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private documentsRequest?: Subscription;

  readonly product = input.required<Product>();
  /** Whose documents (centre staff chose the learner); null: the signed-in learner's own. */
  readonly learnerId = input.required<number | null>();
  readonly reasons = input.required<DuplicateReason[]>();

  readonly columns = ['select', 'document', 'qualification', 'awardDate', 'state'];
  readonly documents = signal<StoreDocument[]>([]);
  readonly loadingDocuments = signal(false);
  readonly documentsLoaded = signal(false);
  readonly documentsError = signal<string | null>(null);
  /** The ticked documents (by id), each with its reason. */
  readonly ticked = signal<ReadonlyMap<number, FormControl<number | null>>>(new Map());
  readonly tickedCount = computed(() => this.ticked().size);
  readonly adding = signal(false);
  readonly addError = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.product();
      this.learnerId();
      untracked(() => this.load());
    });
    inject(DestroyRef).onDestroy(() => this.documentsRequest?.unsubscribe());
  }

  /** Loads (again: Retry, and after a conflict) the learner's documents the product applies to. */
  load(): void {
    const product = this.product();
    const learnerId = this.learnerId();
    this.documentsRequest?.unsubscribe();
    this.loadingDocuments.set(true);
    this.documentsError.set(null);
    this.documentsRequest = this.api.invoke(storeDocuments, { productId: product.id, learnerId: learnerId ?? undefined }).subscribe({
      next: (documents) => {
        this.documents.set(documents);
        this.ticked.set(new Map());
        this.documentsLoaded.set(true);
        this.loadingDocuments.set(false);
      },
      error: (error: unknown) => {
        this.documentsError.set(apiErrorMessage(error, 'The documents could not be loaded.'));
        this.loadingDocuments.set(false);
      },
    });
  }

  typeLabel(document: StoreDocument): string {
    return DOCUMENT_TYPE_LABELS[document.type];
  }

  statusLabel(document: StoreDocument): string {
    return DOCUMENT_STATUS_LABELS[document.status];
  }

  canOrder(document: StoreDocument): boolean {
    return !document.inBasket && document.status === 'valid';
  }

  isTicked(document: StoreDocument): boolean {
    return this.ticked().has(document.id);
  }

  reasonControl(document: StoreDocument): FormControl<number | null> | undefined {
    return this.ticked().get(document.id);
  }

  tick(document: StoreDocument, checked: boolean): void {
    this.addError.set(null);
    const next = new Map(this.ticked());
    if (checked && this.canOrder(document)) {
      next.set(document.id, new FormControl<number | null>(null, Validators.required));
    } else {
      next.delete(document.id);
    }
    this.ticked.set(next);
  }

  async addToBasket(): Promise<void> {
    const product = this.product();
    if (this.adding()) return;
    const ticked = [...this.ticked().entries()];
    if (ticked.length === 0) {
      this.addError.set('Tick the documents to order.');
      return;
    }
    ticked.forEach(([, control]) => control.markAsTouched());
    if (ticked.some(([, control]) => control.invalid)) {
      this.addError.set('Choose the reason for the duplicate of each ticked document.');
      return;
    }
    this.adding.set(true);
    this.addError.set(null);
    try {
      const basket = await firstValueFrom(
        this.api.invoke(storeAdd, {
          body: {
            productId: product.id,
            items: ticked.map(([documentId, control]) => ({
              documentId,
              reasonId: control.value!,
            })),
          },
        }),
      );
      this.basket.set(basket);
      const added = new Set(ticked.map(([documentId]) => documentId));
      this.documents.update((documents) => documents.map((d) => (added.has(d.id) ? { ...d, inBasket: true } : d)));
      this.ticked.set(new Map());
      const what = added.size === 1 ? '1 document' : `${added.size} documents`;
      this.snackBar
        .open(`Added ${what} to your basket`, 'View basket', { duration: 8000 })
        .onAction()
        .subscribe(() => void this.router.navigateByUrl('/basket'));
    } catch (error) {
      this.addError.set(apiErrorMessage(error, 'The documents could not be added to your basket. Try again in a moment.'));
      if (apiErrorCode(error) === 'ALREADY_IN_BASKET') {
        // Someone (another tab) put one of them in the basket: show where things stand.
        this.load();
        void this.basket.refresh();
      }
    } finally {
      this.adding.set(false);
    }
  }
}
