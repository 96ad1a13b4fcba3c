import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aDownload } from '../downloads/download-fixtures';
import { aJob, aRecord, API_ERROR_503 } from '../records/record-fixtures';
import { JobPageComponent } from './job-page.component';

describe('JobPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(CENTRE_STAFF).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/jobs/5', JobPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const expectRecords = () => backend.expectOne((r) => r.method === 'GET' && r.url === '/api/records');
  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="record-row"]'));

  it('shows the job and its documents: the records of its job number, in the records table without checkboxes', async () => {
    backend.expectOne({ method: 'GET', url: '/api/jobs/5' }).flush(aJob());
    await settle(fixture);

    const records = expectRecords();
    expect(records.request.params.get('jobNumber')).toBe('J0000005');
    expect(records.request.params.get('sort')).toBe('issued_desc');
    records.flush({ items: [aRecord({ id: 101 }), aRecord({ id: 102 })], nextCursor: 'c' });
    await settle(fixture);

    expect(textOf(root.querySelector('h1'))).toBe('Job J0000005');
    expect(textOf(root.querySelector('[data-testid="job-summary"]'))).toContain('Issued');
    expect(rows()).toHaveLength(2);
    expect(root.querySelector('[data-testid="select-record"]')).toBeNull();
    expect(rows()[0].querySelector('[data-testid="record-view"]')?.getAttribute('href')).toBe('/records/101');
    expect(root.querySelector('[data-testid="job-open-records"]')?.getAttribute('href')).toBe('/records?jobNumber=J0000005&select=all');

    button(root, 'Load more')!.click();
    backend
      .expectOne((r) => r.url === '/api/records' && r.params.get('cursor') === 'c' && r.params.get('jobNumber') === 'J0000005')
      .flush({
        items: [aRecord({ id: 103 })],
        nextCursor: null,
      });
    await settle(fixture);
    expect(rows()).toHaveLength(3);
  });

  it('downloads all documents of the job: the dialog asks for a zip with the jobId', async () => {
    backend.expectOne({ method: 'GET', url: '/api/jobs/5' }).flush(aJob({ documentCount: 120 }));
    await settle(fixture);
    expectRecords().flush({ items: [aRecord()], nextCursor: null });
    await settle(fixture);

    button(root, 'Download all documents of this job')!.click();
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Download documents');
    expect(await dialog.getContentText()).toContain('120 documents of job J0000005');
    const select = await dialog.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Regulatory reporting' });
    document.querySelector<HTMLButtonElement>('[data-testid="download-submit"]')!.click();
    await settle(fixture);

    const post = backend.expectOne({ method: 'POST', url: '/api/downloads' });
    expect(post.request.body).toMatchObject({ purpose: 'regulatory_reporting', includeManifest: true, jobId: 5 });
    expect(post.request.body).not.toHaveProperty('selection');
    post.flush(aDownload({ status: 'queued' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('says when the documents are still being prepared', async () => {
    backend.expectOne('/api/jobs/5').flush(aJob({ status: 'rendering', issuedAt: null }));
    await settle(fixture);
    expectRecords().flush({ items: [], nextCursor: null });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="job-records-empty"]'))).toBe('The documents of this job are still being prepared.');
    expect(button(root, 'Download all documents of this job')).toBeUndefined();
  });

  it('shows the error of loading the job with Retry', async () => {
    backend.expectOne('/api/jobs/5').flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="job-load-error"]'))).toContain('The database is not reachable.');

    button(root, 'Retry')!.click();
    TestBed.tick(); // the read is asked for when the page's effects run
    backend.expectOne('/api/jobs/5').flush(aJob());
    await settle(fixture);
    expectRecords().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(root.querySelector('[data-testid="job-load-error"]')).toBeNull();
  });

  it('says so when the job is not one of the centre', async () => {
    backend
      .expectOne('/api/jobs/5')
      .flush({ statusCode: 404, error: 'Not Found', message: 'No such job', code: 'JOB_NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="job-not-found"]'))).toBe('There is no job of your centre at this address.');
  });
});
