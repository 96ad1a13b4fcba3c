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
import { Api, storeDetail, storePayAgain } from '@achievement/web-api';
import { GatewayRedirect } from './gateway-redirect.service';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { PAYMENT_METHOD_LABELS } from './orders-page.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiErrorCode, apiErrorMessage, PencePipe } from '@achievement/web';

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
  templateUrl: './order-page.component.html',
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
  private readonly api = inject(Api);
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
    this.api.invoke(storePayAgain, { id: orderId }).subscribe({
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
    this.request = this.api.invoke(storeDetail, { id }).subscribe({
      next: (order) => {
        this.order.set(order);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.notFound.set(apiErrorCode(error) === 'ORDER_NOT_FOUND');
        this.error.set(apiErrorCode(error) === 'ORDER_NOT_FOUND' ? 'There is no such order.' : apiErrorMessage(error, 'The order could not be loaded.'));
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
