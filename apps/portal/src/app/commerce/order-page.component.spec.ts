import { GatewayForm } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { BasketStore } from './basket.store';
import { aBasket, aBasketItem, anOrderDetail } from './commerce-fixtures';
import { GatewayRedirect } from './gateway-redirect.service';
import { OrderPageComponent } from './order-page.component';

describe('OrderPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;
  let posted: GatewayForm[];

  async function open(url: string): Promise<void> {
    posted = [];
    TestBed.configureTestingModule({
      providers: [
        // the browser leaving for the gateway, recorded instead
        { provide: GatewayRedirect, useValue: { post: (form: GatewayForm) => posted.push(form) } },
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(CENTRE_STAFF).provider,
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, OrderPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  const banner = () => root.querySelector('[data-testid="payment-banner"]');

  it('shows the lines, delivery, addresses, totals, tracking reference and history', async () => {
    await open('/orders/31');
    backend.expectOne({ method: 'GET', url: '/api/orders/31' }).flush(
      anOrderDetail({
        status: 'dispatched',
        trackingReference: 'RM123456789GB',
        history: [
          { at: '2026-11-29T09:00:00.000Z', status: 'paid', note: null },
          {
            at: '2026-11-30T09:00:00.000Z',
            status: 'dispatched',
            note: 'Two envelopes',
          },
        ],
      }),
    );
    await settle(fixture);
    expect(textOf(root.querySelector('h1'))).toBe('Order ORD-000031');
    expect(textOf(root.querySelector('[data-testid="order-status"]'))).toBe('Dispatched');
    expect(textOf(root.querySelector('[data-testid="tracking-reference"]'))).toBe('RM123456789GB');
    const line = root.querySelector('[data-testid="order-line"]');
    expect(Array.from(line!.querySelectorAll('td')).map((td) => textOf(td))).toEqual([
      'Mary Ann Smith',
      'Printed certificate',
      'D0000701Level 3 Diploma in Light Vehicle Maintenance',
      'Lost',
      '2',
      '£25.00',
      '£60.00',
    ]);
    const texts = (selector: string) => Array.from(root.querySelectorAll(selector)).map((element) => textOf(element));
    expect(texts('[data-testid="order-totals"] > *')).toEqual([
      'Items (excluding VAT)',
      '£50.00',
      'Royal Mail 2nd class (excluding VAT)',
      '£2.50',
      'VAT',
      '£10.50',
      'Total',
      '£63.00',
    ]);
    expect(texts('[data-testid="delivery-address"] > span')).toEqual(['Exams office', '1 College Road', 'Block B', 'Leeds', 'LS1 1AA', 'GB']);
    expect(texts('[data-testid="order-history"] > li')).toEqual(['29 Nov 2026, 09:00 UK time Paid', '30 Nov 2026, 09:00 UK time Dispatched — Two envelopes']);
    expect(banner()).toBeNull();
  });

  it('thanks for the payment when the gateway sent the browser back paid, and refreshes the basket icon', async () => {
    await open('/orders/31?payment=paid');
    backend.expectOne('/api/orders/31').flush(anOrderDetail());
    backend.expectOne('/api/basket').flush(aBasket([]));
    await settle(fixture);
    expect(textOf(banner())).toContain('Payment received, thank you');
    expect(TestBed.inject(BasketStore).count()).toBe(0);
  });

  it('says in plain words that the card was declined, with one next step: pay again (never the gateway text)', async () => {
    await open('/orders/31?payment=declined');
    backend.expectOne('/api/orders/31').flush(
      anOrderDetail({
        status: 'awaiting_payment',
        paymentMethod: 'card',
        paymentDueAt: '2026-11-30T09:01:00.000Z',
        lastPayment: {
          status: 'notauthed',
          detail: 'Declined by the card issuer; no money was taken.',
          at: '2026-11-29T09:01:00.000Z',
        },
      }),
    );
    backend.expectOne('/api/basket').flush(aBasket([aBasketItem()]));
    await settle(fixture);
    expect(textOf(banner())).toContain('Your card was declined, so no money was taken.');
    expect(textOf(banner())).toContain('you can pay it again');
    const actions = [...root.querySelectorAll('a[mat-flat-button], button[mat-flat-button]')];
    expect(actions.map((a) => textOf(a))).toEqual(['Pay again']);
    expect(textOf(root.querySelector('[data-testid="awaiting-payment"]'))).toContain('Pay by');
    expect(textOf(root.querySelector('[data-testid="order-status"]'))).toBe('Awaiting payment');
    expect(textOf(root.querySelector('[data-testid="last-payment"]'))).toContain('Declined by the card issuer; no money was taken.');
    expect(textOf(root)).not.toMatch(/notauthed|NOTAUTHED|2000 :/);
  });

  it('says an expired order was not paid in time, with the way back to the basket', async () => {
    await open('/orders/31');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'expired', paymentMethod: 'card' }));
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="order-expired"]'))).toContain('was not paid in time');
    expect(root.querySelector('[data-testid="order-expired"] a[href="/basket"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="pay-again"]')).toBeNull();
  });

  it('pays an order still awaiting its card payment again: a new payment at the gateway', async () => {
    await open('/orders/31');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'awaiting_payment', paymentMethod: 'card' }));
    await settle(fixture);
    const button = root.querySelector<HTMLButtonElement>('[data-testid="pay-again"]')!;
    expect(textOf(root.querySelector('[data-testid="awaiting-payment"]'))).toContain('This order is waiting for its card payment.');
    button.click();
    await settle(fixture);
    expect(button.disabled).toBe(true);
    const form = { action: 'https://gateway.example/vspform-register.vsp', fields: { VPSProtocol: '4.00', TxType: 'PAYMENT', Vendor: 'v', Crypt: '@AB' } };
    const request = backend.expectOne({ method: 'POST', url: '/api/orders/31/pay' });
    request.flush(form);
    expect(posted).toEqual([form]);
  });

  it('offers no payment for a paid order or a credit order', async () => {
    await open('/orders/31');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'invoiced', paymentMethod: 'centre_credit' }));
    await settle(fixture);
    expect(root.querySelector('[data-testid="pay-again"]')).toBeNull();
  });

  it('says so when the payment failed or was cancelled', async () => {
    await open('/orders/31?payment=cancelled');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'awaiting_payment' }));
    backend.expectOne('/api/basket').flush(aBasket([aBasketItem()]));
    await settle(fixture);
    expect(textOf(banner())).toContain('You cancelled the payment, so no money was taken.');
  });

  it('says the payment is being checked while the gateway confirms it, and offers no second payment meanwhile', async () => {
    await open('/orders/31?payment=checking');
    backend.expectOne('/api/orders/31').flush(anOrderDetail({ status: 'awaiting_payment', paymentMethod: 'card' }));
    backend.expectOne('/api/basket').flush(aBasket([aBasketItem()]));
    await settle(fixture);
    expect(textOf(banner())).toContain('We are checking your payment with the card gateway');
    expect(banner()!.querySelector('a[href="/checkout"]')).toBeNull();
    expect(root.querySelector('[data-testid="pay-again"]')).toBeNull();
  });

  it('says so when there is no such order', async () => {
    await open('/orders/99');
    backend
      .expectOne('/api/orders/99')
      .flush({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'ORDER_NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="order-error"]'))).toBe('There is no such order.');
  });
});
