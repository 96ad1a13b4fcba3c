import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { anEmailDetail } from '../../testing/emails';
import { routes } from '../admin.routes';
import { EmailDetailPageComponent, withLinksInNewTab } from './email-detail-page.component';

describe('EmailDetailPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/emails/7', EmailDetailPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function definitions(): Record<string, string> {
    const terms = Array.from(root.querySelectorAll('dt'));
    return Object.fromEntries(terms.map((dt) => [dt.textContent?.trim() ?? '', dt.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim() ?? '']));
  }

  it('shows the headers, the HTML body in a sandboxed frame and the plain text', async () => {
    backend.expectOne('/api/admin/emails/7').flush(anEmailDetail({ id: 7, status: 'failed', sentAt: null, lastError: 'Connection refused', attempts: 3 }));
    await fixture.whenStable();

    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Your certificate is ready');
    const headers = definitions();
    expect(headers['To']).toBe('lee@example.org');
    expect(headers['Subject']).toBe('Your certificate is ready');
    expect(headers['Status']).toBe('Failed');
    expect(headers['Message-ID']).toBe('<0c1d@portal.example>');
    expect(headers['Sent']).toBe('Not sent yet');
    expect(headers['Created']).toMatch(/2026/);
    expect(headers['Last error']).toBe('Connection refused');

    const frame = root.querySelector('iframe')!;
    // no script and no form of the email runs; the same origin only lets the page measure the body
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
    expect(frame.getAttribute('title')).toBe('HTML body of the email to lee@example.org');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('<a href="https://example.org/verify/1">verify</a>');
    expect(srcdoc).toContain('<base target="_blank">');

    expect(root.querySelector('pre')?.textContent).toBe('Hello\n\nVerify: https://example.org/verify/1');
    expect(root.querySelector('a[href="/emails"]')?.textContent?.trim()).toContain('Back to Email log');
  });

  it('says when a body is missing', async () => {
    backend.expectOne('/api/admin/emails/7').flush(anEmailDetail({ id: 7, html: null, text: null }));
    await fixture.whenStable();

    expect(root.querySelector('iframe')).toBeNull();
    expect(root.textContent).toContain('This email has no HTML body.');
    expect(root.textContent).toContain('This email has no plain-text body.');
  });

  it("shows the API's error with Retry", async () => {
    backend
      .expectOne('/api/admin/emails/7')
      .flush({ statusCode: 404, error: 'Not Found', message: 'There is no email 7.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('There is no email 7.');
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Retry'))!
      .click();
    backend.expectOne('/api/admin/emails/7').flush(anEmailDetail({ id: 7 }));
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('withLinksInNewTab', () => {
  it('adds <base target="_blank"> inside the head', () => {
    expect(withLinksInNewTab('<html><head lang="en"><title>t</title></head><body></body></html>')).toBe(
      '<html><head lang="en"><base target="_blank"><title>t</title></head><body></body></html>',
    );
  });

  it('puts it first when the email has no head', () => {
    expect(withLinksInNewTab('<p><a href="https://x.example">x</a></p>')).toBe('<base target="_blank"><p><a href="https://x.example">x</a></p>');
  });
});
