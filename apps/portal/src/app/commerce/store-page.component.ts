import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { DuplicateReason, Product, StoreLearner } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, ParamMap, Params, Router } from '@angular/router';
import { forkJoin, Subscription } from 'rxjs';
import { SessionService } from '../session/session.service';
import { BasketStore } from './basket.store';
import { Api, storeLearners, storeProducts, storeReasons } from '@achievement/web-api';
import { apiErrorMessage, PencePipe } from '@achievement/web';
import { StoreDocumentsComponent } from './store-documents.component';

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
    StoreDocumentsComponent,
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatListModule,
    MatProgressBarModule,
    PencePipe,
  ],
  templateUrl: './store-page.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss', './store-page.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StorePageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly basket = inject(BasketStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  private learnersRequest?: Subscription;
  /** What the address asks for; the page catches up with it in `apply()`. */
  protected step: StoreStep = { productId: null, q: null, learnerId: null };
  /** The search the learners shown answer (null: none asked). */
  private searched: string | null = null;
  /** The learners met in searches, to choose again from the address (Back, Forward). */
  private readonly known = new Map<number, StoreLearner>();

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

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.step = readStep(params);
      this.apply();
    });
    inject(DestroyRef).onDestroy(() => {
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
    forkJoin([this.api.invoke(storeProducts), this.api.invoke(storeReasons)]).subscribe({
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
    this.learnersRequest = this.api.invoke(storeLearners, { productId: product.id, q }).subscribe({
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
      this.learner.set(null);
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
  }

  private go(params: Params, replaceUrl = false): void {
    const queryParams = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null && value !== undefined));
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl });
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
