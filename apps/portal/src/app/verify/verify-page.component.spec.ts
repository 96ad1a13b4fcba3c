import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { errorOf, settle, textOf, type } from '../../testing/forms';
import { provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aPdfCheck, aVerification, CODE } from './verification-fixtures';
import { PAGE_LOAD } from './server-page';
import { PDF_MAX_BYTES, VerifyPageComponent } from './verify-page.component';

describe('VerifyPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;
  /** the addresses opened as whole pages (the server writes a document's verification page) */
  let loaded: string[];

  beforeEach(async () => {
    loaded = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(null).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: PAGE_LOAD, useValue: (url: string) => loaded.push(url) },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/verify', VerifyPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function submitCode(value: string): Promise<void> {
    type(root, 'Verification code', value);
    byTestId('verify-code-submit')!.click();
    await settle(fixture);
  }

  /** Chooses a file in the (hidden) file input, as the "Choose a PDF" button lets a person do. */
  async function choose(file: File): Promise<void> {
    const input = byTestId('verify-pdf-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
  }

  const pdf = (name = 'certificate.pdf', bytes = '%PDF-1.7 …') => new File([bytes], name, { type: 'application/pdf' });

  function expectPdfCheck(): TestRequest {
    return backend.expectOne({ method: 'POST', url: '/api/verify/pdf' });
  }

  it('is open to an anonymous visitor, with the code form and Check a PDF', () => {
    expect(TestBed.inject(Router).url).toBe('/verify');
    expect(textOf(root.querySelector('h1'))).toBe('Verify a document');
    expect(Array.from(root.querySelectorAll('h2')).map(textOf)).toEqual(['Check a code', 'Check a PDF']);
    expect(byTestId('verify-pdf-input')?.getAttribute('accept')).toBe('application/pdf,.pdf');
  });

  it("opens the verification page of a typed code (the server's page), without spaces, case kept, via=code", async () => {
    await submitCode(`  Zm9vYmFy mF6cXV4 cXV1eHF1dXhxdXV4 `);
    expect(loaded).toEqual(['/verify/Zm9vYmFymF6cXV4cXV1eHF1dXhxdXV4?via=code']);
    // the page is loaded whole: the router stays, and the app asks nothing itself
    expect(TestBed.inject(Router).url).toBe('/verify');
    backend.expectNone(() => true);
  });

  it('drops the dashes of a code typed in groups', async () => {
    await submitCode('Zm9v-YmFy-YmF6-cXV4-cXV1-eHF1-dXhx-dXV4');
    expect(loaded).toEqual(['/verify/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4?via=code']);
  });

  it('keeps a dash that is part of the code', async () => {
    await submitCode(CODE);
    expect(loaded).toEqual([`/verify/${CODE}?via=code`]);
  });

  it('asks for a code, and for one of the characters a code has, before checking', async () => {
    byTestId('verify-code-submit')!.click();
    await settle(fixture);
    expect(errorOf(root, 'Verification code')).toBe('Enter the code printed under the QR code');

    await submitCode('abc/def');
    expect(errorOf(root, 'Verification code')).toBe('A code has only letters, digits, “-” and “_”');
    expect(TestBed.inject(Router).url).toBe('/verify');
    expect(loaded).toEqual([]);
    backend.expectNone(() => true);
  });

  it('says a chosen PDF is genuine, with the facts and status of its document', async () => {
    await choose(pdf());
    const request = expectPdfCheck();
    expect(request.request.body).toBeInstanceOf(File);
    expect((request.request.body as File).name).toBe('certificate.pdf');
    expect(request.request.headers.get('Content-Type')).toBe('application/pdf');
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Checking certificate.pdf"]')).not.toBeNull();
    expect(byTestId('verify-pdf-choose')?.hasAttribute('disabled')).toBe(true);

    request.flush(aPdfCheck({ document: aVerification({ status: 'revoked', revokedAt: '2026-11-10T12:00:00.000Z' }) }));
    await settle(fixture);

    expect(textOf(byTestId('verify-genuine'))).toContain('Genuine: this file (certificate.pdf) is, byte for byte, a document issued by the awarding body.');
    expect(byTestId('verify-not-issued')).toBeNull();
    expect(textOf(byTestId('verify-status')?.querySelector('.banner__title'))).toBe('Revoked on 10 November 2026');
    expect(textOf(byTestId('verify-facts'))).toContain('D0000101');
    expect(textOf(root)).toContain('SHA-256 of the file: ' + 'ab'.repeat(32));
  });

  it("shows every key fact of a genuine PDF's document, and a superseded one links to the server's page of the current version", async () => {
    await choose(pdf());
    expectPdfCheck().flush(aPdfCheck({ document: aVerification({ status: 'superseded', currentVersionCode: 'NEWcode_0123456789abcdefghijklmn' }) }));
    await settle(fixture);

    const terms = Array.from(root.querySelectorAll('[data-testid="verify-facts"] dt'));
    expect(Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]))).toEqual({
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
    expect(root.querySelector('[data-testid="verify-facts"] time')?.getAttribute('datetime')).toBe('2026-07-01');
    const status = byTestId('verify-status')!;
    expect(status.getAttribute('data-status')).toBe('superseded');
    expect(textOf(status.querySelector('.banner__title'))).toBe('Superseded');
    const link = byTestId('verify-current-version') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/verify/NEWcode_0123456789abcdefghijklmn?via=code');
    link.click();
    await settle(fixture);
    expect(loaded).toEqual(['/verify/NEWcode_0123456789abcdefghijklmn?via=code']);
  });

  it('says a centre copy is not the document, in plain words, with whose document it is and its live status', async () => {
    await choose(pdf('centre copy.pdf'));
    expectPdfCheck().flush(
      aPdfCheck({ kind: 'centre-copy', genuine: false, document: aVerification({ status: 'revoked', revokedAt: '2026-11-10T12:00:00.000Z' }) }),
    );
    await settle(fixture);

    const verdict = textOf(byTestId('verify-centre-copy'));
    expect(verdict).toContain(
      'A centre copy, not the document: this file (centre copy.pdf) is the copy of Łukasz Wójcik’s document D0000101 (Level 3 Diploma in Light Vehicle Maintenance) that their training centre keeps for its records.',
    );
    expect(verdict).toContain('A centre copy does not prove the document.');
    expect(byTestId('verify-genuine')).toBeNull();
    expect(byTestId('verify-not-issued')).toBeNull();
    expect(textOf(byTestId('verify-status')?.querySelector('.banner__title'))).toBe('Revoked on 10 November 2026');
    expect(textOf(byTestId('verify-facts'))).toContain('D0000101');
  });

  it('says a PDF that matches no document was not issued', async () => {
    await choose(pdf('edited.pdf'));
    expectPdfCheck().flush(aPdfCheck({ kind: 'not-issued', genuine: false, document: null }));
    await settle(fixture);

    expect(textOf(byTestId('verify-not-issued'))).toContain('Not issued: this file (edited.pdf) does not match any document the awarding body issued');
    expect(byTestId('verify-genuine')).toBeNull();
    expect(byTestId('verify-status')).toBeNull();
  });

  it('refuses a file that is not a PDF, or larger than the API accepts, without sending it', async () => {
    await choose(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(textOf(byTestId('verify-pdf-error')?.querySelector('p'))).toBe('notes.txt is not a PDF file. Choose the PDF of the document.');

    const big = pdf('big.pdf');
    Object.defineProperty(big, 'size', { value: PDF_MAX_BYTES + 1 });
    await choose(big);
    expect(textOf(byTestId('verify-pdf-error'))).toContain('big.pdf is larger than 10 MB');
    backend.expectNone('/api/verify/pdf');
  });

  it('asks to wait a minute when the network made too many checks', async () => {
    await choose(pdf());
    expectPdfCheck().flush(
      { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException: Too Many Requests', code: 'TOO_MANY_CHECKS' },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle(fixture);
    expect(textOf(byTestId('verify-pdf-error'))).toContain('Too many checks from your network; try again in a minute.');
  });

  it("shows the API's message when the file could not be checked", async () => {
    await choose(pdf());
    expectPdfCheck().flush(
      { statusCode: 413, error: 'Payload Too Large', message: 'The file is larger than 10 MiB.' },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await settle(fixture);
    expect(textOf(byTestId('verify-pdf-error'))).toContain('The file is larger than 10 MiB.');
  });
});
