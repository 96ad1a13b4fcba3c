import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CheckoutDefaults, PlaceOrderRequest } from '@achievement/contracts';
import { errorOf, field, settle, textOf, type } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { CheckoutPageComponent, newIdempotencyKey } from './checkout-page.component';
import { aBasket, aBasketItem, anOrderDetail, checkoutDefaults } from './commerce-fixtures';
import { GatewayRedirect } from './gateway-redirect.service';

const PROFILE_ADDRESS = {
  name: 'Carol Centre',
  line1: '1 College Road',
  line2: null,
  town: 'Leeds',
  postcode: 'LS1 1AA',
  country: 'GB',
};

describe('CheckoutPageComponent', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;
  let gateway: { post: ReturnType<typeof vi.fn> };

  beforeEach(async () => {
    gateway = { post: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(CENTRE_STAFF).provider,
        { provide: GatewayRedirect, useValue: gateway },
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/checkout', CheckoutPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function loaded(defaults: CheckoutDefaults = checkoutDefaults(), items = [aBasketItem(), aBasketItem({ id: 92 })]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/checkout' }).flush(defaults);
    backend.expectOne({ method: 'GET', url: '/api/basket' }).flush(aBasket(items));
    await settle(fixture);
  }

  const section = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
  const payButton = () => root.querySelector<HTMLButtonElement>('[data-testid="pay"]')!;
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  function fillBilling(): void {
    const billing = section('billing');
    type(billing, 'Name', 'Northfield College');
    type(billing, 'Address line 1', '1 College Road');
    type(billing, 'Town or city', 'Leeds');
    type(billing, 'Postcode', 'ls1 1aa');
  }

  /** Clicks Pay; the order request and its body. */
  async function pay(): Promise<{
    request: TestRequest;
    body: PlaceOrderRequest;
  }> {
    payButton().click();
    await settle(fixture);
    const request = backend.expectOne({ method: 'POST', url: '/api/orders' });
    return { request, body: request.request.body as PlaceOrderRequest };
  }

  it('fills the billing address from the profile, delivers to it by default, and adds the first delivery option to the totals', async () => {
    await loaded(checkoutDefaults({ profileAddress: PROFILE_ADDRESS }));
    expect(field(section('billing'), 'Name').value).toBe('Carol Centre');
    expect(field(section('billing'), 'Postcode').value).toBe('LS1 1AA');
    expect(section('delivery-address').querySelector('input[autocomplete*="shipping"]')).toBeNull();
    expect(Array.from(root.querySelectorAll('[data-testid="delivery-option"]')).map((o) => textOf(o))).toEqual([
      'Royal Mail 2nd class · £3.00',
      'Tracked 24 · £7.80',
    ]);
    // two items of £25.00 + £2.50 delivery; VAT 20 %
    expect(textOf(section('total-items'))).toBe('£50.00');
    expect(textOf(section('total-delivery'))).toBe('£2.50');
    expect(textOf(section('total-vat'))).toBe('£10.50');
    expect(textOf(section('total-total'))).toBe('£63.00');
    expect(root.querySelector('[data-testid="pay-by-credit"]')).toBeNull();

    const delivery = await loader().getHarness(
      MatRadioGroupHarness.with({
        selector: '[formControlName="deliveryMethod"]',
      }),
    );
    await delivery.checkRadioButton({ label: /Tracked 24/ });
    await settle(fixture);
    expect(textOf(section('total-total'))).toBe('£67.80');
  });

  it('says what is missing and places no order', async () => {
    await loaded();
    payButton().click();
    await settle(fixture);
    const billing = section('billing');
    expect(errorOf(billing, 'Name')).toBe('Enter the name');
    expect(errorOf(billing, 'Address line 1')).toBe('Enter the first line of the address');
    expect(errorOf(billing, 'Town or city')).toBe('Enter the town or city');
    expect(errorOf(billing, 'Postcode')).toBe('Enter the postcode');
    expect(textOf(section('pay-error'))).toBe('Check the highlighted fields.');

    type(billing, 'Postcode', '!!');
    await settle(fixture);
    expect(errorOf(billing, 'Postcode')).toBe('Enter a UK postcode, such as SW1A 1AA');
    backend.expectNone('/api/orders');
  });

  it("checks the postcode by the profile's rule for the chosen country, and delivers abroad by international delivery only", async () => {
    await loaded();
    fillBilling();
    const billing = section('billing');
    type(billing, 'Postcode', 'ZZZ');
    await settle(fixture);
    expect(errorOf(billing, 'Postcode')).toBe('Enter a UK postcode, such as SW1A 1AA');
    expect(root.querySelector('[data-testid="abroad-hint"]')).toBeNull();

    const country = await loader().getHarness(MatSelectHarness.with({ ancestor: '[data-testid="billing"]' }));
    await country.clickOptions({ text: 'France' });
    await settle(fixture);
    expect(errorOf(billing, 'Postcode')).toBeNull();
    expect(Array.from(root.querySelectorAll('[data-testid="delivery-option"]')).map((o) => textOf(o))).toEqual(['International tracked · £17.40']);
    expect(textOf(section('abroad-hint'))).toBe('The delivery address is outside the UK, so the order goes by international delivery.');
    expect(textOf(section('total-delivery'))).toBe('£14.50');

    type(billing, 'Postcode', 'ABCDE-12345');
    await settle(fixture);
    expect(errorOf(billing, 'Postcode')).toBe('Enter a postcode of 2 to 10 letters, digits, spaces or dashes');
    type(billing, 'Postcode', '75001');
    const { request, body } = await pay();
    expect(body).toMatchObject({ deliveryAddress: { postcode: '75001', country: 'FR' }, deliveryMethod: 'international' });
    request.flush({ order: anOrderDetail(), payment: { action: 'http://gateway', fields: {} } });
    await settle(fixture);
  });

  it('pays by card: posts the order with one idempotency key, then sends the browser to the gateway with its form', async () => {
    await loaded();
    fillBilling();
    const { request, body } = await pay();
    expect(body).toEqual({
      billingAddress: {
        name: 'Northfield College',
        line1: '1 College Road',
        line2: null,
        town: 'Leeds',
        postcode: 'LS1 1AA',
        country: 'GB',
      },
      deliveryAddress: {
        name: 'Northfield College',
        line1: '1 College Road',
        line2: null,
        town: 'Leeds',
        postcode: 'LS1 1AA',
        country: 'GB',
      },
      deliveryMethod: 'standard',
      paymentMethod: 'card',
      saveBillingToProfile: false,
      saveDeliveryToProfile: false,
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(payButton().disabled).toBe(true);
    const form = {
      action: 'http://localhost/api/sandbox/opayo/vspform-register.vsp',
      fields: { VPSProtocol: '3.00', Vendor: 'sandbox', Crypt: '@abc' },
    };
    request.flush({ order: anOrderDetail({ status: 'awaiting_payment' }), payment: form }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(gateway.post).toHaveBeenCalledWith(form);
    expect(payButton().disabled).toBe(true);
  });

  it('sends a separate delivery address when it is not the billing one, and the profile choices', async () => {
    await loaded(checkoutDefaults({ profileAddress: PROFILE_ADDRESS }));
    const same = await loader().getHarness(
      MatSlideToggleHarness.with({
        selector: '[data-testid="same-as-billing"]',
      }),
    );
    await same.uncheck();
    await settle(fixture);
    const delivery = section('delivery-address');
    type(delivery, 'Name', 'Exams office');
    type(delivery, 'Address line 1', '2 Mill Lane');
    type(delivery, 'Address line 2 (optional)', 'Unit 4');
    type(delivery, 'Town or city', 'Bradford');
    type(delivery, 'Postcode', 'BD1 1AA');
    section('billing').querySelector<HTMLInputElement>('mat-checkbox input')!.click();
    delivery.querySelector<HTMLInputElement>('mat-checkbox input')!.click();
    await settle(fixture);
    const { request, body } = await pay();
    expect(body.billingAddress.name).toBe('Carol Centre');
    expect(body.deliveryAddress).toEqual({
      name: 'Exams office',
      line1: '2 Mill Lane',
      line2: 'Unit 4',
      town: 'Bradford',
      postcode: 'BD1 1AA',
      country: 'GB',
    });
    expect(body.saveBillingToProfile).toBe(true);
    expect(body.saveDeliveryToProfile).toBe(true);
    request.flush({
      order: anOrderDetail(),
      payment: { action: 'http://gateway', fields: {} },
    });
    await settle(fixture);
  });

  it('pays with centre credits: the order page opens and says it is invoiced', async () => {
    await loaded(
      checkoutDefaults({
        centreCredit: { available: true, limitPence: 250000, owedPence: 12000 },
      }),
    );
    expect(textOf(section('pay-by-credit'))).toBe('Centre credits (invoiced to your centre) · limit £2,500.00, owed £120.00');
    fillBilling();
    const payment = await loader().getHarness(
      MatRadioGroupHarness.with({
        selector: '[formControlName="paymentMethod"]',
      }),
    );
    await payment.checkRadioButton({ label: /Centre credits/ });
    const { request, body } = await pay();
    expect(body.paymentMethod).toBe('centre_credit');
    request.flush({
      order: anOrderDetail({
        id: 31,
        status: 'invoiced',
        paymentMethod: 'centre_credit',
      }),
      payment: null,
    });
    await settle(fixture);
    backend.expectOne({ method: 'GET', url: '/api/basket' }).flush(aBasket([]));
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/orders/31');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'invoiced' }));
    expect(await snackBarMessage()).toBe('Order placed: invoiced to your centre');
    expect(gateway.post).not.toHaveBeenCalled();
  });

  it('shows a refusal (credit limit exceeded) and keeps the same idempotency key for the next try', async () => {
    await loaded(
      checkoutDefaults({
        centreCredit: { available: true, limitPence: 5000, owedPence: 4000 },
      }),
    );
    fillBilling();
    const payment = await loader().getHarness(
      MatRadioGroupHarness.with({
        selector: '[formControlName="paymentMethod"]',
      }),
    );
    await payment.checkRadioButton({ label: /Centre credits/ });
    const first = await pay();
    first.request.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'This order would take your centre over its credit limit of £50.00.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(textOf(section('pay-error'))).toBe('This order would take your centre over its credit limit of £50.00.');
    expect(payButton().disabled).toBe(false);

    const second = await pay();
    expect(second.body.idempotencyKey).toBe(first.body.idempotencyKey);
    second.request.flush({
      order: anOrderDetail(),
      payment: { action: 'http://gateway', fields: {} },
    });
    await settle(fixture);
  });

  it('says so when the basket is empty, without Pay', async () => {
    await loaded(checkoutDefaults(), []);
    expect(textOf(section('checkout-empty'))).toContain('Your basket is empty');
    expect(root.querySelector('[data-testid="pay"]')).toBeNull();
  });
});

describe('newIdempotencyKey', () => {
  it('makes a version 4 UUID for the idempotency key, also where crypto.randomUUID is missing (no secure context)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set([newIdempotencyKey(), newIdempotencyKey()]);
      expect(keys.size).toBe(2);
      for (const key of keys) expect(key).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
