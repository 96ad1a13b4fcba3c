import { PortalIcon } from '../icons';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, numberAttribute, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ORDER_STATUS_LABELS, OrderDetail, OrderStatus, PostalAddress } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { BasketStore } from './basket.store';
import { CommerceApiService } from './commerce-api.service';
import { GatewayRedirect } from './gateway-redirect.service';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { PAYMENT_METHOD_LABELS } from './orders-page.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiErrorMessage, apiStatus, PencePipe } from '@achievement/web';

/** The outcomes the API's gateway return sends the browser back with (?payment=…). */
export type PaymentOutcome = 'paid' | 'declined' | 'failed' | 'cancelled' | 'checking';

export const PAYMENT_OUTCOME_MESSAGES: Record<PaymentOutcome, string> = {
  paid: 'Payment received, thank you. Your order is placed and we have emailed you a confirmation.',
  declined: 'Your card was declined, so no money was taken. Your order is kept: you can pay it again with the same card or another one.',
  failed: 'The payment could not be taken because of a problem at the card payment service, so no money was taken. Your order is kept: you can pay it again.',
  cancelled: 'You cancelled the payment, so no money was taken. Your order is kept: you can pay it when you are ready.',
  checking:
    'We are checking your payment with the card gateway. This usually takes a minute or two: refresh this page to see the result, and please do not pay again meanwhile.',
};

/** The icon beside each outcome's words. */
const PAYMENT_OUTCOME_ICONS: Record<PaymentOutcome, PortalIcon> = {
  paid: 'check_circle',
  declined: 'error',
  failed: 'error',
  cancelled: 'error',
  checking: 'hourglass_top',
};

/** One order: its lines, delivery, addresses, totals, tracking reference and history; after the gateway, how the payment went. */
@Component({
  selector: 'ap-order-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, PencePipe, OrderStatusChipComponent],
  template: `
    <section class="page order-page" data-testid="order" aria-labelledby="order-title">
      <a mat-button routerLink="/orders" class="back">
        <mat-icon aria-hidden="true" svgIcon="arrow_back"></mat-icon>
        Orders
      </a>

      @if (outcome(); as outcome) {
        <div class="banner banner--{{ outcome === 'paid' ? 'ok' : 'problem' }}" role="status" data-testid="payment-banner">
          <mat-icon aria-hidden="true" [svgIcon]="outcomeIcons[outcome]"></mat-icon>
          <p>{{ outcomeMessages[outcome] }}</p>
        </div>
      }

      @if (order(); as awaiting) {
        @if (awaiting.status === 'awaiting_payment' && awaiting.paymentMethod === 'card' && outcome() !== 'checking') {
          <div class="banner banner--problem" data-testid="awaiting-payment">
            <mat-icon aria-hidden="true" svgIcon="credit_card"></mat-icon>
            <p>
              This order is waiting for its card payment.
              @if (awaiting.paymentDueAt) {
                Pay by <time [attr.datetime]="awaiting.paymentDueAt">{{ awaiting.paymentDueAt | bodyDay: 'time' }}</time>; after that it expires (your basket
                keeps its items).
              }
            </p>
            <button mat-flat-button type="button" data-testid="pay-again" [disabled]="paying()" (click)="payAgain(awaiting.id)">Pay again</button>
          </div>
        }
        @if (awaiting.status === 'expired') {
          <div class="banner banner--problem" data-testid="order-expired">
            <mat-icon aria-hidden="true" svgIcon="schedule"></mat-icon>
            <p>This order was not paid in time and has expired; nothing was charged. Your basket keeps its items: check out again when you are ready.</p>
            <a mat-flat-button routerLink="/basket">Go to the basket</a>
          </div>
        }
      }

      <div class="progress" aria-live="polite">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the order" />
        }
      </div>
      @if (error(); as message) {
        <div class="error" role="alert" data-testid="order-error">
          <p>{{ message }}</p>
          @if (!notFound()) {
            <button mat-stroked-button type="button" (click)="load()">
              <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
              Retry
            </button>
          }
        </div>
      }

      @if (order(); as o) {
        <div class="heading">
          <h1 id="order-title">Order {{ o.number }}</h1>
          <ap-order-status-chip [status]="o.status" />
        </div>
        <dl class="facts">
          <dt>Placed</dt>
          <dd>
            <time [attr.datetime]="o.placedAt">{{ o.placedAt | bodyDay: 'time' }}</time>
            by {{ o.placedBy }}
          </dd>
          @if (o.centre) {
            <dt>Centre</dt>
            <dd>{{ o.centre.number }} {{ o.centre.name }}</dd>
          }
          <dt>Payment</dt>
          <dd>{{ paymentLabels[o.paymentMethod] }}</dd>
          @if (o.lastPayment; as p) {
            <dt>Last payment attempt</dt>
            <dd data-testid="last-payment">
              {{ p.detail }} (<time [attr.datetime]="p.at">{{ p.at | bodyDay: 'time' }}</time
              >)
            </dd>
          }
          <dt>Delivery</dt>
          <dd>{{ o.delivery.label }}</dd>
          <dt>Tracking reference</dt>
          <dd data-testid="tracking-reference">
            {{ o.trackingReference ?? 'Not dispatched yet' }}
          </dd>
        </dl>

        <h2>Items</h2>
        <div class="table-wrap">
          <table class="lines">
            <caption class="cdk-visually-hidden">
              The items of the order
            </caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Product</th>
                <th scope="col">Document</th>
                <th scope="col">Reason</th>
                <th scope="col" class="number">Copies</th>
                <th scope="col" class="number">Unit price</th>
                <th scope="col" class="number">Line total</th>
              </tr>
            </thead>
            <tbody>
              @for (line of o.lines; track $index) {
                <tr data-testid="order-line">
                  <td>{{ line.learnerName }}</td>
                  <td>{{ line.productName }}</td>
                  <td>
                    <span class="strong block">{{ line.documentNumber }}</span>
                    <span class="muted block">{{ line.qualificationTitle }}</span>
                  </td>
                  <td>{{ line.reason }}</td>
                  <td class="number">{{ line.quantity }}</td>
                  <td class="number">{{ line.unitNetPence | pence }}</td>
                  <td class="number">{{ line.line.grossPence | pence }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        <dl class="totals" data-testid="order-totals">
          <dt>Items (excluding VAT)</dt>
          <dd>{{ itemsNet() | pence }}</dd>
          <dt>{{ o.delivery.label }} (excluding VAT)</dt>
          <dd>{{ o.delivery.price.netPence | pence }}</dd>
          <dt>VAT</dt>
          <dd>{{ o.total.vatPence | pence }}</dd>
          <dt class="total">Total</dt>
          <dd class="total" data-testid="order-total">
            {{ o.total.grossPence | pence }}
          </dd>
        </dl>

        <div class="addresses">
          <section aria-labelledby="billing-title">
            <h2 id="billing-title">Billing address</h2>
            <address data-testid="billing-address">
              @for (line of addressLines(o.billingAddress); track $index) {
                <span class="block">{{ line }}</span>
              }
            </address>
          </section>
          <section aria-labelledby="delivery-title">
            <h2 id="delivery-title">Delivery address</h2>
            <address data-testid="delivery-address">
              @for (line of addressLines(o.deliveryAddress); track $index) {
                <span class="block">{{ line }}</span>
              }
            </address>
          </section>
        </div>

        <h2>History</h2>
        <ol class="history" data-testid="order-history">
          @for (entry of o.history; track $index) {
            <li>
              <time [attr.datetime]="entry.at">{{ entry.at | bodyDay: 'time' }}</time>
              <span class="strong"> {{ statusLabel(entry.status) }}</span>
              @if (entry.note) {
                <span class="muted"> — {{ entry.note }}</span>
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    .back {
      margin-bottom: 8px;
    }
    .heading {
      justify-content: flex-start;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: 4px;
      p {
        margin: 0;
        flex: 1 1 auto;
      }
    }
    .banner--ok {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .banner--problem {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
    .lines {
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
    .addresses {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 48px;
      address {
        font-style: normal;
      }
    }
    .history {
      padding-inline-start: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderPageComponent implements OnInit {
  private readonly api = inject(CommerceApiService);
  private readonly basket = inject(BasketStore);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly gateway = inject(GatewayRedirect);
  private request?: Subscription;
  readonly paying = signal(false);

  readonly paymentLabels = PAYMENT_METHOD_LABELS;
  readonly outcomeMessages = PAYMENT_OUTCOME_MESSAGES;
  readonly outcomeIcons = PAYMENT_OUTCOME_ICONS;
  readonly order = signal<OrderDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly notFound = signal(false);
  readonly outcome = signal<PaymentOutcome | null>(null);
  readonly itemsNet = computed(() => (this.order()?.lines ?? []).reduce((sum, line) => sum + line.line.netPence, 0));

  constructor() {
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.load());
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((query) => {
      const payment = query.get('payment');
      const outcome = payment && payment in PAYMENT_OUTCOME_MESSAGES ? (payment as PaymentOutcome) : null;
      this.outcome.set(outcome);
      if (outcome) {
        // A paid order emptied the basket; the icon says so.
        void this.basket.refresh();
      }
    });
  }

  /** A new card payment for this order: the browser goes to the gateway's card page. */
  payAgain(orderId: number): void {
    this.paying.set(true);
    this.error.set(null);
    this.api.payAgain(orderId).subscribe({
      next: (form) => this.gateway.post(form),
      error: (error: unknown) => {
        this.paying.set(false);
        this.error.set(apiErrorMessage(error, 'The payment could not be started. Try again.'));
      },
    });
  }

  load(): void {
    const id = numberAttribute(this.route.snapshot.paramMap.get('id'), NaN);
    this.request?.unsubscribe();
    this.error.set(null);
    this.notFound.set(false);
    if (!Number.isInteger(id) || id < 1) {
      this.notFound.set(true);
      this.error.set('There is no such order.');
      return;
    }
    this.loading.set(true);
    this.request = this.api.getOrder(id).subscribe({
      next: (order) => {
        this.order.set(order);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.notFound.set(apiStatus(error) === 404);
        this.error.set(apiStatus(error) === 404 ? 'There is no such order.' : apiErrorMessage(error, 'The order could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  statusLabel(status: OrderStatus): string {
    return ORDER_STATUS_LABELS[status];
  }

  addressLines(address: PostalAddress): string[] {
    return [address.name, address.line1, address.line2 ?? '', address.town, address.postcode, address.country].filter((line) => line.trim() !== '');
  }
}
