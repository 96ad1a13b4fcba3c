import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aCentre, button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { aCreditAccount } from './commerce-fixtures';
import { CreditAccountsPageComponent } from './credit-accounts-page.component';
import { previousMonth } from './invoice-dialog.component';

describe('CreditAccountsPageComponent', () => {
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
    await harness.navigateByUrl('/credit-accounts', CreditAccountsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    vi.restoreAllMocks();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = ''));
  });

  const account = aCreditAccount();
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container')!;
  const type = (label: string, value: string) => {
    const input = Array.from(dialog().querySelectorAll('mat-form-field'))
      .find((f) => textOf(f.querySelector('mat-label')) === label)!
      .querySelector<HTMLInputElement>('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  };
  const errors = () => Array.from(dialog().querySelectorAll('mat-error')).map((e) => textOf(e));
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  async function loaded(
    accounts = [
      account,
      aCreditAccount({
        centre: { id: 4, number: 'C10002', name: 'Southgate' },
        open: false,
        owedPence: 0,
      }),
    ],
  ) {
    backend.expectOne({ method: 'GET', url: '/api/admin/credit-accounts' }).flush(accounts);
    await settle(fixture);
  }

  async function menu(item: string): Promise<void> {
    root.querySelector<HTMLButtonElement>(`[aria-label="More for ${account.centre.number}"]`)!.click();
    await settle(fixture);
    Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]'))
      .find((b) => textOf(b) === item)!
      .click();
    await settle(fixture);
  }

  it('lists the accounts: centre, limit, owed, open', async () => {
    await loaded();
    const rows = Array.from(root.querySelectorAll('[data-testid="credit-account-row"]'));
    expect(
      Array.from(rows[0].querySelectorAll('td'))
        .slice(0, 4)
        .map((td) => textOf(td)),
    ).toEqual(['C10001 Northfield College', '£2,500.00', '£120.00', 'Open']);
    expect(textOf(rows[1].querySelector('[data-testid="credit-open"]'))).toBe('Closed');
  });

  it('says so when no centre has an account, and shows errors with Retry', async () => {
    backend.expectOne('/api/admin/credit-accounts').flush(
      {
        statusCode: 503,
        error: 'x',
        message: 'The database is not reachable.',
      },
      { status: 503, statusText: 'x' },
    );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="credit-accounts-error"]'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    await loaded([]);
    expect(textOf(root.querySelector('[data-testid="credit-accounts-empty"]'))).toBe('No centre has a credit account yet.');
  });

  it('changes the limit and closes the account (PUT), converting pounds to pence', async () => {
    await loaded();
    root.querySelector<HTMLButtonElement>('[aria-label="Edit the account of C10001"]')!.click();
    await settle(fixture);
    type('Credit limit (£)', '');
    button(dialog(), 'Save')!.click();
    await settle(fixture);
    expect(errors()).toEqual(['Enter the credit limit']);
    type('Credit limit (£)', '12.345');
    await settle(fixture);
    expect(errors()).toEqual(['Enter an amount in pounds, e.g. 2500.00']);
    type('Credit limit (£)', '3,000.50');
    dialog().querySelector<HTMLButtonElement>('mat-slide-toggle button')!.click();
    button(dialog(), 'Save')!.click();
    const request = backend.expectOne({
      method: 'PUT',
      url: '/api/admin/credit-accounts/3',
    });
    expect(request.request.body).toEqual({ limitPence: 300050, open: false });
    request.flush(aCreditAccount({ limitPence: 300050, open: false }));
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Credit account of C10001 saved.');
    expect(textOf(root.querySelector('[data-testid="credit-limit"]'))).toBe('£3,000.50');
  });

  it('opens an account for a centre chosen by name or number', async () => {
    await loaded([]);
    button(root, 'Open an account')!.click();
    await settle(fixture);
    type('Credit limit (£)', '500');
    button(dialog(), 'Save')!.click();
    await settle(fixture);
    expect(textOf(dialog().querySelector('.field-error'))).toBe('Choose the centre');
    backend.expectNone('/api/admin/credit-accounts/3');

    const picker = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatAutocompleteHarness.with({ selector: 'adm-centre-picker input' }));
    await picker.enterText('North');
    const search = await vi.waitFor(() => backend.expectOne((r) => r.url === '/api/admin/centres'), { timeout: 2000, interval: 50 });
    search.flush({ items: [aCentre()], nextCursor: null });
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(await picker.isOpen()).toBe(true);
    });
    await picker.selectOption({ text: /Northfield College/ });
    await settle(fixture);
    button(dialog(), 'Save')!.click();
    const request = backend.expectOne({ method: 'PUT', url: '/api/admin/credit-accounts/3' });
    expect(request.request.body).toEqual({ limitPence: 50000, open: true });
    request.flush(aCreditAccount({ limitPence: 50000, owedPence: 0 }));
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Credit account of C10001 saved.');
    expect(root.querySelectorAll('[data-testid="credit-account-row"]')).toHaveLength(1);
  });

  it('records a payment received', async () => {
    await loaded();
    await menu('Record a payment');
    button(dialog(), 'Record payment')!.click();
    await settle(fixture);
    expect(errors()).toEqual(['Enter the amount received', "Enter the payment's reference"]);
    type('Amount received (£)', '0');
    await settle(fixture);
    expect(errors()[0]).toBe('Enter an amount above £0.00');
    type('Amount received (£)', '100');
    type('Reference', 'BACS 2911');
    button(dialog(), 'Record payment')!.click();
    const request = backend.expectOne({
      method: 'POST',
      url: '/api/admin/credit-accounts/3/payments',
    });
    expect(request.request.body).toEqual({
      amountPence: 10000,
      reference: 'BACS 2911',
    });
    request.flush(aCreditAccount({ owedPence: 2000 }));
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Payment recorded: C10001 now owes £20.00.');
    expect(textOf(root.querySelector('[data-testid="credit-owed"]'))).toBe('£20.00');
  });

  it('shows the ledger, newest first', async () => {
    await loaded();
    await menu('View the ledger');
    backend.expectOne({ method: 'GET', url: '/api/admin/credit-accounts/3/ledger' }).flush([
      {
        at: '2026-11-29T10:00:00.000Z',
        kind: 'payment',
        amountPence: -10000,
        owedAfterPence: 2000,
        orderNumber: null,
        note: 'BACS 2911',
      },
      {
        at: '2026-11-28T10:00:00.000Z',
        kind: 'order',
        amountPence: 12000,
        owedAfterPence: 12000,
        orderNumber: 'ORD-000031',
        note: null,
      },
    ]);
    await settle(fixture);
    const rows = Array.from(dialog().querySelectorAll('[data-testid="ledger-row"]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((td) => textOf(td)),
    );
    expect(rows).toEqual([
      ['29 Nov 2026, 10:00 UK time', 'Payment — BACS 2911', '−£100.00', '£20.00'],
      ['28 Nov 2026, 10:00 UK time', 'Order ORD-000031', '+£120.00', '£120.00'],
    ]);
  });

  it("opens the centre's invoice of the chosen month in a new tab", async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    await loaded();
    await menu('Monthly invoice');
    const month = dialog().querySelector<HTMLInputElement>('input[type="month"]')!;
    expect(month.value).toBe(previousMonth());
    month.value = '2026-10';
    month.dispatchEvent(new Event('input'));
    button(dialog(), 'Open invoice (opens in a new tab)')!.click();
    await settle(fixture);
    expect(open).toHaveBeenCalledWith('/api/admin/invoices?centreId=3&month=2026-10', '_blank', 'noopener');
  });
});
