import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { API_ERROR_503 } from '../records/record-fixtures';
import { BasketPageComponent } from './basket-page.component';
import { BasketStore } from './basket.store';
import { aBasket, aBasketItem, money, REASONS } from './commerce-fixtures';

describe('BasketPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
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
    await harness.navigateByUrl('/basket', BasketPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const mary = aBasketItem();
  const maryUnit = aBasketItem({
    id: 92,
    product: { id: 2, name: 'Printed unit certificate' },
    document: {
      id: 705,
      documentNumber: 'D0000705',
      type: 'unit_certificate',
      qualificationTitle: 'Level 2 Certificate in Vehicle Fitting',
    },
    quantity: 2,
    line: money(2000),
  });
  const tom = aBasketItem({
    id: 93,
    learner: { id: 502, name: 'Tom Ted', enrolmentNumber: '0002125' },
    document: { ...mary.document, id: 801, documentNumber: 'D0000801' },
  });

  async function loaded(items = [mary, tom, maryUnit]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/basket' }).flush(aBasket(items));
    backend.expectOne({ method: 'GET', url: '/api/store/reasons' }).flush(REASONS);
    await settle(fixture);
  }

  const groups = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="basket-group"]'));
  const items = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="basket-item"]'));
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  it('groups the items by learner, with product, document, reason, copies and line total, and the subtotal with VAT', async () => {
    await loaded();
    expect(groups().map((group) => textOf(group.querySelector('h2')))).toEqual(['Mary Ann Smith · 0002124', 'Tom Ted · 0002125']);
    expect(groups()[0].querySelectorAll('[data-testid="basket-item"]')).toHaveLength(2);
    const [first, second] = items();
    expect(textOf(first.querySelector('[data-testid="item-product"]'))).toBe('Printed certificate');
    expect(textOf(first.querySelector('[data-testid="item-document"]'))).toBe('D0000701');
    expect(textOf(first)).toContain('Level 3 Diploma in Light Vehicle Maintenance');
    expect(textOf(first.querySelector('[data-testid="item-reason"]'))).toBe('Lost');
    expect(textOf(first.querySelector('[data-testid="item-line"]'))).toBe('£30.00');
    expect(textOf(second.querySelector('[data-testid="item-quantity"]'))).toBe('2');
    expect(textOf(root.querySelector('[data-testid="subtotal-net"]'))).toBe('£70.00');
    expect(textOf(root.querySelector('[data-testid="subtotal-vat"]'))).toBe('£14.00');
    expect(textOf(root.querySelector('[data-testid="subtotal-total"]'))).toBe('£84.00');
    expect(root.querySelector('[data-testid="checkout"]')?.getAttribute('href')).toBe('/checkout');
    expect(TestBed.inject(BasketStore).count()).toBe(3);
  });

  it('changes the number of copies (1 to 10) and the reason of an item', async () => {
    await loaded([mary]);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const quantity = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="item-quantity"]' }));
    await quantity.open();
    expect((await quantity.getOptions()).length).toBe(10);
    await quantity.clickOptions({ text: '3' });
    const patch = backend.expectOne({
      method: 'PATCH',
      url: '/api/basket/items/91',
    });
    expect(patch.request.body).toEqual({ quantity: 3 });
    patch.flush(aBasket([{ ...mary, quantity: 3, line: money(7500) }]));
    await settle(fixture);
    expect(textOf(items()[0].querySelector('[data-testid="item-line"]'))).toBe('£90.00');
    expect(await snackBarMessage()).toBe('D0000701: 3 copies');

    const reason = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="item-reason"]' }));
    await reason.open();
    await reason.clickOptions({ text: 'Damaged' });
    const reasonPatch = backend.expectOne({
      method: 'PATCH',
      url: '/api/basket/items/91',
    });
    expect(reasonPatch.request.body).toEqual({ reasonId: 12 });
    reasonPatch.flush(aBasket([{ ...mary, quantity: 3, reason: { id: 12, label: 'Damaged' } }]));
    await settle(fixture);
    expect(textOf(items()[0].querySelector('[data-testid="item-reason"]'))).toBe('Damaged');
  });

  it('removes an item, confirms it and updates the basket icon', async () => {
    await loaded([mary, tom]);
    items()[1].querySelector<HTMLButtonElement>('[data-testid="item-remove"]')!.click();
    backend.expectOne({ method: 'DELETE', url: '/api/basket/items/93' }).flush(aBasket([mary]));
    await settle(fixture);
    expect(items()).toHaveLength(1);
    expect(groups()).toHaveLength(1);
    expect(await snackBarMessage()).toBe('Removed Printed certificate of D0000801 from your basket');
    expect(TestBed.inject(BasketStore).count()).toBe(1);
  });

  it('shows the refusal of a change', async () => {
    await loaded([mary]);
    items()[0].querySelector<HTMLButtonElement>('[data-testid="item-remove"]')!.click();
    backend.expectOne({ method: 'DELETE', url: '/api/basket/items/91' }).flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="basket-change-error"]'))).toBe('The database is not reachable.');
    expect(items()).toHaveLength(1);
  });

  it('says so when the basket is empty, without Checkout', async () => {
    await loaded([]);
    expect(textOf(root.querySelector('[data-testid="basket-empty"]'))).toContain('Your basket is empty.');
    expect(root.querySelector('[data-testid="checkout"]')).toBeNull();
    expect(root.querySelector('a[href="/store"]')).not.toBeNull();
  });

  it('shows the error with Retry', async () => {
    backend.expectOne('/api/basket').flush(API_ERROR_503.body, API_ERROR_503.init);
    expect(backend.expectOne('/api/store/reasons').cancelled).toBe(true);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="basket-error"]'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    await loaded([mary]);
    expect(items()).toHaveLength(1);
  });
});
