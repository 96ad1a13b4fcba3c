import { HttpParams, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionUser } from '@achievement/contracts';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, LEARNER, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aJob, API_ERROR_503 } from '../records/record-fixtures';
import { JobsPageComponent } from './jobs-page.component';

describe('JobsPageComponent (Jobs Issued)', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(user: SessionUser = CENTRE_STAFF): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting(), provideSession(user).provider] });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    if (user.role === 'centre_staff') {
      await harness.navigateByUrl('/jobs', JobsPageComponent);
    } else {
      await harness.navigateByUrl('/jobs');
    }
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  const expectJobs = (check: (params: HttpParams) => boolean = () => true): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/jobs' && check(r.params));
  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="job-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map(textOf);

  afterEach(() => backend.verify());

  it("asks for the centre's jobs, newest first, 50 at a time, and shows number, date, documents and status", async () => {
    await open();
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();

    const request = expectJobs();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({
      items: [aJob({ id: 6, number: 'J0000006', status: 'rendering', documentCount: 2500, issuedAt: null, createdAt: '2026-11-28T09:00:00.000Z' }), aJob()],
      nextCursor: null,
    });
    await settle(fixture);

    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(textOf(root.querySelector('h1'))).toBe('Jobs Issued');
    expect(Array.from(root.querySelectorAll('th')).map(textOf)).toEqual(['Job', 'Date', 'Documents', 'Status']);
    expect(cells(rows()[0])).toEqual(['J0000006', '28 Nov 2026', '2,500', 'Being prepared']);
    expect(cells(rows()[1])).toEqual(['J0000005', '2 Nov 2026', '120', 'Issued']);
    expect(rows()[1].querySelector('a')?.getAttribute('href')).toBe('/jobs/5');
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('loads more with the cursor of the previous page', async () => {
    await open();
    expectJobs().flush({ items: [aJob({ id: 9 })], nextCursor: '9' });
    await settle(fixture);

    button(root, 'Load more')!.click();
    expectJobs((p) => p.get('cursor') === '9').flush({ items: [aJob({ id: 8 })], nextCursor: null });
    await settle(fixture);
    expect(rows()).toHaveLength(2);
  });

  it('says so when no job was issued yet', async () => {
    await open();
    expectJobs().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="jobs-empty"]'))).toBe('No jobs have been issued to your centre yet.');
  });

  it('shows the error with Retry', async () => {
    await open();
    expectJobs().flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="jobs-error"]'))).toContain('The database is not reachable.');

    button(root, 'Retry')!.click();
    expectJobs().flush({ items: [aJob()], nextCursor: null });
    await settle(fixture);
    expect(root.querySelector('[data-testid="jobs-error"]')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('opens a job from its row', async () => {
    await open();
    expectJobs().flush({ items: [aJob()], nextCursor: null });
    await settle(fixture);

    rows()[0]
      .querySelector('td:nth-child(2)')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    // not settle(): the job page's read of the job is pending, and the app is not stable until it ends
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/jobs/5'));
    await vi.waitFor(() => backend.expectOne('/api/jobs/5'));
  });

  it('is for centre staff only', async () => {
    await open(LEARNER);
    expect(TestBed.inject(Router).url).toBe('/');
    // the learner's home asks for their connections (the dashboard's Connections section)
    backend.expectOne('/api/learner/connections').flush([]);
  });
});
