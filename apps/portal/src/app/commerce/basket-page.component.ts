import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { Basket, BasketItem, DuplicateReason, UpdateBasketItemRequest } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelect, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom, forkJoin, Observable } from 'rxjs';
import { BasketStore } from './basket.store';
import { Api, storeGetBasket, storeReasons, storeRemove, storeUpdate } from '@achievement/web-api';
import { apiErrorMessage, PencePipe } from '@achievement/web';

/** The most copies of one document in one order. */
export const MAX_QUANTITY = 10;

interface LearnerGroup {
  learner: BasketItem['learner'];
  items: BasketItem[];
}

/** The basket: its items grouped by learner, with the reason and number of copies to change, and the subtotal. */
@Component({
  selector: 'ap-basket-page',
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, PencePipe],
  templateUrl: './basket-page.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    .items {
      width: 100%;
      min-width: 760px;
      border-collapse: collapse;
      th,
      td {
        padding: 8px 12px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .number {
        text-align: end;
      }
    }
    .reason {
      width: 220px;
    }
    .quantity {
      // wide enough for its label: at 96px "Copies" showed as "Copi"
      width: 120px;
    }
    .note {
      text-align: end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BasketPageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly store = inject(BasketStore);
  private readonly snackBar = inject(MatSnackBar);

  readonly quantities = Array.from({ length: MAX_QUANTITY }, (_, i) => i + 1);
  readonly basket = signal<Basket | null>(null);
  readonly reasons = signal<DuplicateReason[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly busy = signal(false);
  readonly changeError = signal<string | null>(null);

  /** Items grouped by learner, in the order the learners first appear. */
  readonly groups = computed<LearnerGroup[]>(() => {
    const groups = new Map<number, LearnerGroup>();
    for (const item of this.basket()?.items ?? []) {
      const group = groups.get(item.learner.id) ?? {
        learner: item.learner,
        items: [],
      };
      group.items.push(item);
      groups.set(item.learner.id, group);
    }
    return [...groups.values()];
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    forkJoin([this.api.invoke(storeGetBasket), this.api.invoke(storeReasons)]).subscribe({
      next: ([basket, reasons]) => {
        this.show(basket);
        this.reasons.set(reasons);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(apiErrorMessage(error, 'Your basket could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  /** The active reasons, and the item's own even if it was retired since. */
  reasonsFor(item: BasketItem): DuplicateReason[] {
    const active = this.reasons().filter((reason) => reason.active);
    return active.some((reason) => reason.id === item.reason.id) ? active : [{ ...item.reason, active: false }, ...active];
  }

  async change(item: BasketItem, changes: UpdateBasketItemRequest, select?: MatSelect): Promise<void> {
    if (changes.reasonId === item.reason.id || changes.quantity === item.quantity) return;
    const revert = () => select && (select.value = changes.quantity !== undefined ? item.quantity : item.reason.id);
    await this.run(this.api.invoke(storeUpdate, { id: item.id, body: changes }), 'The item could not be changed.', revert, () => {
      if (changes.quantity !== undefined) {
        return `${item.document.documentNumber}: ${changes.quantity} ${changes.quantity === 1 ? 'copy' : 'copies'}`;
      }
      return `${item.document.documentNumber}: reason changed`;
    });
  }

  async remove(item: BasketItem): Promise<void> {
    await this.run(
      this.api.invoke(storeRemove, { id: item.id }),
      'The item could not be removed.',
      () => undefined,
      () => `Removed ${item.product.name} of ${item.document.documentNumber} from your basket`,
    );
  }

  private async run(call: Observable<Basket>, failure: string, revert: () => unknown, done: () => string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.changeError.set(null);
    try {
      this.show(await firstValueFrom(call));
      this.snackBar.open(done(), 'Close', { duration: 5000 });
    } catch (error) {
      this.changeError.set(apiErrorMessage(error, failure));
      // The select goes back to what the basket still has.
      revert();
    } finally {
      this.busy.set(false);
    }
  }

  private show(basket: Basket): void {
    this.basket.set(basket);
    this.store.set(basket);
  }
}
