import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aCentre, aContact, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { CentrePageComponent } from './centre-page.component';

describe('CentrePageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, CentrePageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  function input(label: string): HTMLInputElement {
    const formField = Array.from(root.querySelectorAll('mat-form-field')).find((f) => textOf(f.querySelector('mat-label')) === label);
    return formField!.querySelector('input')!;
  }

  function type(label: string, value: string): void {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
  }

  const errorOf = (label: string) => textOf(input(label).closest('mat-form-field')?.querySelector('mat-error')) || null;
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  async function save(text: string): Promise<void> {
    await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text }))).click();
    await fixture.whenStable();
  }

  it('creates a centre (no credit settings: those belong to its credit account)', async () => {
    await open('/centres/new');
    type('Centre number', 'c 20002');
    type('Name', 'Southfield Academy');
    type('Central email', 'exams@southfield.example');
    type('Address line 1', '2 Academy Way');
    type('Town or city', 'York');
    type('Postcode', 'yo1  7hh');
    await save('Create centre');

    const request = backend.expectOne({ method: 'POST', url: '/api/admin/centres' });
    expect(request.request.body).toEqual({
      number: 'C20002',
      name: 'Southfield Academy',
      centralEmail: 'exams@southfield.example',
      addressLine1: '2 Academy Way',
      addressLine2: null,
      town: 'York',
      postcode: 'YO1 7HH',
      country: 'GB',
    });
    request.flush(aCentre({ id: 9, number: 'C20002', name: 'Southfield Academy' }), { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(TestBed.inject(Router).url).toBe('/centres/9');
    expect(await snackBarMessage()).toBe('Centre C20002 Southfield Academy has been created.');
    backend.expectOne('/api/admin/centres/9').flush(aCentre({ id: 9 }));
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/admin/centres/9/contacts').flush({ items: [], nextCursor: null });
  });

  it('has no credit limit of its own: it points to the credit accounts, the one place credit is set', async () => {
    await open('/centres/new');
    expect(Array.from(root.querySelectorAll('mat-label')).map((l) => textOf(l))).not.toContain('Credit limit');
    expect(root.querySelector('mat-slide-toggle')).toBeNull();
    expect(root.querySelector('[data-testid="centre-credit-link"]')?.getAttribute('href')).toBe('/credit-accounts');
    await save('Create centre');
    expect(errorOf('Centre number')).toBe('Enter the centre number');
    backend.expectNone({ method: 'POST', url: '/api/admin/centres' });
  });

  it('puts a taken number under the number field', async () => {
    await open('/centres/new');
    for (const [label, value] of [
      ['Centre number', 'C10001'],
      ['Name', 'Copy'],
      ['Central email', 'a@b.example'],
      ['Address line 1', '1 Road'],
      ['Town or city', 'Leeds'],
      ['Postcode', 'LS1 1AA'],
    ]) {
      type(label, value);
    }
    await save('Create centre');
    backend
      .expectOne({ method: 'POST', url: '/api/admin/centres' })
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Another centre has the number C10001.', code: 'CENTRE_NUMBER_TAKEN' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(errorOf('Centre number')).toBe('Another centre has the number C10001.');
  });

  it('edits a centre: saves, and lists its contact records', async () => {
    await open('/centres/3');
    backend.expectOne('/api/admin/centres/3').flush(aCentre());
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/admin/centres/3/contacts').flush({ items: [aContact()], nextCursor: null });
    await settle(fixture);

    expect(textOf(root.querySelector('h1'))).toBe('Centre C10001: Northfield College');
    expect(root.querySelectorAll('[data-testid="contact-row"]')).toHaveLength(1);

    type('Name', 'Northfield College of Further Education');
    await save('Save');
    const request = backend.expectOne({ method: 'PATCH', url: '/api/admin/centres/3' });
    expect(request.request.body).toMatchObject({ name: 'Northfield College of Further Education' });
    expect(request.request.body).not.toHaveProperty('creditLimitPence');
    request.flush(aCentre({ name: 'Northfield College of Further Education' }));
    await settle(fixture);
    expect(await snackBarMessage()).toBe('The centre has been saved.');
  });

  it('deletes a contact record after confirmation', async () => {
    await open('/centres/3');
    backend.expectOne('/api/admin/centres/3').flush(aCentre());
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/admin/centres/3/contacts').flush({ items: [aContact()], nextCursor: null });
    await settle(fixture);

    root.querySelector<HTMLButtonElement>('button[aria-label="Delete the contact record of Ada Lovelace"]')!.click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Delete the contact record of Ada Lovelace?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }))).click();
    backend.expectOne({ method: 'DELETE', url: '/api/admin/centres/3/contacts/7' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Contact record of Ada Lovelace deleted.');
    expect(root.querySelectorAll('[data-testid="contact-row"]')).toHaveLength(0);
    expect(textOf(root.querySelector('[data-testid="contacts-empty"]'))).toBe('This centre has no contact records yet.');
  });

  it('adds a contact record through the dialog and lists it', async () => {
    await open('/centres/3');
    backend.expectOne('/api/admin/centres/3').flush(aCentre());
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/admin/centres/3/contacts').flush({ items: [], nextCursor: null });
    await settle(fixture);

    await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text: /Add contact record$/ }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Add a contact record');
    const inputs = await dialog.getAllHarnesses(MatInputHarness);
    await inputs[0].setValue('Ada');
    await inputs[1].setValue('Lovelace');
    await inputs[2].setValue('ada@college.example');
    await inputs[3].setValue('23/04/1985');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/admin/centres/3/contacts' });
    expect(request.request.body).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@college.example', dateOfBirth: '1985-04-23' });
    request.flush(aContact(), { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Contact record of Ada Lovelace added.');
    backend.expectOne((r) => r.url === '/api/admin/centres/3/contacts').flush({ items: [aContact()], nextCursor: null });
    await settle(fixture);
    expect(root.querySelectorAll('[data-testid="contact-row"]')).toHaveLength(1);
  });
});
