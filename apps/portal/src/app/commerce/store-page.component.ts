import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { DOCUMENT_TYPE_LABELS, DuplicateReason, Product, StoreDocument, StoreLearner } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Params, Router } from '@angular/router';
import { firstValueFrom, forkJoin, Subscription } from 'rxjs';
import { DOCUMENT_STATUS_LABELS } from '../documents/document-status';
import { SessionService } from '../session/session.service';
import { BasketStore } from './basket.store';
import { CommerceApiService } from './commerce-api.service';
import { apiErrorMessage, apiStatus, CalendarDatePipe, PencePipe } from '@achievement/web';

/**
 * The Store (centre staff and learners), as the Centre Portal guide orders it: choose a product,
 * then the learner (centre staff search their centre's learners; a learner is themselves), then
 * tick the learner's documents the product applies to, each with the reason for the duplicate,
 * and Add to Basket.
 *
 * Each step is in the address (`?product=1&q=smi&learner=501`), so Back goes back a step, a reload
 * stays where it was, and "Store" in the menu starts again. The page follows the address: the
 * buttons navigate, and `apply()` brings the page to what the address says.
 */
@Component({
  selector: 'ap-store-page',
  imports: [
    CalendarDatePipe,
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatListModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    PencePipe,
  ],
  templateUrl: './store-page.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    .products {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 16px;
    }
    .price {
      display: grid;
      grid-template-columns: auto auto;
      justify-content: start;
      gap: 2px 16px;
      dd {
        margin: 0;
        text-align: end;
      }
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .search {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      mat-form-field {
        width: 360px;
        max-width: 100%;
      }
    }
    .documents {
      min-width: 720px;
    }
    .reason {
      width: 240px;
      padding: 8px 0;
    }
    .tag {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .tag--off {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    tr.off td {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StorePageComponent implements OnInit {
  private readonly api = inject(CommerceApiService);
  private readonly basket = inject(BasketStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  private documentsRequest?: Subscription;
  private learnersRequest?: Subscription;
  /** What the address asks for; the page catches up with it in `apply()`. */
  protected step: StoreStep = { productId: null, q: null, learnerId: null };
  /** The search the learners shown answer (null: none asked). */
  private searched: string | null = null;
  /** The learners met in searches, to choose again from the address (Back, Forward). */
  private readonly known = new Map<number, StoreLearner>();

  readonly columns = ['select', 'document', 'qualification', 'awardDate', 'state'];
  readonly isLearner = computed(() => this.session.user()?.role === 'learner');

  readonly products = signal<Product[]>([]);
  readonly reasons = signal<DuplicateReason[]>([]);
  readonly loadingProducts = signal(false);
  readonly productsError = signal<string | null>(null);
  /** The products have been loaded at least once: until then the address waits to be applied. */
  private productsReady = false;
  readonly product = signal<Product | null>(null);

  query = '';
  readonly searchedFor = signal('');
  readonly learners = signal<StoreLearner[] | null>(null);
  readonly searching = signal(false);
  readonly learnersError = signal<string | null>(null);
  readonly learner = signal<StoreLearner | null>(null);

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
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.step = readStep(params);
      this.apply();
    });
    inject(DestroyRef).onDestroy(() => {
      this.documentsRequest?.unsubscribe();
      this.learnersRequest?.unsubscribe();
    });
  }

  ngOnInit(): void {
    this.loadProducts();
  }

  /** The products and the reasons for a duplicate, together. */
  loadProducts(): void {
    this.loadingProducts.set(true);
    this.productsError.set(null);
    forkJoin([this.api.listProducts(), this.api.listReasons()]).subscribe({
      next: ([products, reasons]) => {
        this.products.set(products);
        this.reasons.set(reasons.filter((reason) => reason.active));
        this.loadingProducts.set(false);
        this.productsReady = true;
        this.apply();
      },
      error: (error: unknown) => {
        this.productsError.set(apiErrorMessage(error, 'The products could not be loaded.'));
        this.loadingProducts.set(false);
      },
    });
  }

  chooseProduct(product: Product): void {
    this.go({ product: product.id });
  }

  changeProduct(): void {
    this.go({});
  }

  /** The search form: a new search is a step of its own; the same one again asks again. */
  search(): void {
    const product = this.product();
    if (!product) return;
    const q = this.query.trim();
    if (q === this.step.q && this.step.learnerId === null) {
      this.searchLearners(q);
    } else {
      this.go({ product: product.id, q });
    }
  }

  searchLearners(q: string): void {
    const product = this.product();
    if (!product) return;
    this.learnersRequest?.unsubscribe();
    this.searched = q;
    this.searching.set(true);
    this.learnersError.set(null);
    this.learnersRequest = this.api.searchLearners(q, product.id).subscribe({
      next: (learners) => {
        learners.forEach((learner) => this.known.set(learner.id, learner));
        this.searchedFor.set(q);
        this.learners.set(learners);
        this.searching.set(false);
        this.apply();
      },
      error: (error: unknown) => {
        this.learnersError.set(apiErrorMessage(error, 'The learners could not be searched.'));
        this.searching.set(false);
      },
    });
  }

  chooseLearner(learner: StoreLearner): void {
    this.known.set(learner.id, learner);
    this.go({ product: this.step.productId, q: this.step.q, learner: learner.id });
  }

  changeLearner(): void {
    this.go({ product: this.step.productId, q: this.step.q });
  }

  /** Brings the page to the step the address asks for, as far as what is loaded allows. */
  private apply(): void {
    if (!this.productsReady) return;
    const { productId, q, learnerId } = this.step;
    const product = productId === null ? null : (this.products().find((p) => p.id === productId) ?? null);
    if (productId !== null && !product) {
      // a product no longer on sale (an old link): start from the products
      this.go({}, true);
      return;
    }
    if (product?.id !== this.product()?.id) {
      this.product.set(product);
      this.resetLearner();
      if (product && this.isLearner()) this.loadDocuments();
    }
    if (!product || this.isLearner()) return;

    if (q === null) {
      if (this.searched !== null) this.resetLearner();
      return;
    }
    if (q !== this.searched) {
      this.resetLearner();
      this.query = q;
      this.searchLearners(q);
      return;
    }
    if (this.searching()) return;
    if (learnerId === null) {
      if (this.learner()) {
        this.learner.set(null);
        this.clearDocuments();
      }
      return;
    }
    if (learnerId === this.learner()?.id) return;
    const learner = this.known.get(learnerId);
    if (!learner) {
      // not among what the search found (it changed since): back to the search
      this.go({ product: product.id, q }, true);
      return;
    }
    this.learner.set(learner);
    this.loadDocuments();
  }

  private go(params: Params, replaceUrl = false): void {
    const queryParams = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null && value !== undefined));
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl });
  }

  loadDocuments(): void {
    const product = this.product();
    if (!product) return;
    const learnerId = this.isLearner() ? null : (this.learner()?.id ?? null);
    this.documentsRequest?.unsubscribe();
    this.loadingDocuments.set(true);
    this.documentsError.set(null);
    this.documentsRequest = this.api.listDocuments(product.id, learnerId).subscribe({
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
    if (!product || this.adding()) return;
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
        this.api.addToBasket({
          productId: product.id,
          items: ticked.map(([documentId, control]) => ({
            documentId,
            reasonId: control.value!,
          })),
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
      if (apiStatus(error) === 409) {
        // Someone (another tab) put one of them in the basket: show where things stand.
        this.loadDocuments();
        void this.basket.refresh();
      }
    } finally {
      this.adding.set(false);
    }
  }

  private resetLearner(): void {
    this.learnersRequest?.unsubscribe();
    this.searched = null;
    this.query = '';
    this.searchedFor.set('');
    this.learners.set(null);
    this.learnersError.set(null);
    this.searching.set(false);
    this.learner.set(null);
    this.clearDocuments();
  }

  private clearDocuments(): void {
    this.documentsRequest?.unsubscribe();
    this.documents.set([]);
    this.documentsLoaded.set(false);
    this.documentsError.set(null);
    this.loadingDocuments.set(false);
    this.ticked.set(new Map());
    this.addError.set(null);
  }
}

/** The Store's step, as the address holds it. */
interface StoreStep {
  productId: number | null;
  /** The learner search (centre staff); '' searches for every learner. */
  q: string | null;
  learnerId: number | null;
}

function readStep(params: ParamMap): StoreStep {
  const id = (name: string): number | null => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  return { productId: id('product'), q: params.get('q'), learnerId: id('learner') };
}
