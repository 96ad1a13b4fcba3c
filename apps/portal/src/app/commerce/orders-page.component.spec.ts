import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { LEARNER, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { API_ERROR_503 } from '../records/record-fixtures';
import { anOrder, money } from './commerce-fixtures';
import { OrdersPageComponent } from './orders-page.component';

describe('OrdersPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(LEARNER).provider,
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

  const expectList = (cursor: string | null = null): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/orders' && r.params.get('cursor') === cursor);
  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="order-row"]'));

  it('shows the orders: number (a link), placed, placed by, centre, items, total, payment method and status', async () => {
    expectList().flush({
      items: [
        anOrder(),
        anOrder({
          id: 30,
          number: 'ORD-000030',
          status: 'invoiced',
          paymentMethod: 'centre_credit',
          centre: null,
          total: money(1000),
          itemCount: 1,
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual([
      'Order',
      'Placed',
      'Placed by',
      'Centre',
      'Items',
      'Total',
      'Payment',
      'Status',
    ]);
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((td) => textOf(td));
    expect(cells(rows()[0])).toEqual(['ORD-000031', '29 Nov 2026, 09:00 UK time', 'Carol Centre', '12345 Northfield College', '2', '£63.00', 'Card', 'Paid']);
    expect(cells(rows()[1])).toEqual(['ORD-000030', '29 Nov 2026, 09:00 UK time', 'Carol Centre', '—', '1', '£12.00', 'Centre credits', 'Invoiced']);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/orders/31');
  });

  it('loads more with the cursor', async () => {
    expectList().flush({ items: [anOrder()], nextCursor: '31' });
    await settle(fixture);
    button(root, 'Load more')!.click();
    expectList('31').flush({
      items: [anOrder({ id: 30, number: 'ORD-000030' })],
      nextCursor: null,
    });
    await settle(fixture);
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('says so when there are no orders', async () => {
    expectList().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="orders-empty"]'))).toContain('No orders yet.');
  });

  it('shows the error with Retry', async () => {
    expectList().flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="orders-error"]'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    expectList().flush({ items: [anOrder()], nextCursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });
});
