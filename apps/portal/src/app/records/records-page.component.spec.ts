import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { HttpParams, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatSortHeaderHarness } from '@angular/material/sort/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { RecordRow, SessionUser } from '@achievement/contracts';
import { button, field, settle, textOf, type } from '../../testing/forms';
import { CENTRE_STAFF, provideSession, SUPPORT } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aDownload } from '../downloads/download-fixtures';
import { aRecord, API_ERROR_503 } from './record-fixtures';
import { RecordsPageComponent } from './records-page.component';

describe('RecordsPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(url = '/records', user: SessionUser = CENTRE_STAFF): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(user).provider,
        provideLocationMocks(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    if (user.role === 'centre_staff') {
      await harness.navigateByUrl(url, RecordsPageComponent);
    } else {
      await harness.navigateByUrl(url);
    }
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  const expectRecords = (check: (params: HttpParams) => boolean = () => true): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/records' && check(r.params));
  const expectCount = (check: (params: HttpParams) => boolean = () => true): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/records/count' && check(r.params));
  const params = (request: TestRequest) => Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function loaded(rows: RecordRow[], total = rows.length, nextCursor: string | null = null): Promise<void> {
    expectRecords().flush({ items: rows, nextCursor });
    expectCount().flush({ total });
    await settle(fixture);
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="record-row"]'));
  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const checkbox = (container: Element | null) => container!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

  async function snackBarMessage(): Promise<string> {
    return (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();
  }

  afterEach(() => backend.verify());

  it('asks for the first page and the count of the search in the URL, and shows it in the form', async () => {
    await open('/records?name=smith&status=valid&sort=name_asc');

    const list = expectRecords();
    expect(params(list)).toEqual({ name: 'smith', status: 'valid', sort: 'name_asc', limit: '50' });
    const count = expectCount();
    expect(params(count)).toEqual({ name: 'smith', status: 'valid' });
    list.flush({ items: [], nextCursor: null });
    count.flush({ total: 0 });
    await settle(fixture);

    expect(field(root, 'Learner name').value).toBe('smith');
    expect(textOf(byTestId('records-count'))).toBe('0 records');
  });

  it('shows a progress bar while loading, then the rows with "N records", View and Report', async () => {
    await open();
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();

    await loaded(
      [
        aRecord({ id: 101, lastNotifiedAt: '2026-11-20T09:30:00.000Z' }),
        aRecord({ id: 102, learner: { id: 8, enrolmentNumber: '0002125', name: 'Amy Jones', hasEmail: false }, status: 'revoked' }),
      ],
      1234,
      'next',
    );

    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(textOf(byTestId('records-count'))).toBe('1,234 records');
    expect(rows()).toHaveLength(2);
    expect(textOf(rows()[0])).toContain('John Smith');
    expect(textOf(rows()[0])).toContain('603/7506/5');
    expect(textOf(rows()[0].querySelector('[data-testid="record-notified"]'))).toMatch(/^Notified 20 Nov 2026/);
    expect(textOf(rows()[1])).toContain('Revoked');
    expect(textOf(rows()[1])).toContain('No learner email');
    expect(rows()[0].querySelector('[data-testid="record-view"]')?.getAttribute('href')).toBe('/records/101');
    expect(rows()[1].querySelector('[data-testid="record-report"]')?.getAttribute('aria-label')).toBe('Report an issue on D0000102 of Amy Jones');
    // the name is on the checkbox's own input, where screen readers look for it
    expect(rows()[1].querySelector('[data-testid="select-record"] input[type="checkbox"]')?.getAttribute('aria-label')).toBe('Select Amy Jones, D0000102');
    const headers = Array.from(root.querySelectorAll('th')).map((th) => textOf(th));
    expect(headers).toEqual(['', 'Learner', 'Qualification', 'Type', 'Issued', 'Status', 'Job', 'Actions']);
  });

  it('says there are no records yet, or that none match the search', async () => {
    await open();
    await loaded([]);
    expect(textOf(byTestId('records-empty'))).toBe('No records yet. Documents appear here once a job is issued to your centre.');

    TestBed.resetTestingModule();
    await open('/records?jobNumber=J1');
    await loaded([]);
    expect(textOf(byTestId('records-empty'))).toBe('No records match this search.');
  });

  it('shows the error with Retry, which asks again', async () => {
    await open();
    expectRecords().flush(API_ERROR_503.body, API_ERROR_503.init);
    expectCount().flush({ total: 3 });
    await settle(fixture);

    expect(byTestId('records-error')?.getAttribute('role')).toBe('alert');
    expect(textOf(byTestId('records-error'))).toContain('The database is not reachable.');
    expect(byTestId('records-empty')).toBeNull();

    button(root, 'Retry')!.click();
    expectRecords().flush({ items: [aRecord()], nextCursor: null });
    await settle(fixture);
    expect(byTestId('records-error')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('puts the filters in the URL, so a search can be bookmarked and Back returns to the previous one', async () => {
    await open('/records');
    await loaded([aRecord()]);
    type(root, 'Learner name', 'smith');
    button(root, 'Search')!.click();
    await settle(fixture);
    await loaded([aRecord()]);

    type(root, 'Learner name', '');
    type(root, 'Qualification code or title', 'vehicle');
    type(root, 'Issued from', '2026-01-01');
    button(root, 'Search')!.click();
    await settle(fixture);

    const router = TestBed.inject(Router);
    expect(router.url).toBe('/records?qualification=vehicle&issuedFrom=2026-01-01');
    expect(params(expectRecords())).toEqual({ qualification: 'vehicle', issuedFrom: '2026-01-01', sort: 'issued_desc', limit: '50' });
    expect(params(expectCount())).toEqual({ qualification: 'vehicle', issuedFrom: '2026-01-01' });

    // As in the browser, where the app listens to Back from its start.
    router.setUpLocationChangeListener();
    TestBed.inject(Location).back();
    await settle(fixture);
    expect(router.url).toBe('/records?name=smith');
    expectRecords((p) => p.get('name') === 'smith').flush({ items: [], nextCursor: null });
    expectCount((p) => p.get('name') === 'smith').flush({ total: 0 });
    await settle(fixture);
    expect(field(root, 'Learner name').value).toBe('smith');
    expect(field(root, 'Qualification code or title').value).toBe('');
  });

  it('refuses an "Issued to" before "Issued from"', async () => {
    await open();
    await loaded([aRecord()]);
    type(root, 'Issued from', '2026-05-01');
    type(root, 'Issued to', '2026-04-01');
    button(root, 'Search')!.click();
    await settle(fixture);

    expect(textOf(byTestId('filter-range-error'))).toBe('“Issued to” must be on or after “Issued from”.');
    expect(TestBed.inject(Router).url).toBe('/records');
  });

  it('sorts by learner name through the URL', async () => {
    await open();
    await loaded([aRecord()]);

    const header = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSortHeaderHarness.with({ label: 'Learner' }));
    await header.click();
    await settle(fixture);

    expect(TestBed.inject(Router).url).toBe('/records?sort=name_asc');
    expectRecords((p) => p.get('sort') === 'name_asc').flush({ items: [aRecord()], nextCursor: null });
    expectCount().flush({ total: 1 });
  });

  it('loads the next page with the cursor of the previous one', async () => {
    await open('/records?status=valid');
    await loaded([aRecord({ id: 1 }), aRecord({ id: 2 })], 3, 'cursor-2');

    button(root, 'Load more')!.click();
    const next = expectRecords((p) => p.get('cursor') === 'cursor-2');
    expect(params(next)).toEqual({ status: 'valid', sort: 'issued_desc', cursor: 'cursor-2', limit: '50' });
    next.flush({ items: [aRecord({ id: 3 })], nextCursor: null });
    await settle(fixture);

    expect(rows()).toHaveLength(3);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  describe('selection and Notify learners', () => {
    it('notifies the learners of the ticked rows, says what happened and shows the notice on the rows', async () => {
      await open();
      await loaded([aRecord({ id: 101 }), aRecord({ id: 102 })], 2);
      expect(byTestId('notify-learners')?.hasAttribute('disabled')).toBe(true);

      checkbox(rows()[1]).click();
      await settle(fixture);
      expect(textOf(byTestId('selection-count'))).toBe('1 selected');

      byTestId('notify-learners')!.click();
      const post = backend.expectOne({ method: 'POST', url: '/api/records/notify' });
      expect(post.request.body).toEqual({ selection: { ids: [102] } });
      post.flush({ learnersNotified: 1, documentsNotified: 1, documentsWithoutEmail: 0, documentsNotValid: 0 });
      await settle(fixture);

      expect(await snackBarMessage()).toBe('1 learner notified; 0 documents had no email address.');
      expectRecords().flush({ items: [aRecord({ id: 101 }), aRecord({ id: 102, lastNotifiedAt: '2026-11-29T07:00:00.000Z' })], nextCursor: null });
      await settle(fixture);
      expect(textOf(rows()[1].querySelector('[data-testid="record-notified"]'))).toMatch(/^Notified 29 Nov 2026/);
      expect(textOf(byTestId('selection-count'))).toBe('0 selected');
    });

    it('offers "Select all N matching" once every row shown is ticked, and sends the filter less the rows unticked', async () => {
      await open('/records?name=smith');
      await loaded([aRecord({ id: 101 }), aRecord({ id: 102 })], 240, 'next');
      expect(byTestId('select-all-matching')).toBeNull();

      checkbox(byTestId('select-shown')).click();
      await settle(fixture);
      expect(textOf(byTestId('selection-count'))).toBe('2 selected');
      expect(textOf(byTestId('select-all-matching'))).toBe('Select all 240 matching');

      byTestId('select-all-matching')!.click();
      await settle(fixture);
      expect(textOf(byTestId('selection-count'))).toBe('All 240 matching records selected');
      expect(byTestId('select-all-matching')).toBeNull();

      checkbox(rows()[0]).click();
      await settle(fixture);
      expect(textOf(byTestId('selection-count'))).toBe('239 of 240 matching records selected');
      expect(checkbox(byTestId('select-shown')).indeterminate).toBe(true);

      byTestId('notify-learners')!.click();
      const post = backend.expectOne({ method: 'POST', url: '/api/records/notify' });
      expect(post.request.body).toEqual({ selection: { filter: { name: 'smith' }, exceptIds: [101] } });
      post.flush({ learnersNotified: 200, documentsNotified: 230, documentsWithoutEmail: 9, documentsNotValid: 0 });
      await settle(fixture);
      expect(await snackBarMessage()).toBe('200 learners notified; 9 documents had no email address.');
      expectRecords().flush({ items: [], nextCursor: null });
    });

    it("opens with every matching record ticked when asked (a job's Select and notify in Records)", async () => {
      await open('/records?jobNumber=J0000005&select=all');
      await loaded([aRecord({ id: 101 }), aRecord({ id: 102 })], 120, 'next');
      expect(textOf(byTestId('selection-count'))).toBe('All 120 matching records selected');
      expect(checkbox(rows()[0]).checked).toBe(true);

      byTestId('notify-learners')!.click();
      const post = backend.expectOne({ method: 'POST', url: '/api/records/notify' });
      expect(post.request.body).toEqual({ selection: { filter: { jobNumber: 'J0000005' }, exceptIds: [] } });
      post.flush({ learnersNotified: 120, documentsNotified: 120, documentsWithoutEmail: 0, documentsNotValid: 0 });
      await settle(fixture);
      expectRecords().flush({ items: [], nextCursor: null });
    });

    it('ticks nothing for select=all without a filter: never the whole centre by a bare link', async () => {
      await open('/records?select=all');
      await loaded([aRecord({ id: 101 })], 5000, 'next');
      expect(textOf(byTestId('selection-count'))).toBe('0 selected');
      expect(checkbox(rows()[0]).checked).toBe(false);
    });

    it('clears the selection when the search changes', async () => {
      await open();
      await loaded([aRecord({ id: 101 })], 1);
      checkbox(rows()[0]).click();
      await settle(fixture);
      expect(textOf(byTestId('selection-count'))).toBe('1 selected');

      type(root, 'Job number', 'J0000009');
      button(root, 'Search')!.click();
      await settle(fixture);
      await loaded([aRecord({ id: 101 })], 1);
      expect(textOf(byTestId('selection-count'))).toBe('0 selected');
    });

    it('asks before notifying again learners told within 24 hours, then sends with confirmRecent', async () => {
      await open();
      await loaded([aRecord({ id: 101 }), aRecord({ id: 102 })], 2);
      checkbox(byTestId('select-shown')).click();
      await settle(fixture);

      byTestId('notify-learners')!.click();
      const first = backend.expectOne({ method: 'POST', url: '/api/records/notify' });
      expect(first.request.body).toEqual({ selection: { ids: [101, 102] } });
      first.flush(
        { statusCode: 409, error: 'Conflict', message: '2 of the selected documents were notified…', code: 'RECENTLY_NOTIFIED', recentlyNotified: 2 },
        { status: 409, statusText: 'Conflict' },
      );
      await settle(fixture);

      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Notify again?');
      expect(await dialog.getContentText()).toBe('2 of the selected documents were notified in the last 24 hours. Notify again?');
      (document.querySelector('[data-testid="notify-again-confirm"]') as HTMLButtonElement).click();
      await settle(fixture);

      const second = backend.expectOne({ method: 'POST', url: '/api/records/notify' });
      expect(second.request.body).toEqual({ selection: { ids: [101, 102] }, confirmRecent: true });
      second.flush({ learnersNotified: 1, documentsNotified: 2, documentsWithoutEmail: 0, documentsNotValid: 0 });
      await settle(fixture);
      expect(await snackBarMessage()).toBe('1 learner notified; 0 documents had no email address.');
      expectRecords().flush({ items: [], nextCursor: null });
    });

    it('sends nothing more when notifying again is cancelled, and keeps the selection', async () => {
      await open();
      await loaded([aRecord({ id: 101 })], 1);
      checkbox(rows()[0]).click();
      await settle(fixture);

      byTestId('notify-learners')!.click();
      backend
        .expectOne({ method: 'POST', url: '/api/records/notify' })
        .flush(
          { statusCode: 409, error: 'Conflict', message: 'Recently notified', code: 'RECENTLY_NOTIFIED', recentlyNotified: 1 },
          { status: 409, statusText: 'Conflict' },
        );
      await settle(fixture);

      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(await dialog.getContentText()).toBe('1 of the selected documents was notified in the last 24 hours. Notify again?');
      button(document, 'Cancel')!.click();
      await settle(fixture);

      backend.expectNone({ method: 'POST', url: '/api/records/notify' });
      expect(textOf(byTestId('selection-count'))).toBe('1 selected');
      expect(byTestId('notify-error')).toBeNull();
    });

    it('shows other refusals of Notify learners', async () => {
      await open();
      await loaded([aRecord({ id: 101 })], 1);
      checkbox(rows()[0]).click();
      await settle(fixture);

      byTestId('notify-learners')!.click();
      backend
        .expectOne({ method: 'POST', url: '/api/records/notify' })
        .flush({ statusCode: 404, error: 'Not Found', message: 'Record 101 is not a record of your centre.' }, { status: 404, statusText: 'Not Found' });
      await settle(fixture);

      expect(textOf(byTestId('notify-error'))).toBe('Record 101 is not a record of your centre.');
    });
  });

  it('downloads the selection: the dialog asks for a zip of the ticked rows, or of every matching record less the unticked', async () => {
    await open('/records?name=smith');
    await loaded([aRecord({ id: 101 }), aRecord({ id: 102 })], 240, 'next');
    expect(byTestId('download-records')?.hasAttribute('disabled')).toBe(true);

    checkbox(rows()[1]).click();
    await settle(fixture);
    byTestId('download-records')!.click();
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Download documents');
    expect(await dialog.getContentText()).toContain('1 document selected in Records');
    await dialog.close();
    await settle(fixture);

    checkbox(byTestId('select-shown')).click();
    await settle(fixture);
    byTestId('select-all-matching')!.click();
    await settle(fixture);
    checkbox(rows()[0]).click();
    await settle(fixture);
    byTestId('download-records')!.click();
    await settle(fixture);
    const all = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await all.getContentText()).toContain('239 documents selected in Records');
    const select = await all.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Audit' });
    document.querySelector<HTMLButtonElement>('[data-testid="download-submit"]')!.click();
    await settle(fixture);
    const post = backend.expectOne({ method: 'POST', url: '/api/downloads' });
    expect(post.request.body).toMatchObject({ purpose: 'audit', includeManifest: true, selection: { filter: { name: 'smith' }, exceptIds: [101] } });
    post.flush(aDownload({ status: 'queued' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Your download is being prepared. Find it on the Downloads page.');
  });

  it('opens Report Document Issue from a row', async () => {
    await open();
    await loaded([aRecord({ id: 101 })], 1);

    (rows()[0].querySelector('[data-testid="record-report"]') as HTMLButtonElement).click();
    await settle(fixture);

    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Report Document Issue');
    expect(await dialog.getContentText()).toContain('603/7506/5 Level 3 Diploma in Light Vehicle Maintenance');
  });

  it('is for centre staff only', async () => {
    await open('/records', SUPPORT);
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
