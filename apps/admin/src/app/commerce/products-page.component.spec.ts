import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { aProduct, money } from './commerce-fixtures';
import { ProductsPageComponent } from './products-page.component';

describe('ProductsPageComponent', () => {
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
    await harness.navigateByUrl('/products', ProductsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = ''));
  });

  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container')!;
  const type = (container: HTMLElement, label: string, value: string) => {
    const input = Array.from(container.querySelectorAll('mat-form-field'))
      .find((f) => textOf(f.querySelector('mat-label')) === label)!
      .querySelector<HTMLInputElement>('input, textarea')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  };
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  async function loaded(
    products = [
      aProduct(),
      aProduct({
        id: 2,
        code: 'ROA-COPY',
        name: 'Printed record',
        price: money(1250),
        documentTypes: ['record_of_achievement', 'unit_certificate'],
        active: false,
      }),
    ],
  ) {
    backend.expectOne({ method: 'GET', url: '/api/admin/products' }).flush(products);
    backend.expectOne({ method: 'GET', url: '/api/admin/reasons' }).flush([
      { id: 11, label: 'Lost', active: true },
      { id: 12, label: 'Stolen', active: false },
    ]);
    await settle(fixture);
  }

  it('lists the products with price excluding and including VAT, the documents they apply to and whether on sale', async () => {
    await loaded();
    const rows = Array.from(root.querySelectorAll('[data-testid="product-row"]'));
    expect(Array.from(rows[1].querySelectorAll('td')).map((td) => textOf(td))).toEqual([
      'ROA-COPY',
      'Printed recordA printed copy on security paper.',
      '£12.50',
      '£15.00',
      'Record of achievement, Unit certificate',
      'No',
      'Edit',
    ]);
  });

  it('adds a product: checks the fields, converts the price to pence, and confirms', async () => {
    await loaded([]);
    expect(textOf(root.querySelector('[data-testid="products-empty"]'))).toBe('No products yet. Add one to open the Store.');
    button(root, 'Add a product')!.click();
    await settle(fixture);
    button(dialog(), 'Add')!.click();
    await settle(fixture);
    expect(Array.from(dialog().querySelectorAll('mat-error')).map((e) => textOf(e))).toEqual([
      'Enter the product code',
      'Enter the name',
      'Enter the description',
      'Enter the price',
    ]);
    expect(textOf(dialog().querySelector('.field-error'))).toBe('Tick at least one type of document');

    type(dialog(), 'Code', 'bad code!');
    type(dialog(), 'Price excluding VAT (£)', '1000.01');
    await settle(fixture);
    expect(Array.from(dialog().querySelectorAll('mat-error')).map((e) => textOf(e))).toContain('Use 1 to 20 letters, digits and hyphens');
    expect(Array.from(dialog().querySelectorAll('mat-error')).map((e) => textOf(e))).toContain('Enter at most £1,000.00');

    type(dialog(), 'Code', 'UNIT-COPY');
    type(dialog(), 'Name', 'Printed unit certificate');
    type(dialog(), 'Description', 'One unit, printed.');
    type(dialog(), 'Price excluding VAT (£)', '12.29');
    const unitBox = Array.from(dialog().querySelectorAll('mat-checkbox')).find((box) => textOf(box) === 'Unit certificate')!;
    unitBox.querySelector<HTMLInputElement>('input')!.click();
    await settle(fixture);
    button(dialog(), 'Add')!.click();
    const request = backend.expectOne({
      method: 'POST',
      url: '/api/admin/products',
    });
    expect(request.request.body).toEqual({
      code: 'UNIT-COPY',
      name: 'Printed unit certificate',
      description: 'One unit, printed.',
      pricePence: 1229,
      documentTypes: ['unit_certificate'],
      active: true,
    });
    request.flush(
      aProduct({
        id: 3,
        code: 'UNIT-COPY',
        name: 'Printed unit certificate',
        price: money(1229),
        documentTypes: ['unit_certificate'],
      }),
    );
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Printed unit certificate added.');
    expect(root.querySelectorAll('[data-testid="product-row"]')).toHaveLength(1);
  });

  it('edits a product with PATCH, the form filled in, and shows a refusal in the dialog', async () => {
    await loaded();
    button(root, 'Edit')!.click();
    await settle(fixture);
    const price = Array.from(dialog().querySelectorAll('input')).find((input) => input.getAttribute('formcontrolname') === 'price')!;
    expect(price.value).toBe('25.00');
    type(dialog(), 'Code', 'CERT-2');
    button(dialog(), 'Save')!.click();
    const request = backend.expectOne({
      method: 'PATCH',
      url: '/api/admin/products/1',
    });
    expect(request.request.body).toMatchObject({
      code: 'CERT-2',
      pricePence: 2500,
      documentTypes: ['certificate'],
      active: true,
    });
    request.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Another product has the code CERT-2.',
        fieldErrors: { code: ['Another product has this code.'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(textOf(dialog().querySelector('[data-testid="product-error"]'))).toBe('Another product has the code CERT-2.');
    expect(Array.from(dialog().querySelectorAll('mat-error')).map((e) => textOf(e))).toEqual(['Another product has this code.']);
  });

  it('lists, adds and edits the reasons for a duplicate on their tab', async () => {
    await loaded();
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    await tabs.selectTab({ label: 'Duplicate reasons' });
    await settle(fixture);
    const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map((td) => textOf(td));
    expect(Array.from(root.querySelectorAll('[data-testid="reason-row"]')).map(cells)).toEqual([
      ['Lost', 'Yes', 'Edit'],
      ['Stolen', 'No', 'Edit'],
    ]);

    button(root, 'Add a reason')!.click();
    await settle(fixture);
    button(dialog(), 'Add')!.click();
    await settle(fixture);
    expect(textOf(dialog().querySelector('mat-error'))).toBe('Enter the label');
    type(dialog(), 'Label', 'Name changed');
    button(dialog(), 'Add')!.click();
    const create = backend.expectOne({
      method: 'POST',
      url: '/api/admin/reasons',
    });
    expect(create.request.body).toEqual({
      label: 'Name changed',
      active: true,
    });
    create.flush({ id: 13, label: 'Name changed', active: true });
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Reason “Name changed” added.');
    expect(root.querySelectorAll('[data-testid="reason-row"]')).toHaveLength(3);

    root.querySelector<HTMLButtonElement>('[aria-label="Edit Stolen"]')!.click();
    await settle(fixture);
    dialog().querySelector<HTMLInputElement>('mat-slide-toggle button')!.click();
    button(dialog(), 'Save')!.click();
    const update = backend.expectOne({
      method: 'PATCH',
      url: '/api/admin/reasons/12',
    });
    expect(update.request.body).toEqual({ label: 'Stolen', active: true });
    update.flush({ id: 12, label: 'Stolen', active: true });
    await settle(fixture);
    expect(cells(root.querySelectorAll('[data-testid="reason-row"]')[1])).toEqual(['Stolen', 'Yes', 'Edit']);
  });
});
