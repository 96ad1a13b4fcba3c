import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { QualificationsPageComponent } from './qualifications-page.component';
import { aQualification } from './verification-fixtures';

describe('QualificationsPageComponent', () => {
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
    await harness.navigateByUrl('/qualifications', QualificationsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/qualifications' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="qualification-row"]'));
  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const toggles = () => TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatSlideToggleHarness);
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  async function showQualifications(): Promise<void> {
    expectList().flush({
      items: [aQualification(), aQualification({ id: 8, code: '603/2981/1', title: 'Level 2 Certificate in Vehicle Fitting', displayOnVerify: true })],
      nextCursor: null,
    });
    await fixture.whenStable();
  }

  it('lists the qualifications, 50 at a time, with whether their documents are shown on the verification page', async () => {
    const request = expectList();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('q')).toBe(false);
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Loading qualifications"]')).not.toBeNull();
    request.flush({
      items: [aQualification(), aQualification({ id: 8, code: '603/2981/1', title: 'Level 2 Certificate in Vehicle Fitting', displayOnVerify: true })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows()).toHaveLength(2);
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual(['Code', 'Title', 'Show documents on the verification page']);
    expect(textOf(rows()[0].querySelectorAll('td')[0])).toBe('603/7506/5');
    const [first, second] = await toggles();
    expect(await first.isChecked()).toBe(false);
    expect(await first.getAriaLabel()).toBe('Show documents of 603/7506/5 on the verification page');
    expect(await second.isChecked()).toBe(true);
  });

  it('searches from the first page', async () => {
    await showQualifications();
    const input = byTestId('qualifications-search') as HTMLInputElement;
    input.value = ' vehicle ';
    input.dispatchEvent(new Event('input'));
    button(root, 'Search')!.click();
    const searched = expectList((params) => params.get('q') === 'vehicle');
    expect(searched.request.params.has('cursor')).toBe(false);
    searched.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(byTestId('qualifications-empty'))).toBe('No qualifications match “vehicle”.');
  });

  it('loads more with the cursor of the previous page', async () => {
    expectList().flush({ items: [aQualification()], nextCursor: 'q7' });
    await fixture.whenStable();
    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === 'q7').flush({ items: [aQualification({ id: 9, code: '600/0000/1' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
  });

  it('shows the documents of a qualification on the verification page once the API saved it, and says so', async () => {
    await showQualifications();
    const [first] = await toggles();
    await first.toggle();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/admin/qualifications/7/display' });
    expect(request.request.body).toEqual({ displayOnVerify: true });
    const [saving] = await toggles();
    expect(await saving.isChecked()).toBe(true);
    expect(await saving.isDisabled()).toBe(true);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Documents of 603/7506/5 are now shown on the verification page.');
    const [after] = await toggles();
    expect(await after.isChecked()).toBe(true);
    expect(await after.isDisabled()).toBe(false);
  });

  it('hides them again', async () => {
    await showQualifications();
    const [, second] = await toggles();
    await second.toggle();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/admin/qualifications/8/display' });
    expect(request.request.body).toEqual({ displayOnVerify: false });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Documents of 603/2981/1 are no longer shown on the verification page.');
  });

  it("puts the toggle back with the API's refusal", async () => {
    await showQualifications();
    const [first] = await toggles();
    await first.toggle();
    backend
      .expectOne({ method: 'PATCH', url: '/api/admin/qualifications/7/display' })
      .flush({ statusCode: 403, error: 'Forbidden', message: 'Only administrators can do this.' }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Only administrators can do this.');
    const [after] = await toggles();
    expect(await after.isChecked()).toBe(false);
  });

  it('shows the error with Retry', async () => {
    expectList().flush(
      { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable.' },
      { status: 503, statusText: 'Unavailable' },
    );
    await fixture.whenStable();
    expect(textOf(byTestId('qualifications-error'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    expectList().flush({ items: [aQualification()], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });
});
