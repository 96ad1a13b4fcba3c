import { AdminJobDetail } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aJobDetail, aJobDocument } from '../../testing/documents';
import { button, settle, spokenText, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { JobPageComponent } from './job-page.component';
import { JOB_POLL_INTERVAL_MS } from './job-status';

/** The poll interval of these tests (the page's own is 2 seconds). */
const INTERVAL = 20;

const QUEUED = aJobDetail({ id: 77, number: 'J000077', status: 'queued', documentCount: 10, renderedCount: 0, issuedAt: null, centreNotifiedAt: null });
const RENDERING: AdminJobDetail = { ...QUEUED, status: 'rendering', renderedCount: 3 };
const ISSUED: AdminJobDetail = {
  ...QUEUED,
  status: 'issued',
  renderedCount: 10,
  issuedAt: '2026-11-28T09:02:00.000Z',
  centreNotifiedAt: '2026-11-28T09:02:05.000Z',
};

describe('JOB_POLL_INTERVAL_MS', () => {
  it('asks again every 2 seconds by default', () => {
    expect(TestBed.inject(JOB_POLL_INTERVAL_MS)).toBe(2000);
  });
});

describe('JobPageComponent', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: JOB_POLL_INTERVAL_MS, useValue: INTERVAL },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/jobs/77', JobPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  const documentsUrl = '/api/admin/jobs/77/documents';
  /** The requests of the job's documents list (each change of the job's status reads it again). */
  const documentRequests = () => backend.match((request) => request.url === documentsUrl);

  afterEach(() => {
    for (const request of documentRequests()) {
      if (!request.cancelled) request.flush({ items: [], nextCursor: null });
    }
    backend.verify();
  });

  /** The next GET of the job, once the page asks for it. */
  async function nextRequest(): Promise<TestRequest> {
    return vi.waitFor(() => backend.expectOne('/api/admin/jobs/77'), { timeout: 1000, interval: 5 });
  }

  async function noMoreRequests(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, INTERVAL * 5));
    backend.expectNone('/api/admin/jobs/77');
  }

  const state = () => textOf(root.querySelector('[data-testid="job-state"]'));
  const bar = () => root.querySelector('[data-testid="job-progress"]');

  it('follows a job from queued through rendering to issued, then stops asking', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(QUEUED);
    await fixture.whenStable();
    expect(textOf(root.querySelector('h1'))).toBe('Job J000077');
    expect(textOf(root.querySelector('[data-testid="job-status"]'))).toBe('Queued');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('0');

    (await nextRequest()).flush(RENDERING);
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="job-status"]'))).toBe('Rendering');
    expect(bar()?.getAttribute('mode')).toBe('determinate');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('30');
    expect(bar()?.getAttribute('aria-valuetext')).toBe('3 of 10 documents rendered');
    expect(state()).toContain('3 of 10 documents rendered');

    (await nextRequest()).flush(ISSUED);
    await fixture.whenStable();
    expect(bar()).toBeNull();
    expect(textOf(root.querySelector('[data-testid="job-status"]'))).toBe('Issued');
    expect(spokenText(root.querySelector('[data-testid="job-issued"]'))).toMatch(
      /^Issued 28 Nov 2026, 09:02:00 UK time; the centre's central email was notified 28 Nov 2026, 09:02:05 UK time\.$/,
    );
    await noMoreRequests();
  });

  it('does not ask again about a job that is already issued', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(ISSUED);
    await fixture.whenStable();
    expect(textOf(root.querySelector('.details'))).toContain('C10001 – Northfield College');
    await noMoreRequests();
  });

  it('says when the centre has not been notified yet', async () => {
    backend.expectOne('/api/admin/jobs/77').flush({ ...ISSUED, centreNotifiedAt: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="job-issued"]'))).toContain("the centre's central email has not been notified yet.");
  });

  it('shows why a job failed, and stops asking', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(RENDERING);
    await fixture.whenStable();
    (await nextRequest()).flush({ ...RENDERING, status: 'failed', failureReason: 'The PDF renderer ran out of memory.' });
    await fixture.whenStable();
    const failed = root.querySelector('[data-testid="job-failed"]');
    expect(failed?.getAttribute('role')).toBe('alert');
    expect(Array.from(failed?.querySelectorAll('p') ?? []).map((p) => textOf(p))).toEqual(['The job failed.', 'The PDF renderer ran out of memory.']);
    await noMoreRequests();
  });

  it('keeps trying when a refresh fails', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(RENDERING);
    await fixture.whenStable();
    (await nextRequest()).flush(
      { statusCode: 503, error: 'Service Unavailable', message: 'The database is busy.' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="job-refresh-error"]'))).toBe('The database is busy. Trying again…');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('30');

    (await nextRequest()).flush(ISSUED);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="job-refresh-error"]')).toBeNull();
    await noMoreRequests();
  });

  it('shows the error with Retry when the job cannot be loaded', async () => {
    backend
      .expectOne('/api/admin/jobs/77')
      .flush({ statusCode: 404, error: 'Not Found', message: 'There is no job 77.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="job-error"]'))).toContain('There is no job 77.');
    await noMoreRequests();

    button(root, 'Retry')!.click();
    backend.expectOne('/api/admin/jobs/77').flush(ISSUED);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="job-error"]')).toBeNull();
  });

  it("lists the job's documents with their status and PDF, pages with Load more, and reads them again once the job is issued", async () => {
    backend.expectOne('/api/admin/jobs/77').flush(RENDERING);
    await fixture.whenStable();
    const first = backend.expectOne((request) => request.url === documentsUrl);
    expect(first.request.params.get('cursor')).toBeNull();
    first.flush({
      items: [
        aJobDocument({ id: 1, documentNumber: 'D100000001', learnerName: 'Zofia Wójcik-Nowak', rendered: true }),
        aJobDocument({ id: 2, documentNumber: 'D100000002', learnerName: 'Ellie Ward', status: 'revoked', rendered: false, version: 2 }),
      ],
      nextCursor: '2',
    });
    await settle(fixture);
    const rowElements = () => Array.from(root.querySelectorAll('[data-testid="job-document"]'));
    const rows = () => rowElements().map((row) => [textOf(row.querySelector('.main')), ...Array.from(row.querySelectorAll('dd')).map((dd) => textOf(dd))]);
    expect(rows()).toEqual([
      ['D100000001Zofia Wójcik-Nowak', 'E000001', '603/7506/5', 'Certificate', 'Valid', 'Rendered'],
      ['D100000002 (version 2)Ellie Ward', 'E000002', '603/7506/5', 'Certificate', 'Revoked', 'Not yet rendered'],
    ]);
    expect(textOf(rowElements()[0].querySelector('a.verify'))).toBe('Verification page of D100000001 (opens in a new tab)');
    expect(root.querySelector('[data-testid="job-document"] a.verify')?.getAttribute('href')).toBe('/verify/code1');

    button(root, 'Load more documents')!.click();
    const more = backend.expectOne((request) => request.url === documentsUrl && request.params.get('cursor') === '2');
    more.flush({ items: [aJobDocument({ id: 3, documentNumber: 'D100000003' })], nextCursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(3);
    expect(button(root, 'Load more documents')).toBeUndefined();

    (await nextRequest()).flush(ISSUED);
    await settle(fixture);
    const again = backend.expectOne((request) => request.url === documentsUrl);
    expect(again.request.params.get('cursor')).toBeNull();
    again.flush({ items: [aJobDocument({ id: 1 })], nextCursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });

  it('shows the error of the documents list with Retry, and says when a job has none', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(ISSUED);
    await fixture.whenStable();
    backend
      .expectOne((request) => request.url === documentsUrl)
      .flush({ statusCode: 503, error: 'Service Unavailable', message: 'The database is busy.' }, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="job-documents-error"]'))).toContain('The database is busy.');
    button(root, 'Retry')!.click();
    backend.expectOne((request) => request.url === documentsUrl).flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="job-documents-empty"]'))).toBe('This job has no documents.');
  });

  it('stops asking once the page is left', async () => {
    backend.expectOne('/api/admin/jobs/77').flush(RENDERING);
    await fixture.whenStable();
    await harness.navigateByUrl('/jobs');
    await settle(fixture);
    backend.expectOne((request) => request.url === '/api/admin/jobs').flush({ items: [], nextCursor: null });
    // A refresh on its way as the page was left is cancelled.
    for (const request of backend.match('/api/admin/jobs/77')) {
      expect(request.cancelled).toBe(true);
    }
    await noMoreRequests();
  });
});
