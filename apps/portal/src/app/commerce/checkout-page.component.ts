import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Basket, CheckoutDefaults, DeliveryMethod, deliveryProblem, isUkPostalCountry, Money, PaymentMethod, PlaceOrderRequest } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom, forkJoin, startWith } from 'rxjs';
import { BasketStore } from './basket.store';
import { Api, storeCheckout, storeGetBasket, storePlace } from '@achievement/web-api';
import { GatewayRedirect } from './gateway-redirect.service';
import { PostalAddressFieldsComponent } from '@achievement/web-material';
import { fillPostalAddress, postalAddressForm, postalAddressOf } from './postal-address-form';
import { apiErrorMessage, PencePipe, showServerFieldErrors } from '@achievement/web';

/** The request's address fields → the form's controls, for the API's fieldErrors. */
const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'town', 'postcode', 'country'];
const SERVER_FIELDS: Record<string, string> = Object.fromEntries([
  ...ADDRESS_FIELDS.map((field) => [`billingAddress.${field}`, `billing.${field}`]),
  ...ADDRESS_FIELDS.map((field) => [`deliveryAddress.${field}`, `delivery.${field}`]),
]);

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Checkout: the billing address, the delivery address (or the same), the delivery method, and
 * payment by card (the gateway's hosted page) or, for a centre with an open credit account, on
 * the centre's credit. One idempotency key per visit of the page, so a double click places one order.
 */
@Component({
  selector: 'ap-checkout-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSlideToggleModule,
    PencePipe,
    PostalAddressFieldsComponent,
  ],
  templateUrl: './checkout-page.component.html',
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    fieldset {
      border: none;
      padding: 0;
      margin: 0 0 16px;
      max-width: 720px;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    legend {
      padding: 0;
      h2 {
        margin-bottom: 0;
      }
    }
    ap-postal-address-fields,
    [formGroupName] {
      width: 100%;
    }
    .radios {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .totals {
      max-width: 720px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckoutPageComponent implements OnInit {
  private readonly api = inject(Api);
  private readonly basketStore = inject(BasketStore);
  private readonly gateway = inject(GatewayRedirect);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  /** One per visit of the page: the same key twice places one order. */
  readonly idempotencyKey = newIdempotencyKey();

  readonly defaults = signal<CheckoutDefaults | null>(null);
  readonly basket = signal<Basket | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly submitting = signal(false);
  readonly payError = signal<string | null>(null);

  readonly form = new FormGroup({
    billing: postalAddressForm(),
    saveBillingToProfile: new FormControl(false, { nonNullable: true }),
    sameAsBilling: new FormControl(true, { nonNullable: true }),
    delivery: postalAddressForm(),
    saveDeliveryToProfile: new FormControl(false, { nonNullable: true }),
    deliveryMethod: new FormControl<DeliveryMethod | null>(null, Validators.required),
    paymentMethod: new FormControl<PaymentMethod>('card', {
      nonNullable: true,
    }),
  });

  readonly profileAddress = computed(() => this.defaults()?.profileAddress ?? null);
  readonly credit = computed(() => {
    const credit = this.defaults()?.centreCredit;
    return credit?.available ? credit : null;
  });
  readonly sameAsBilling = toSignal(this.form.controls.sameAsBilling.valueChanges.pipe(startWith(this.form.controls.sameAsBilling.value)), {
    requireSync: true,
  });
  private readonly billingCountry = toSignal(this.form.controls.billing.controls.country.valueChanges, {
    initialValue: this.form.controls.billing.controls.country.value,
  });
  private readonly otherDeliveryCountry = toSignal(this.form.controls.delivery.controls.country.valueChanges, {
    initialValue: this.form.controls.delivery.controls.country.value,
  });
  /** Where the order goes: the billing address's country unless another delivery address is given. */
  private readonly deliveryCountry = computed(() => (this.sameAsBilling() ? this.billingCountry() : this.otherDeliveryCountry()));
  readonly deliversInUk = computed(() => isUkPostalCountry(this.deliveryCountry()));
  /** The delivery options that go to the delivery address: UK ones at home, international abroad. */
  readonly deliveryOptions = computed(() =>
    (this.defaults()?.deliveryOptions ?? []).filter((option) => deliveryProblem(option.method, this.deliveryCountry()) === null),
  );
  private readonly deliveryMethod = toSignal(this.form.controls.deliveryMethod.valueChanges.pipe(startWith(null)), { requireSync: true });
  readonly deliveryPrice = computed<Money | null>(
    () => this.defaults()?.deliveryOptions.find((option) => option.method === this.deliveryMethod())?.price ?? null,
  );
  readonly total = computed<Money>(() => {
    const items = this.basket()?.subtotal ?? {
      netPence: 0,
      vatPence: 0,
      grossPence: 0,
    };
    const delivery = this.deliveryPrice() ?? {
      netPence: 0,
      vatPence: 0,
      grossPence: 0,
    };
    return {
      netPence: items.netPence + delivery.netPence,
      vatPence: items.vatPence + delivery.vatPence,
      grossPence: items.grossPence + delivery.grossPence,
    };
  });

  constructor() {
    // a method that does not go to the delivery address gives way to the first one that does
    effect(() => {
      const options = this.deliveryOptions();
      const method = this.form.controls.deliveryMethod;
      if (options.length > 0 && !options.some((option) => option.method === this.deliveryMethod())) method.setValue(options[0].method);
    });
    this.form.controls.delivery.disable();
    this.form.controls.sameAsBilling.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((same) => {
      if (same) {
        this.form.controls.delivery.disable();
      } else {
        this.form.controls.delivery.enable();
      }
    });
  }

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    forkJoin([this.api.invoke(storeCheckout), this.api.invoke(storeGetBasket)]).subscribe({
      next: ([defaults, basket]) => {
        this.defaults.set(defaults);
        this.basket.set(basket);
        this.basketStore.set(basket);
        if (defaults.profileAddress && this.form.controls.billing.pristine) {
          fillPostalAddress(this.form.controls.billing, defaults.profileAddress);
        }
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(apiErrorMessage(error, 'The checkout could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  useProfileAddress(which: 'billing' | 'delivery'): void {
    const address = this.profileAddress();
    if (address) {
      fillPostalAddress(this.form.controls[which], address);
    }
  }

  async pay(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.payError.set('Check the highlighted fields.');
      return;
    }
    const value = this.form.getRawValue();
    const billingAddress = postalAddressOf(this.form.controls.billing);
    const request: PlaceOrderRequest = {
      billingAddress,
      deliveryAddress: value.sameAsBilling ? billingAddress : postalAddressOf(this.form.controls.delivery),
      deliveryMethod: value.deliveryMethod!,
      paymentMethod: value.paymentMethod,
      saveBillingToProfile: value.saveBillingToProfile,
      saveDeliveryToProfile: !value.sameAsBilling && value.saveDeliveryToProfile,
      idempotencyKey: this.idempotencyKey,
    };
    this.submitting.set(true);
    this.payError.set(null);
    try {
      const placed = await firstValueFrom(this.api.invoke(storePlace, { body: request }));
      if (placed.payment) {
        // Off to the gateway's hosted card page; the page stays disabled until the browser leaves.
        this.gateway.post(placed.payment);
        return;
      }
      await this.basketStore.refresh();
      await this.router.navigate(['/orders', placed.order.id]);
      this.snackBar.open('Order placed: invoiced to your centre', 'Close', {
        duration: 8000,
      });
      this.submitting.set(false);
    } catch (error) {
      showServerFieldErrors(this.form, error, SERVER_FIELDS);
      this.payError.set(apiErrorMessage(error, 'The order could not be placed. Try again in a moment.'));
      this.submitting.set(false);
    }
  }
}
