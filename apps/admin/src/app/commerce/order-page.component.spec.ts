import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OrderDetail } from '@achievement/contracts';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { anOrderDetail } from './commerce-fixtures';
import { OrderPageComponent } from './order-page.component';

describe('OrderPageComponent (fulfilment)', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(order: OrderDetail): Promise<void> {
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
    await harness.navigateByUrl(`/orders/${order.id}`, OrderPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
    backend.expectOne({ method: 'GET', url: `/api/admin/orders/${order.id}` }).flush(order);
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const statusSelect = () => TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="new-status"]' }));
  const field = (label: string) =>
    Array.from(root.querySelectorAll('mat-form-field'))
      .find((f) => textOf(f.querySelector('mat-label')) === label)!
      .querySelector<HTMLInputElement>('input, textarea')!;
  const typeInto = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  };

  it('shows what to print and where to send it', async () => {
    await open(anOrderDetail());
    expect(textOf(root.querySelector('h1'))).toBe('Order ORD-000031');
    expect(textOf(root.querySelector('[data-testid="order-line"]'))).toContain('Mary Ann Smith');
    expect(textOf(root.querySelector('[data-testid="delivery-address"]'))).toBe('Exams office1 College RoadBlock BLeedsLS1 1AAGB');
    expect(textOf(root.querySelector('[data-testid="order-history"]'))).toContain('Paid');
  });

  it('offers only the moves allowed from the status', async () => {
    await open(anOrderDetail({ status: 'paid' }));
    const select = await statusSelect();
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual(['In production', 'Cancelled', 'Refunded']);
  });

  it('says a final status cannot change', async () => {
    await open(anOrderDetail({ status: 'refunded' }));
    expect(textOf(root.querySelector('[data-testid="no-moves"]'))).toBe('Refunded is final: the status cannot change any more.');
    expect(root.querySelector('[data-testid="set-status"]')).toBeNull();
  });

  it('requires a tracking reference for Dispatched, then sets it with the note and confirms', async () => {
    await open(anOrderDetail({ status: 'in_production' }));
    button(root, 'Set status')!.click();
    await settle(fixture);
    expect(textOf(root.querySelector('mat-error'))).toBe('Choose the new status');

    const select = await statusSelect();
    await select.open();
    await select.clickOptions({ text: 'Dispatched' });
    await settle(fixture);
    button(root, 'Set status')!.click();
    await settle(fixture);
    expect(Array.from(root.querySelectorAll('mat-error')).map((e) => textOf(e))).toEqual(['Enter the tracking reference of the parcel']);
    backend.expectNone('/api/admin/orders/31/status');

    typeInto('Tracking reference', ' RM123456789GB ');
    typeInto('Note (optional)', 'Two envelopes');
    button(root, 'Set status')!.click();
    const request = backend.expectOne({
      method: 'POST',
      url: '/api/admin/orders/31/status',
    });
    expect(request.request.body).toEqual({
      status: 'dispatched',
      trackingReference: 'RM123456789GB',
      note: 'Two envelopes',
    });
    request.flush(
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
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Order ORD-000031 is now Dispatched; the customer has been emailed.');
    expect(textOf(root.querySelector('[data-testid="order-status"]'))).toBe('Dispatched');
    expect(textOf(root.querySelector('[data-testid="tracking-reference"]'))).toBe('RM123456789GB');
  });

  it('sends no tracking reference for other moves, and shows a refusal', async () => {
    await open(anOrderDetail({ status: 'paid' }));
    const select = await statusSelect();
    await select.open();
    await select.clickOptions({ text: 'Cancelled' });
    button(root, 'Set status')!.click();
    const request = backend.expectOne({
      method: 'POST',
      url: '/api/admin/orders/31/status',
    });
    expect(request.request.body).toEqual({ status: 'cancelled' });
    request.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'The order has moved on: reload it.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="status-error"]'))).toBe('The order has moved on: reload it.');
  });

  it('flags lines whose document was revoked or superseded, and replaces or cancels them', async () => {
    const line = anOrderDetail().lines[0];
    await open(
      anOrderDetail({
        status: 'invoiced',
        paymentMethod: 'centre_credit',
        needsAttention: true,
        lines: [
          { ...line, id: 7, documentNumber: 'D0000701', documentProblem: { status: 'superseded', currentDocumentNumber: 'D0000999' } },
          { ...line, id: 8, documentNumber: 'D0000702', documentProblem: { status: 'revoked', currentDocumentNumber: null } },
        ],
      }),
    );
    expect(textOf(root.querySelector('[data-testid="order-attention"]'))).toContain('cannot go into production or be dispatched');
    const problems = Array.from(root.querySelectorAll('[data-testid="line-problem"]')).map((e) => textOf(e));
    expect(problems).toEqual(['Superseded by D0000999', 'Revoked']);
    button(root, 'Use D0000999')!.click();
    const replace = backend.expectOne({ method: 'POST', url: '/api/admin/orders/31/lines/7/replace' });
    replace.flush(
      anOrderDetail({
        status: 'invoiced',
        needsAttention: true,
        lines: [
          { ...line, id: 7, documentNumber: 'D0000999', replacesDocumentNumber: 'D0000701' },
          { ...line, id: 8, documentNumber: 'D0000702', documentProblem: { status: 'revoked', currentDocumentNumber: null } },
        ],
      }),
    );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="line-check"]'))).toBe('Replaces D0000701');
    button(root, 'Cancel line')!.click();
    const cancel = backend.expectOne({ method: 'POST', url: '/api/admin/orders/31/lines/8/cancel' });
    expect(cancel.request.body).toEqual({ reason: 'Document revoked' });
    cancel.flush(anOrderDetail({ status: 'invoiced', needsAttention: false, lines: [{ ...line, id: 8, cancelled: true }] }));
    await settle(fixture);
    expect(root.querySelector('[data-testid="order-attention"]')).toBeNull();
    expect(textOf(root.querySelector('[data-testid="line-check"]'))).toContain('Cancelled;');
  });
});
