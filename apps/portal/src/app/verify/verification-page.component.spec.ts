import { SessionUser } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aVerification, CODE } from './verification-fixtures';
import { VerificationPageComponent } from './verification-page.component';

describe('VerificationPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  /** Opens the page as an anonymous visitor, as one who scanned the QR code is. */
  async function open(url = `/verify/${CODE}`, user: SessionUser | null = null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(user).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, VerificationPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  function expectCheck(code = CODE, via = 'qr'): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === `/api/verify/${encodeURIComponent(code)}` && request.params.get('via') === via,
    );
  }

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  function facts(): Record<string, string> {
    const terms = Array.from(root.querySelectorAll('[data-testid="verify-facts"] dt'));
    return Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]));
  }

  afterEach(() => backend.verify());

  it('shows an anonymous visitor a valid document with its key facts, asking with via=qr', async () => {
    await open();
    expect(TestBed.inject(Router).url).toBe(`/verify/${CODE}`);
    const request = expectCheck();
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Checking the document"]')).not.toBeNull();

    request.flush(aVerification());
    await settle(fixture);

    expect(root.querySelector('mat-progress-bar')).toBeNull();
    const status = byTestId('verify-status')!;
    expect(status.className).toContain('banner--valid');
    expect(Array.from(status.querySelectorAll('p')).map(textOf)).toEqual(['Valid', 'The awarding body issued this document, and it is current.']);
    expect(facts()).toEqual({
      Learner: 'Łukasz Wójcik',
      Qualification: 'Level 3 Diploma in Light Vehicle Maintenance',
      'Qualification number': '603/7506/5',
      Document: 'Certificate',
      Grade: 'Distinction',
      'Award date': '1 July 2026',
      Centre: 'Northfield College (C10001)',
      'Document number': 'D0000101',
      Issued: '2 November 2026',
    });
    expect(byTestId('verify-document')).toBeNull();
    expect(byTestId('verify-open-document')).toBeNull();
  });

  it('asks with via=code when the code was typed on the form', async () => {
    await open(`/verify/${CODE}?via=code`);
    expectCheck(CODE, 'code').flush(aVerification());
    await settle(fixture);
    expect(textOf(byTestId('verify-status'))).toContain('Valid');
  });

  it('says when a document was revoked, and on which date, in red', async () => {
    await open();
    expectCheck().flush(aVerification({ status: 'revoked', revokedAt: '2026-11-10T12:00:00.000Z' }));
    await settle(fixture);

    const status = byTestId('verify-status')!;
    expect(status.className).toContain('banner--revoked');
    expect(status.getAttribute('data-status')).toBe('revoked');
    expect(textOf(status.querySelector('.banner__title'))).toBe('Revoked on 10 November 2026');
    expect(textOf(status)).not.toMatch(/\bvalid\b/i);
  });

  it('says when a document was superseded, linking to the current version, which the same page then checks', async () => {
    await open();
    expectCheck().flush(aVerification({ status: 'superseded', currentVersionCode: 'NEWcode_0123456789abcdefghijklmn' }));
    await settle(fixture);

    const status = byTestId('verify-status')!;
    expect(status.className).toContain('banner--superseded');
    expect(textOf(status.querySelector('.banner__title'))).toBe('Superseded');
    const link = byTestId('verify-current-version') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/verify/NEWcode_0123456789abcdefghijklmn?via=code');

    link.click();
    await settle(fixture);
    expectCheck('NEWcode_0123456789abcdefghijklmn', 'code').flush(aVerification({ documentNumber: 'D0000102' }));
    await settle(fixture);
    expect(textOf(byTestId('verify-status'))).toContain('Valid');
    expect(facts()['Document number']).toBe('D0000102');
  });

  it('shows the document in the page, with Open the document, when its display is enabled', async () => {
    await open();
    expectCheck().flush(aVerification({ displayEnabled: true }));
    await settle(fixture);

    const frame = byTestId('verify-document') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(`/api/verify/${CODE}/document`);
    expect(frame.getAttribute('title')).toBe('Document D0000101 (PDF)');
    const link = byTestId('verify-open-document') as HTMLAnchorElement;
    expect(textOf(link)).toContain('Open the document');
    expect(link.getAttribute('href')).toBe(`/api/verify/${CODE}/document`);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('says it could not find a document for an unknown (or malformed) code, without Try again', async () => {
    await open('/verify/not-a-code');
    expectCheck('not-a-code').flush({ statusCode: 404, error: 'Not Found', message: 'No document has this code.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);

    const error = byTestId('verify-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('We could not find a document with this code. Check it and try again.');
    expect(button(root, 'Try again')).toBeUndefined();
    expect(byTestId('verify-status')).toBeNull();
  });

  it('asks to wait a minute when the network made too many checks, and tries again', async () => {
    await open();
    expectCheck().flush({ statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException: Too Many Requests' }, { status: 429, statusText: 'Too Many Requests' });
    await settle(fixture);

    expect(textOf(byTestId('verify-error'))).toContain('Too many checks from your network; try again in a minute.');
    button(root, 'Try again')!.click();
    expectCheck().flush(aVerification());
    await settle(fixture);
    expect(byTestId('verify-error')).toBeNull();
    expect(textOf(byTestId('verify-status'))).toContain('Valid');
  });

  it("shows the API's message when the check failed for another reason", async () => {
    await open();
    expectCheck().flush({ statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable.' }, { status: 503, statusText: 'Unavailable' });
    await settle(fixture);
    expect(textOf(byTestId('verify-error'))).toContain('The database is not reachable.');
    expect(button(root, 'Try again')).toBeDefined();
  });

  it('is open to a signed-in user too, and offers to check another document', async () => {
    await open(`/verify/${CODE}`, CENTRE_STAFF);
    expect(TestBed.inject(Router).url).toBe(`/verify/${CODE}`);
    expectCheck().flush(aVerification());
    await settle(fixture);
    expect(root.querySelector('a[href="/verify"]')?.textContent).toContain('Check another document');
  });
});
