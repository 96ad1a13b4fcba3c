import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aRegistration, button, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { ReviewQueuePageComponent } from './review-queue-page.component';

describe('ReviewQueuePageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/registrations', ReviewQueuePageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/registrations' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="registration-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell));

  it('asks for the registrations awaiting review, 50 at a time, and shows a row for each', async () => {
    const request = expectList();
    expect(request.request.params.get('status')).toBe('awaiting_review');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({
      items: [aRegistration(), aRegistration({ id: 12, firstName: 'Bob', lastName: 'Byte', centreNumber: 'X999', centre: null, dateOfBirth: null })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows()).toHaveLength(2);
    const [name, email, centre, dateOfBirth, registered, verified] = cells(rows()[0]);
    expect([name, email, centre, dateOfBirth]).toEqual(['Ada Lovelace', 'ada@college.example', 'C10001 Northfield College', '23 April 1985']);
    expect(registered).toMatch(/28 Nov 2026/);
    expect(verified).toMatch(/28 Nov 2026/);
    expect(cells(rows()[1])[2]).toBe('X999 (no centre has this number)');
    expect(cells(rows()[1])[3]).toBe('Not given');
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/registrations/11');
    const headers = Array.from(root.querySelectorAll('th')).map((th) => textOf(th));
    expect(headers).toEqual(['Name', 'Email', 'Centre', 'Date of birth', 'Registered', 'Verified']);
  });

  it('says when no registrations are waiting for review', async () => {
    expectList().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="review-queue-empty"]'))).toBe('No registrations are waiting for review.');
  });

  it('loads more with the cursor of the previous page', async () => {
    expectList().flush({ items: [aRegistration({ id: 1 })], nextCursor: '1' });
    await fixture.whenStable();

    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === '1' && params.get('status') === 'awaiting_review').flush({
      items: [aRegistration({ id: 2 })],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('filters by another status from the first page', async () => {
    expectList().flush({ items: [aRegistration()], nextCursor: '11' });
    await fixture.whenStable();

    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await select.clickOptions({ text: 'Rejected' });
    const filtered = expectList((params) => params.get('status') === 'rejected');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="review-queue-empty"]'))).toBe('No registrations with the status Rejected.');
  });

  it('shows the error with Retry', async () => {
    expectList().flush({ statusCode: 403, error: 'Forbidden', message: 'Only administrators can do this.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="review-queue-error"]'))).toContain('Only administrators can do this.');
    button(root, 'Retry')!.click();
    expectList().flush({ items: [], nextCursor: null });
  });

  it('opens the registration when its row is clicked', async () => {
    expectList().flush({ items: [aRegistration({ id: 5 })], nextCursor: null });
    await fixture.whenStable();
    rows()[0].querySelectorAll('td')[1].click();
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/registrations/5');
    backend.expectOne('/api/admin/registrations/5');
  });
});
