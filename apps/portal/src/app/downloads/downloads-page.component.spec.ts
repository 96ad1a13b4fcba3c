import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DownloadSummary } from '@achievement/contracts';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession, SUPPORT } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { API_ERROR_503 } from '../records/record-fixtures';
import { aDownload } from './download-fixtures';
import { DOWNLOADS_POLL_INTERVAL_MS, DownloadsPageComponent } from './downloads-page.component';

describe('DownloadsPageComponent', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    // rxjs timers run on setInterval: faking only those moves the poll on without touching Angular's own timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(CENTRE_STAFF).provider,
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/downloads', DownloadsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  const expectList = (cursor: string | null = null): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/downloads' && r.params.get('cursor') === cursor);
  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="download-row"]'));
  const inRow = (row: HTMLElement, id: string) => textOf(row.querySelector(`[data-testid="${id}"]`));
  const progressBar = (row: HTMLElement) => row.querySelector('[data-testid="download-progress"]');

  async function loaded(items: DownloadSummary[], nextCursor: string | null = null): Promise<void> {
    expectList().flush({ items, nextCursor });
    await settle(fixture);
  }

  /** Lets the poll's interval pass, then answers its GET /api/downloads/:id with `answers`. */
  async function poll(...answers: DownloadSummary[]): Promise<void> {
    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS);
    for (const answer of answers) {
      backend.expectOne({ method: 'GET', url: `/api/downloads/${answer.id}` }).flush(answer);
    }
    await settle(fixture);
  }

  it("shows the centre's downloads: name, requested by, created, documents, size, status, removal date and a plain link to the ready zip", async () => {
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    const request = expectList();
    expect(request.request.params.keys()).toEqual([]);
    request.flush({
      items: [
        aDownload({
          id: 43,
          name: 'Audit pack',
          status: 'failed',
          sizeBytes: null,
          readyAt: null,
          expiresAt: null,
          failureReason: 'A document file is missing.',
        }),
        aDownload({
          id: 42,
          status: 'expired',
          purpose: 'other',
          purposeDetail: 'Board review',
        }),
        aDownload({
          id: 41,
          documentCount: 1234,
          sizeBytes: 3.5 * 1024 * 1024,
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);

    const headers = Array.from(root.querySelectorAll('th')).map((th) => textOf(th));
    expect(headers).toEqual(['Name', 'Requested by', 'Created', 'Documents', 'Size', 'Status', 'Actions']);
    const [failed, expired, ready] = rows();
    expect(inRow(failed, 'download-status')).toBe('Failed');
    expect(inRow(failed, 'download-failure')).toBe('A document file is missing.');
    expect(inRow(failed, 'download-size')).toBe('—');
    expect(failed.querySelector('[data-testid="download-file"]')).toBeNull();
    expect(textOf(expired)).toContain('Other: Board review');
    expect(inRow(expired, 'download-status')).toBe('Expired');
    expect(inRow(expired, 'download-expires')).toBe('Removed on 6 Dec 2026');
    expect(expired.querySelector('[data-testid="download-file"]')).toBeNull();

    expect(inRow(ready, 'download-name')).toBe('Records 29 Nov 2026');
    expect(inRow(ready, 'download-requested-by')).toBe('Carol Centre');
    expect(textOf(ready)).toContain('29 Nov 2026');
    expect(inRow(ready, 'download-documents')).toBe('1,234');
    expect(inRow(ready, 'download-size')).toBe('3.5 MB');
    expect(inRow(ready, 'download-status')).toBe('Ready');
    expect(inRow(ready, 'download-expires')).toBe('Removed on 6 Dec 2026');
    const link = ready.querySelector<HTMLAnchorElement>('[data-testid="download-file"]')!;
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('/api/downloads/41/file');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('aria-label')).toBe('Download Records 29 Nov 2026 (zip, 3.5 MB)');
  });

  it('says so when the centre has no downloads', async () => {
    await loaded([]);
    expect(textOf(root.querySelector('[data-testid="downloads-empty"]'))).toBe(
      'Your centre has not asked for any downloads yet. Select records in Records and click Download.',
    );
  });

  it('shows the error with Retry', async () => {
    expectList().flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="downloads-error"]'))).toContain('The database is not reachable.');
    expect(root.querySelector('[data-testid="downloads-empty"]')).toBeNull();

    button(root, 'Retry')!.click();
    await loaded([]);
    expect(root.querySelector('[data-testid="downloads-error"]')).toBeNull();
  });

  it('loads more with the cursor', async () => {
    await loaded([aDownload({ id: 42 })], '42');
    button(root, 'Load more')!.click();
    expectList('42').flush({
      items: [aDownload({ id: 41 })],
      nextCursor: null,
    });
    await settle(fixture);
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('asks every 2 s for the rows queued or building, shows their progress, and stops once none is left', async () => {
    const queued = aDownload({
      id: 42,
      status: 'queued',
      processedCount: 0,
      sizeBytes: null,
      readyAt: null,
      expiresAt: null,
      documentCount: 200,
    });
    await loaded([queued, aDownload({ id: 41 })]);
    expect(inRow(rows()[0], 'download-status')).toBe('Queued');
    expect(textOf(rows()[0])).toContain('Waiting to start');

    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS - 1);
    backend.expectNone('/api/downloads/42');
    await poll({ ...queued, status: 'building', processedCount: 50 });
    expect(inRow(rows()[0], 'download-status')).toBe('Building');
    expect(progressBar(rows()[0])?.getAttribute('aria-valuenow')).toBe('25');
    expect(inRow(rows()[0], 'download-progress-text')).toBe('50 of 200 documents');

    await poll({ ...queued, status: 'building', processedCount: 150 });
    expect(progressBar(rows()[0])?.getAttribute('aria-valuenow')).toBe('75');

    await poll(aDownload({ id: 42, documentCount: 200, sizeBytes: 2048 }));
    expect(inRow(rows()[0], 'download-status')).toBe('Ready');
    expect(progressBar(rows()[0])).toBeNull();
    expect(rows()[0].querySelector('[data-testid="download-file"]')?.getAttribute('href')).toBe('/api/downloads/42/file');
    // The ready row (41) was never asked for, and nothing is asked for any more.
    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS * 3);
    backend.expectNone((r) => r.url.startsWith('/api/downloads/'));
  });

  it('asks for nothing when no row is in progress', async () => {
    await loaded([aDownload({ id: 41 }), aDownload({ id: 40, status: 'failed', failureReason: 'Broken' })]);
    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS * 3);
    backend.expectNone((r) => r.url.startsWith('/api/downloads/'));
  });

  it('keeps asking after a failed poll, and says so meanwhile', async () => {
    const building = aDownload({
      id: 42,
      status: 'building',
      processedCount: 10,
      documentCount: 100,
    });
    await loaded([building]);
    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS);
    backend.expectOne('/api/downloads/42').flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="downloads-poll-error"]'))).toBe('The database is not reachable.');

    await poll({ ...building, processedCount: 60 });
    expect(root.querySelector('[data-testid="downloads-poll-error"]')).toBeNull();
    expect(progressBar(rows()[0])?.getAttribute('aria-valuenow')).toBe('60');
    await poll(aDownload({ id: 42 }));
  });

  it('stops asking when the page is left', async () => {
    await loaded([aDownload({ id: 42, status: 'building', processedCount: 1 })]);
    await harness.navigateByUrl('/reports');
    backend.expectOne((r) => r.url === '/api/reports').flush({ items: [], nextCursor: null });
    vi.advanceTimersByTime(DOWNLOADS_POLL_INTERVAL_MS * 3);
    backend.expectNone('/api/downloads/42');
  });

  it('is for centre staff only', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting(), provideSession(SUPPORT).provider],
    });
    backend = TestBed.inject(HttpTestingController);
    const other = await RouterTestingHarness.create();
    await other.navigateByUrl('/downloads');
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
