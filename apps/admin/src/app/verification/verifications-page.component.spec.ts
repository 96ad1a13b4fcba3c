import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { aVerificationEntry } from './verification-fixtures';
import { VerificationsPageComponent } from './verifications-page.component';

describe('VerificationsPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(url = '/verifications'): Promise<void> {
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
    await harness.navigateByUrl(url, VerificationsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/verifications' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="verification-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell));
  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('asks for the newest verifications of every document, 50 at a time, and shows time, method, client and document', async () => {
    await open();
    const request = expectList();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    expect(request.request.params.has('documentId')).toBe(false);
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Loading verifications"]')).not.toBeNull();

    request.flush({
      items: [
        aVerificationEntry(),
        aVerificationEntry({ id: 300, method: 'code', client: 'Firefox on Windows, 2001:db8:1::/48' }),
        aVerificationEntry({ id: 299, method: 'upload', document: null }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual(['Time', 'Method', 'Client', 'Document']);
    const [time, method, client, document] = cells(rows()[0]);
    expect(time).toMatch(/^28 Nov 2026, 09:15:00 UK time$/);
    expect([method, client, document]).toEqual(['QR code', 'Chrome on Android, 203.0.113.0/24', 'D0000501 Mary Ann Smith']);
    expect(cells(rows()[1])[1]).toBe('Typed code');
    expect(cells(rows()[2]).slice(1)).toEqual(['PDF upload', 'Chrome on Android, 203.0.113.0/24', 'No document (unknown code or file)']);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/verifications?documentId=501');
  });

  it('says when nobody has verified a document yet', async () => {
    await open();
    expectList().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(byTestId('verifications-empty'))).toBe('No verifications yet.');
  });

  it('loads more with the cursor of the previous page', async () => {
    await open();
    expectList().flush({ items: [aVerificationEntry({ id: 9 })], nextCursor: 'c9' });
    await fixture.whenStable();
    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === 'c9').flush({ items: [aVerificationEntry({ id: 8 })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('filters by a document id from the address, and keeps it while loading more', async () => {
    await open('/verifications?documentId=501');
    expectList((params) => params.get('documentId') === '501').flush({ items: [aVerificationEntry()], nextCursor: 'c1' });
    await fixture.whenStable();
    expect((byTestId('verifications-document-filter') as HTMLInputElement).value).toBe('501');

    button(root, 'Load more')!.click();
    expectList((params) => params.get('documentId') === '501' && params.get('cursor') === 'c1').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
  });

  it('filters by a typed document id from the first page, and shows every document again', async () => {
    await open();
    expectList().flush({ items: [aVerificationEntry()], nextCursor: 'c1' });
    await fixture.whenStable();

    const input = byTestId('verifications-document-filter') as HTMLInputElement;
    input.value = '42';
    input.dispatchEvent(new Event('input'));
    button(root, 'Filter')!.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/verifications?documentId=42');
    const filtered = expectList((params) => params.get('documentId') === '42');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(byTestId('verifications-empty'))).toBe('No verifications of document 42 yet.');

    button(root, 'Show every document')!.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/verifications');
    expectList((params) => !params.has('documentId')).flush({ items: [aVerificationEntry()], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });

  it('asks for a whole number as the document id', async () => {
    await open();
    expectList().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    const input = byTestId('verifications-document-filter') as HTMLInputElement;
    input.value = 'D0000501';
    input.dispatchEvent(new Event('input'));
    button(root, 'Filter')!.click();
    await settle(fixture);
    expect(textOf(root.querySelector('mat-error'))).toBe('Enter a document id (a whole number from 1)');
    backend.expectNone('/api/admin/verifications');
  });

  it('shows the error with Retry', async () => {
    await open();
    expectList().flush({ statusCode: 403, error: 'Forbidden', message: 'Only administrators can do this.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    const error = byTestId('verifications-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Only administrators can do this.');
    expect(byTestId('verifications-empty')).toBeNull();
    button(root, 'Retry')!.click();
    expectList().flush({ items: [aVerificationEntry()], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });
});
