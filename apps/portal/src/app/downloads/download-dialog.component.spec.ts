import { DOWNLOAD_PURPOSE_LABELS, DOWNLOAD_PURPOSES, DownloadSummary } from '@achievement/contracts';
import { formatDate } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { button, errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { DownloadDialogData, openDownloadDialog } from './download-dialog.component';
import { aDownload } from './download-fixtures';

@Component({ template: '' })
class HostStub {}

describe('DownloadDialogComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<HostStub>;
  let closedWith: DownloadSummary | undefined | 'open';

  async function open(
    data: DownloadDialogData = {
      selection: { ids: [101, 102] },
      documentCount: 2,
    },
  ): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'downloads', component: HostStub }]),
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
    fixture = TestBed.createComponent(HostStub);
    closedWith = 'open';
    openDownloadDialog(TestBed.inject(MatDialog), data).subscribe((download) => (closedWith = download));
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const dialogRoot = () => document.querySelector<HTMLElement>('ap-download-dialog')!;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);
  const submit = () => button(dialogRoot(), 'Download')!;
  const today = () => formatDate(new Date(), 'd MMM y', 'en-US');

  async function choosePurpose(label: string): Promise<void> {
    const select = await (await loader().getHarness(MatDialogHarness)).getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: label });
    await settle(fixture);
  }

  it('says how many documents, prefills the name and ticks the manifest', async () => {
    await open();
    expect(await (await loader().getHarness(MatDialogHarness)).getTitleText()).toBe('Download documents');
    expect(textOf(dialogRoot().querySelector('[data-testid="download-summary"]'))).toBe('2 documents selected in Records');
    expect(field(dialogRoot(), 'Name').value).toBe(`Records ${today()}`);
    expect(dialogRoot().querySelector<HTMLInputElement>('[data-testid="download-manifest"] input')!.checked).toBe(true);
    expect(textOf(dialogRoot())).toContain('Include a CSV manifest of the documents');
    expect(textOf(dialogRoot())).toContain('removed from the server after 7 days');
  });

  it('offers the purposes of the contract, with their labels', async () => {
    await open();
    const select = await (await loader().getHarness(MatDialogHarness)).getHarness(MatSelectHarness);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(DOWNLOAD_PURPOSES.map((purpose) => DOWNLOAD_PURPOSE_LABELS[purpose]));
  });

  it('requires a name (not only spaces) of at most 100 characters, and a purpose', async () => {
    await open();
    type(dialogRoot(), 'Name', '   ');
    submit().click();
    await settle(fixture);
    expect(errors(dialogRoot())).toEqual(['Enter a name for the download.', 'Choose the purpose of the download.']);

    type(dialogRoot(), 'Name', 'x'.repeat(101));
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Name')).toBe('Enter at most 100 characters');
    backend.expectNone({ method: 'POST' });
  });

  it('asks to describe the purpose only when it is "Other"', async () => {
    await open();
    expect(() => field(dialogRoot(), 'Describe the purpose')).toThrow();
    await choosePurpose('Other');
    submit().click();
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Describe the purpose')).toBe('Describe the purpose of the download.');

    type(dialogRoot(), 'Describe the purpose', 'x'.repeat(501));
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Describe the purpose')).toBe('Enter at most 500 characters');
    backend.expectNone({ method: 'POST' });

    await choosePurpose('Audit');
    expect(() => field(dialogRoot(), 'Describe the purpose')).toThrow();
    submit().click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/downloads' }).flush(aDownload(), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('asks for a zip of the selection, closes and points to the Downloads page', async () => {
    await open({
      selection: { filter: { name: 'smith' }, exceptIds: [101] },
      documentCount: 239,
    });
    expect(textOf(dialogRoot().querySelector('[data-testid="download-summary"]'))).toBe('239 documents selected in Records');
    type(dialogRoot(), 'Name', '  Smith audit  ');
    await choosePurpose('Other');
    type(dialogRoot(), 'Describe the purpose', ' Board review ');
    dialogRoot().querySelector<HTMLInputElement>('[data-testid="download-manifest"] input')!.click();
    submit().click();
    await settle(fixture);

    const post = backend.expectOne({ method: 'POST', url: '/api/downloads' });
    expect(post.request.body).toEqual({
      name: 'Smith audit',
      purpose: 'other',
      purposeDetail: 'Board review',
      includeManifest: false,
      selection: { filter: { name: 'smith' }, exceptIds: [101] },
    });
    post.flush(aDownload({ id: 42, status: 'queued' }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(fixture);

    expect(closedWith).toMatchObject({ id: 42 });
    expect(document.querySelector('ap-download-dialog')).toBeNull();
    const snackBar = await loader().getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Your download is being prepared. Find it on the Downloads page.');
    expect(await snackBar.getActionDescription()).toBe('Open Downloads');
    await snackBar.dismissWithAction();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/downloads');
  });

  it('asks for a zip of every document of a job', async () => {
    await open({ jobId: 5, jobNumber: 'J0000005', documentCount: 120 });
    expect(textOf(dialogRoot().querySelector('[data-testid="download-summary"]'))).toBe('120 documents of job J0000005');
    expect(field(dialogRoot(), 'Name').value).toBe(`Job J0000005 ${today()}`);
    await choosePurpose('Regulatory reporting');
    submit().click();
    await settle(fixture);

    const post = backend.expectOne({ method: 'POST', url: '/api/downloads' });
    expect(post.request.body).toEqual({
      name: `Job J0000005 ${today()}`,
      purpose: 'regulatory_reporting',
      includeManifest: true,
      jobId: 5,
    });
    post.flush(aDownload({ status: 'queued' }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(fixture);
    expect(closedWith).toMatchObject({ id: 41 });
  });

  it('refuses more than MAX_DOWNLOAD_DOCUMENTS documents, with a hint', async () => {
    await open({ jobId: 6, jobNumber: 'J0000006', documentCount: 10_001 });
    expect(textOf(dialogRoot().querySelector('[data-testid="download-too-many"]'))).toBe(
      'A download can hold at most 10,000 documents. Narrow the selection in Records.',
    );
    expect(submit().disabled).toBe(true);
  });

  it("shows the API's refusal (429: too many in progress) and stays open", async () => {
    await open();
    await choosePurpose('Audit');
    submit().click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/downloads' }).flush(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'You have 3 downloads being prepared. Wait until one is ready.',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle(fixture);

    expect(textOf(dialogRoot().querySelector('[data-testid="download-error"]'))).toBe('You have 3 downloads being prepared. Wait until one is ready.');
    expect(closedWith).toBe('open');
    expect(submit().disabled).toBe(false);
  });

  it("shows the API's field errors (400) under the fields", async () => {
    await open();
    await choosePurpose('Audit');
    submit().click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/downloads' }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'name must not contain control characters',
        fieldErrors: { name: ['name must not contain control characters'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(errorOf(dialogRoot(), 'Name')).toBe('name must not contain control characters');
    expect(textOf(dialogRoot().querySelector('[data-testid="download-error"]'))).toBe('name must not contain control characters');
    expect(closedWith).toBe('open');
  });
});
