import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR_SESSION } from '../../testing/emails';
import { aUser, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { UsersPageComponent } from './users-page.component';

describe('UsersPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
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
    await harness.navigateByUrl('/users', UsersPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
    backend.expectOne('/api/auth/session').flush(ADMINISTRATOR_SESSION);
  });

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/users' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="user-row"]'));
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const documentLoader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);

  async function showUsers(): Promise<void> {
    expectList().flush({
      items: [aUser(), aUser({ id: 1, firstName: 'Ada', lastName: 'Admin', email: 'ada@example.org', role: 'administrator', centre: null })],
      nextCursor: null,
    });
    await fixture.whenStable();
  }

  async function openDelete(): Promise<MatDialogHarness> {
    await (await loader().getHarness(MatButtonHarness.with({ text: /Delete account$/ }))).click();
    return documentLoader().getHarness(MatDialogHarness);
  }

  it('lists the accounts with name, email, role, status, second factor and centre', async () => {
    await showUsers();

    expect(rows()).toHaveLength(2);
    const cells = Array.from(rows()[0].querySelectorAll('td')).map((td) => textOf(td));
    expect(cells.slice(0, 6)).toEqual(['Carol Centre', 'carol@northfield.example', 'Centre staff', 'Active', 'Off', 'C10001 Northfield College']);
  });

  it("resets another account's second factor once confirmed, never one's own", async () => {
    expectList().flush({
      items: [
        aUser({ secondFactor: true, role: 'support' }),
        aUser({ id: 1, firstName: 'Ada', lastName: 'Admin', role: 'administrator', centre: null, secondFactor: true }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(rows()[1].querySelector('button[aria-label^="Reset second factor"]')).toBeNull();
    await (await loader().getHarness(MatButtonHarness.with({ text: /Reset second factor$/ }))).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Reset the second factor of Carol Centre?');
    expect(await dialog.getText()).toContain('At their next sign-in they set up a new second factor');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reset second factor' }))).click();
    backend.expectOne({ method: 'POST', url: '/api/admin/users/31/factors/reset' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(await (await documentLoader().getHarness(MatSnackBarHarness)).getMessage()).toBe('The second factor of Carol Centre has been reset.');
    expect(textOf(rows()[0].querySelectorAll('td')[4])).toBe('Off');
    expect(rows()[0].querySelector('button[aria-label^="Reset second factor"]')).toBeNull();
  });

  it('offers no deletion of your own account', async () => {
    await showUsers();
    expect(rows()[0].querySelector('button[aria-label="Delete account of Carol Centre"]')).not.toBeNull();
    expect(rows()[1].querySelector('button')).toBeNull();
  });

  it('filters by role and status, and searches', async () => {
    await showUsers();
    const [role, status] = await loader().getAllHarnesses(MatSelectHarness);
    await role.clickOptions({ text: 'Learner' });
    expectList((p) => p.get('role') === 'learner' && !p.has('status')).flush({ items: [], nextCursor: null });
    await status.clickOptions({ text: 'Deleted' });
    expectList((p) => p.get('role') === 'learner' && p.get('status') === 'deleted').flush({ items: [], nextCursor: null });

    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = ' lee ';
    search.dispatchEvent(new Event('input'));
    search.form!.dispatchEvent(new Event('submit'));
    expectList((p) => p.get('q') === 'lee').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="users-empty"]'))).toBe('No accounts match these filters.');
  });

  it('explains what deleting an account does, and deletes only once confirmed', async () => {
    await showUsers();
    const dialog = await openDelete();

    expect(await dialog.getTitleText()).toBe('Delete the account of Carol Centre?');
    const text = await dialog.getText();
    expect(text).toContain('can no longer sign in');
    expect(text).toContain('Their personal details are erased');
    expect(text).toContain('The audit trail stays');
    backend.expectNone((r) => r.method === 'DELETE');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete account' }))).click();
    const request = backend.expectOne({ method: 'DELETE', url: '/api/admin/users/31' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    const snackBar = await documentLoader().getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('The account of Carol Centre has been deleted.');
    expect(textOf(rows()[0].querySelectorAll('td')[3])).toBe('Deleted');
    expect(rows()[0].querySelector('button')).toBeNull();
  });

  it('deletes nothing when cancelled', async () => {
    await showUsers();
    const dialog = await openDelete();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(fixture);
    backend.expectNone((r) => r.method === 'DELETE');
    expect(textOf(rows()[0].querySelectorAll('td')[3])).toBe('Active');
  });

  it("keeps the dialog open with the API's refusal", async () => {
    await showUsers();
    const dialog = await openDelete();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete account' }))).click();
    backend
      .expectOne({ method: 'DELETE', url: '/api/admin/users/31' })
      .flush({ statusCode: 409, error: 'Conflict', message: 'Account 31 has already been deleted.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(await dialog.getText()).toContain('Account 31 has already been deleted.');
  });
});
