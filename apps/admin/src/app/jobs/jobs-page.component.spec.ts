import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aJob, chooseCentre } from '../../testing/documents';
import { aCentre, button, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { JobsPageComponent } from './jobs-page.component';
import { JOB_POLL_INTERVAL_MS } from './job-status';

describe('JobsPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;
  /** Long, so that no row is asked for again, except where a test shortens it. */
  let pollInterval = 600_000;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: JOB_POLL_INTERVAL_MS, useFactory: () => pollInterval },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/jobs', JobsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/jobs' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="job-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell));

  it('asks for the newest jobs of every centre, 50 at a time, and shows a row for each', async () => {
    const request = expectList();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    expect(request.request.params.has('status')).toBe(false);
    expect(request.request.params.has('centreId')).toBe(false);
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Loading jobs"]')).not.toBeNull();

    request.flush({
      items: [aJob({ id: 42, number: 'J000042', status: 'rendering', documentCount: 10, renderedCount: 3, issuedAt: null }), aJob()],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(root.querySelector('mat-progress-bar[aria-label="Loading jobs"]')).toBeNull();
    expect(rows()).toHaveLength(2);
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual(['Job', 'Centre', 'Status', 'Documents', 'Created', 'Issued']);
    const [job, centre, status, documents, created, issued] = cells(rows()[0]);
    expect([job, centre, documents]).toEqual(['J000042', 'C10001 Northfield College', '10']);
    expect(status).toMatch(/^Rendering\s*3 of 10 documents rendered$/);
    expect(created).toMatch(/28 Nov 2026, 09:00 UK time by Ada Admin/);
    expect(issued).toBe('Not yet');
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/jobs/42');
  });

  it('shows a determinate progress bar only for a job being rendered', async () => {
    expectList().flush({
      items: [aJob({ id: 42, status: 'rendering', documentCount: 10, renderedCount: 3, issuedAt: null }), aJob({ id: 41 })],
      nextCursor: null,
    });
    await fixture.whenStable();

    const bars = root.querySelectorAll('[data-testid="job-progress"]');
    expect(bars).toHaveLength(1);
    expect(rows()[0].contains(bars[0])).toBe(true);
    expect(bars[0].getAttribute('aria-valuenow')).toBe('30');
    expect(bars[0].getAttribute('mode')).toBe('determinate');
  });

  it('says when there are no jobs yet, and offers to issue one', async () => {
    expectList().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="jobs-empty"]'))).toBe('No jobs yet. Issue one with “Issue a job”.');
    expect(root.querySelector('[data-testid="issue-job-link"]')?.getAttribute('href')).toBe('/jobs/new');
  });

  it('loads more with the cursor of the previous page', async () => {
    expectList().flush({ items: [aJob({ id: 9 })], nextCursor: '9' });
    await fixture.whenStable();
    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === '9').flush({ items: [aJob({ id: 8 })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('filters by status from the first page', async () => {
    expectList().flush({ items: [aJob()], nextCursor: '41' });
    await fixture.whenStable();

    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual(['All statuses', 'Queued', 'Rendering', 'Issued', 'Failed']);
    await select.clickOptions({ text: 'Failed' });
    const filtered = expectList((params) => params.get('status') === 'failed');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="jobs-empty"]'))).toBe('No jobs match these filters.');
  });

  it('filters by a centre chosen from the suggestions', async () => {
    expectList().flush({ items: [aJob()], nextCursor: null });
    await fixture.whenStable();

    const autocomplete = await chooseCentre(
      fixture,
      backend,
      'north',
      [aCentre({ id: 3 }), aCentre({ id: 4, number: 'C10002', name: 'Northgate School' })],
      'C10002 – Northgate School',
    );
    const filtered = expectList((params) => params.get('centreId') === '4');
    filtered.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(await autocomplete.getValue()).toBe('C10002 – Northgate School');
  });

  it('shows the error with Retry', async () => {
    expectList().flush({ statusCode: 403, error: 'Forbidden', message: 'Only administrators can do this.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    const error = root.querySelector('[data-testid="jobs-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Only administrators can do this.');
    expect(root.querySelector('[data-testid="jobs-empty"]')).toBeNull();
    button(root, 'Retry')!.click();
    expectList().flush({ items: [aJob()], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });

  it('opens the job when its row is clicked', async () => {
    expectList().flush({ items: [aJob({ id: 5 })], nextCursor: null });
    await fixture.whenStable();
    rows()[0].querySelectorAll('td')[1].click();
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/jobs/5');
    backend.expectOne('/api/admin/jobs/5').flush(aJob({ id: 5 }));
  });

  describe('with rows in progress', () => {
    beforeAll(() => {
      pollInterval = 20;
    });
    afterAll(() => {
      pollInterval = 600_000;
    });

    it('follows the rows in progress until they are done, then stops asking', async () => {
      expectList().flush({
        items: [
          aJob({ id: 43, number: 'J000043', status: 'queued', documentCount: 10, renderedCount: 0, issuedAt: null }),
          aJob({ id: 42, number: 'J000042', status: 'rendering', documentCount: 10, renderedCount: 3, issuedAt: null }),
          aJob({ id: 41 }),
        ],
        nextCursor: null,
      });
      await fixture.whenStable();

      const first = await vi.waitFor(() => {
        const requests = backend.match((request) => /^\/api\/admin\/jobs\/\d+$/.test(request.url));
        expect(requests.map((request) => request.request.url).sort()).toEqual(['/api/admin/jobs/42', '/api/admin/jobs/43']);
        return requests;
      });
      for (const request of first) {
        request.flush(
          request.request.url.endsWith('/42')
            ? aJob({ id: 42, number: 'J000042', status: 'issued', documentCount: 10, renderedCount: 10 })
            : aJob({ id: 43, number: 'J000043', status: 'rendering', documentCount: 10, renderedCount: 5, issuedAt: null }),
        );
      }
      await fixture.whenStable();
      expect(textOf(rows()[1].querySelectorAll('td')[2])).toBe('Issued');
      expect(rows()[0].querySelector('[data-testid="job-progress"]')?.getAttribute('aria-valuenow')).toBe('50');

      const second = await vi.waitFor(() => backend.expectOne('/api/admin/jobs/43'));
      second.flush(aJob({ id: 43, number: 'J000043', status: 'issued', documentCount: 10, renderedCount: 10 }));
      await fixture.whenStable();
      expect(root.querySelector('[data-testid="job-progress"]')).toBeNull();

      await new Promise((resolve) => setTimeout(resolve, 100));
      backend.expectNone((request) => /^\/api\/admin\/jobs\/\d+$/.test(request.url));
    });
  });
});
