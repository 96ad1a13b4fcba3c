import { SessionResponse } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR_SESSION, anEmail, SUPPORT_SESSION } from '../../testing/emails';
import { routes } from '../admin.routes';
import { EmailLogPageComponent } from './email-log-page.component';

describe('EmailLogPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(session: SessionResponse = ADMINISTRATOR_SESSION): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/emails', EmailLogPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
    backend.expectOne('/api/auth/session').flush(session);
  }

  function expectListRequest(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne((request) => {
      const params = new URLSearchParams(request.params.toString());
      return request.method === 'GET' && request.url === '/api/admin/emails' && check(params);
    });
  }

  async function render(): Promise<void> {
    await fixture.whenStable();
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="email-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
  const button = (text: string) => Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim().endsWith(text));

  afterEach(() => backend.verify());

  it('asks for the first page, newest first, 50 at a time', async () => {
    await open();
    const request = expectListRequest();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    expect(request.request.params.has('status')).toBe(false);
    request.flush({ items: [], nextCursor: null });
  });

  it('shows a progress bar while loading, then a row per email', async () => {
    await open();
    await render();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();

    expectListRequest().flush({
      items: [
        anEmail({ id: 2, to: 'kim@example.org', subject: 'Reset your password', template: 'password-reset', status: 'failed', attempts: 3 }),
        anEmail({ id: 1 }),
      ],
      nextCursor: null,
    });
    await render();

    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(root.querySelector('[data-testid="email-log"]')).not.toBeNull();
    expect(rows()).toHaveLength(2);
    const [to, subject, template, status, attempts, created] = cells(rows()[0]);
    expect([to, subject, template, status, attempts]).toEqual(['kim@example.org', 'Reset your password', 'password-reset', 'Failed', '3']);
    // British, in the body's time zone, whatever the browser's: 10:15 UTC on 28 November is 10:15 UK time
    expect(created).toBe('28 Nov 2026, 10:15 UK time');
    expect(rows()[1].querySelector('a')?.getAttribute('href')).toBe('/emails/1');
    const headers = Array.from(root.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['To', 'Subject', 'Template', 'Status', 'Attempts', 'Created']);
    expect(button('Load more')).toBeUndefined();
  });

  it('says so when there are no emails yet', async () => {
    await open();
    expectListRequest().flush({ items: [], nextCursor: null });
    await render();

    expect(root.querySelector('[data-testid="email-log-empty"]')?.textContent?.trim()).toBe('No emails yet.');
    expect(rows()).toHaveLength(0);
  });

  it('loads the next page with the cursor of the previous one and adds its rows', async () => {
    await open();
    expectListRequest().flush({ items: [anEmail({ id: 9 }), anEmail({ id: 8 })], nextCursor: '8' });
    await render();

    button('Load more')!.click();
    const next = expectListRequest((params) => params.get('cursor') === '8');
    expect(next.request.params.get('limit')).toBe('50');
    next.flush({ items: [anEmail({ id: 7 })], nextCursor: null });
    await render();

    expect(rows()).toHaveLength(3);
    expect(rows()[2].querySelector('a')?.getAttribute('href')).toBe('/emails/7');
    expect(button('Load more')).toBeUndefined();
  });

  it('filters by status from the first page', async () => {
    await open();
    expectListRequest().flush({ items: [anEmail()], nextCursor: '1' });
    await render();

    const loader: HarnessLoader = TestbedHarnessEnvironment.loader(fixture);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '.filters mat-select' }));
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'All statuses',
      'Pending',
      'Sending',
      'Sent',
      'Captured',
      'Failed',
      'Suppressed',
    ]);
    await select.clickOptions({ text: 'Failed' });

    const filtered = expectListRequest((params) => params.get('status') === 'failed');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [], nextCursor: null });
    await render();
    expect(root.querySelector('[data-testid="email-log-empty"]')?.textContent?.trim()).toBe('No emails with the status Failed.');
  });

  it('shows the error with Retry, which asks again', async () => {
    await open();
    expectListRequest().flush(
      { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable.' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await render();

    const error = root.querySelector('[data-testid="email-log-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('The database is not reachable.');
    expect(root.querySelector('[data-testid="email-log-empty"]')).toBeNull();

    button('Retry')!.click();
    expectListRequest().flush({ items: [anEmail()], nextCursor: null });
    await render();
    expect(root.querySelector('[data-testid="email-log-error"]')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('opens the email when its row is clicked', async () => {
    await open();
    expectListRequest().flush({ items: [anEmail({ id: 5 })], nextCursor: null });
    await render();

    rows()[0].querySelector('td')!.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/emails/5');
    backend.expectOne('/api/admin/emails/5');
  });

  it('offers "Send test email" to administrators only', async () => {
    await open(SUPPORT_SESSION);
    expectListRequest().flush({ items: [], nextCursor: null });
    await render();
    expect(button('Send test email')).toBeUndefined();
  });
});
