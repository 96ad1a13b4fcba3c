import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { anOrder, money } from './commerce-fixtures';
import { OrdersPageComponent } from './orders-page.component';

describe('OrdersPageComponent (fulfilment queue)', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/orders', OrdersPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const expectList = (check: (params: URLSearchParams) => boolean = () => true): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/admin/orders' && check(new URLSearchParams(r.params.toString())));
  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="order-row"]'));

  it('asks for every order (oldest first, as the API sorts them) and shows a row for each', async () => {
    const request = expectList();
    expect(request.request.params.keys()).toEqual([]);
    request.flush({
      items: [
        anOrder(),
        anOrder({
          id: 32,
          number: 'ORD-000032',
          status: 'invoiced',
          paymentMethod: 'centre_credit',
          total: money(1000),
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual(['Order', 'Placed', 'Customer', 'Items', 'Total', 'Payment', 'Status']);
    expect(Array.from(rows()[0].querySelectorAll('td')).map((td) => textOf(td))).toEqual([
      'ORD-000031',
      '29 Nov 2026, 09:00 UK time',
      'Carol CentreC10001 Northfield College',
      '2',
      '£63.00',
      'Card',
      'Paid',
    ]);
    expect(textOf(rows()[1].querySelector('[data-testid="order-status"]'))).toBe('Invoiced');
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/orders/31');
  });

  it('filters by status and says so when none has it', async () => {
    expectList().flush({ items: [anOrder()], nextCursor: null });
    await settle(fixture);
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({
        selector: '[data-testid="orders-status-filter"]',
      }),
    );
    await select.open();
    await select.clickOptions({ text: 'In production' });
    expectList((params) => params.get('status') === 'in_production').flush({
      items: [],
      nextCursor: null,
    });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="orders-empty"]'))).toBe('No orders with the status In production.');
  });

  it('loads more with the cursor, and opens an order from its row', async () => {
    expectList().flush({ items: [anOrder()], nextCursor: 'c1' });
    await settle(fixture);
    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === 'c1').flush({
      items: [anOrder({ id: 32, number: 'ORD-000032' })],
      nextCursor: null,
    });
    await settle(fixture);
    expect(rows()).toHaveLength(2);
    rows()[1].querySelector<HTMLElement>('td:nth-child(2)')!.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/orders/32');
    backend.expectOne('/api/admin/orders/32');
  });

  it('shows the error with Retry', async () => {
    expectList().flush(
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is not reachable.',
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="orders-error"]'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    expectList().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="orders-empty"]'))).toBe('No orders yet.');
  });
});
