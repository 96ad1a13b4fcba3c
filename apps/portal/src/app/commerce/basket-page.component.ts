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
import { CommerceApiService } from './commerce-api.service';
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
  template: `
    <section class="page basket-page" data-testid="basket" aria-labelledby="basket-title">
      <div class="heading">
        <h1 id="basket-title">Basket</h1>
      </div>

      <div class="progress" aria-live="polite">
        @if (loading() || busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="loading() ? 'Loading your basket' : 'Updating your basket'" />
        }
      </div>
      @if (loadError(); as message) {
        <div class="error" role="alert" data-testid="basket-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="load()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }
      @if (changeError(); as message) {
        <p class="failure" role="alert" data-testid="basket-change-error">
          {{ message }}
        </p>
      }

      @if (basket(); as b) {
        @if (b.items.length === 0) {
          <div class="empty" data-testid="basket-empty">
            <p>Your basket is empty.</p>
            <a mat-flat-button routerLink="/store">Go to the Store</a>
          </div>
        } @else {
          @for (group of groups(); track group.learner.id) {
            <section class="group" [attr.aria-labelledby]="'learner-' + group.learner.id" data-testid="basket-group">
              <h2 [id]="'learner-' + group.learner.id">
                {{ group.learner.name }}
                <span class="muted">· {{ group.learner.enrolmentNumber }}</span>
              </h2>
              <div class="table-wrap">
                <table class="items stack-on-phone">
                  <caption class="cdk-visually-hidden">
                    Items for
                    {{
                      group.learner.name
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Product</th>
                      <th scope="col">Document</th>
                      <th scope="col">Reason</th>
                      <th scope="col">Copies</th>
                      <th scope="col" class="number">Line total</th>
                      <th scope="col">
                        <span class="cdk-visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (item of group.items; track item.id) {
                      <tr data-testid="basket-item">
                        <td data-label="Product" data-testid="item-product">
                          {{ item.product.name }}
                        </td>
                        <td>
                          <span class="strong block" data-testid="item-document">{{ item.document.documentNumber }}</span>
                          <span class="muted block">{{ item.document.qualificationTitle }}</span>
                        </td>
                        <td>
                          <mat-form-field subscriptSizing="dynamic" class="reason">
                            <mat-label>Reason</mat-label>
                            <mat-select
                              #reasonSelect
                              [value]="item.reason.id"
                              (valueChange)="change(item, { reasonId: $event }, reasonSelect)"
                              [disabled]="busy()"
                              [aria-label]="'Reason for ' + item.document.documentNumber"
                              data-testid="item-reason"
                            >
                              @for (r of reasonsFor(item); track r.id) {
                                <mat-option [value]="r.id">{{ r.label }}</mat-option>
                              }
                            </mat-select>
                          </mat-form-field>
                        </td>
                        <td>
                          <mat-form-field subscriptSizing="dynamic" class="quantity">
                            <mat-label>Copies</mat-label>
                            <mat-select
                              #quantitySelect
                              [value]="item.quantity"
                              (valueChange)="change(item, { quantity: $event }, quantitySelect)"
                              [disabled]="busy()"
                              [aria-label]="'Copies of ' + item.document.documentNumber"
                              data-testid="item-quantity"
                            >
                              @for (n of quantities; track n) {
                                <mat-option [value]="n">{{ n }}</mat-option>
                              }
                            </mat-select>
                          </mat-form-field>
                        </td>
                        <td class="number" data-label="Line total" data-testid="item-line">
                          {{ item.line.grossPence | pence }}
                        </td>
                        <td class="number actions">
                          <button
                            mat-icon-button
                            type="button"
                            [disabled]="busy()"
                            (click)="remove(item)"
                            [attr.aria-label]="'Remove ' + item.document.documentNumber + ' from the basket'"
                            data-testid="item-remove"
                          >
                            <mat-icon aria-hidden="true" svgIcon="delete"></mat-icon>
                          </button>
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </section>
          }

          <dl class="totals" data-testid="basket-totals">
            <dt>Subtotal (excluding VAT)</dt>
            <dd data-testid="subtotal-net">
              {{ b.subtotal.netPence | pence }}
            </dd>
            <dt>VAT</dt>
            <dd data-testid="subtotal-vat">
              {{ b.subtotal.vatPence | pence }}
            </dd>
            <dt class="total">Total</dt>
            <dd class="total" data-testid="subtotal-total">
              {{ b.subtotal.grossPence | pence }}
            </dd>
          </dl>
          <p class="muted note">Delivery is added at checkout.</p>
        }
        <div class="actions">
          <a mat-stroked-button routerLink="/store">Continue shopping</a>
          @if (b.items.length > 0) {
            <a mat-flat-button routerLink="/checkout" data-testid="checkout">
              <mat-icon aria-hidden="true" svgIcon="shopping_cart_checkout"></mat-icon>
              Checkout
            </a>
          }
        </div>
      }
    </section>
  `,
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
  private readonly api = inject(CommerceApiService);
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
    forkJoin([this.api.getBasket(), this.api.listReasons()]).subscribe({
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
    await this.run(this.api.updateBasketItem(item.id, changes), 'The item could not be changed.', revert, () => {
      if (changes.quantity !== undefined) {
        return `${item.document.documentNumber}: ${changes.quantity} ${changes.quantity === 1 ? 'copy' : 'copies'}`;
      }
      return `${item.document.documentNumber}: reason changed`;
    });
  }

  async remove(item: BasketItem): Promise<void> {
    await this.run(
      this.api.removeBasketItem(item.id),
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
