import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aJobDetail, chooseCentre } from '../../testing/documents';
import { aCentre, button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { IssueJobPageComponent } from './issue-job-page.component';
import { EXAMPLE_JOB_CSV } from './job-csv';

const CSV =
  'enrolment_number,first_name,last_name,date_of_birth,qualification_code,qualification_title,document_type,award_date\n' +
  'E1001,Ada,Lovelace,1985-04-23,603/7506/5,Level 3 Diploma,certificate,2026-07-15\n';

describe('IssueJobPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/jobs/new', IssueJobPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    vi.restoreAllMocks();
  });

  function paste(text: string): void {
    const textarea = root.querySelector<HTMLTextAreaElement>('[data-testid="job-csv-text"]')!;
    textarea.value = text;
    textarea.dispatchEvent(new Event('input'));
  }

  async function issue(): Promise<void> {
    root.querySelector<HTMLButtonElement>('[data-testid="issue-job-submit"]')!.click();
    await fixture.whenStable();
  }

  async function chooseNorthfield(): Promise<void> {
    await chooseCentre(fixture, backend, 'C1', [aCentre({ id: 3 })], 'C10001 – Northfield College');
  }

  it('lists the columns of the file, the required ones marked, with the header row to copy', () => {
    expect(textOf(root.querySelector('[data-testid="job-csv-header"]'))).toBe(
      'enrolment_number,first_name,last_name,date_of_birth,email,qualification_code,qualification_title,document_type,grade,award_date,units',
    );
    const rows = Array.from(root.querySelectorAll('[data-testid="job-csv-columns"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td'))
        .slice(0, 2)
        .map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['enrolment_number', 'Required'],
      ['first_name', 'Required'],
      ['last_name', 'Required'],
      ['date_of_birth', 'Required'],
      ['email', 'Optional'],
      ['qualification_code', 'Required'],
      ['qualification_title', 'Required'],
      ['document_type', 'Required'],
      ['grade', 'Optional'],
      ['award_date', 'Required'],
      ['units', 'Optional'],
    ]);
    expect(root.querySelector('[data-testid="job-csv-file"]')?.getAttribute('accept')).toBe('.csv,text/csv');
  });

  it('makes the example file in the browser and downloads it', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:example';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    root.querySelector<HTMLButtonElement>('[data-testid="download-example"]')!.click();

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('job-example.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:example');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(text).toBe(EXAMPLE_JOB_CSV);
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    expect(EXAMPLE_JOB_CSV.split('\n')[0]).toBe(textOf(root.querySelector('[data-testid="job-csv-header"]')));
  });

  it('asks for the centre and the text before calling the API', async () => {
    await issue();
    const errors = Array.from(root.querySelectorAll('mat-error')).map((e) => textOf(e));
    expect(errors).toEqual(['Choose the centre', 'Choose a file or paste its text']);
    backend.expectNone('/api/admin/jobs/csv');
  });

  it('refuses a file with a header row but no learners', async () => {
    await chooseNorthfield();
    paste(CSV.split('\n')[0] + '\n');
    await issue();
    expect(textOf(root.querySelector('[data-testid="issue-job-error"]'))).toContain('no learners');
    backend.expectNone('/api/admin/jobs/csv');
  });

  it('reads a chosen file into the text area', async () => {
    const input = root.querySelector<HTMLInputElement>('[data-testid="job-csv-file"]')!;
    const file = new File(['\uFEFF' + CSV], 'job.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => {
      await settle(fixture);
      expect(root.querySelector<HTMLTextAreaElement>('[data-testid="job-csv-text"]')!.value).toBe(CSV);
    });
    expect(textOf(root.querySelector('[data-testid="job-csv-file-name"]'))).toBe('job.csv is loaded below.');
  });

  it('issues the job to the chosen centre, says so, and opens the job page', async () => {
    await chooseNorthfield();
    paste(CSV);
    await issue();

    const request = backend.expectOne('/api/admin/jobs/csv');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ centreId: 3, csv: CSV });
    request.flush(aJobDetail({ id: 77, number: 'J000077', status: 'queued', documentCount: 1, renderedCount: 0, issuedAt: null, centreNotifiedAt: null }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(fixture);

    expect(TestBed.inject(Router).url).toBe('/jobs/77');
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Job J000077 issued to Northfield College: 1 document is being rendered.');
    backend.expectOne('/api/admin/jobs/77').flush(aJobDetail({ id: 77 }));
  });

  it('lists the problems by line and column when nothing was issued', async () => {
    await chooseNorthfield();
    paste(CSV);
    await issue();
    backend.expectOne('/api/admin/jobs/csv').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Nothing was issued: the file has 2 problems.',
        rowErrors: [
          { line: 2, field: 'date_of_birth', message: 'date_of_birth must be a real date, written YYYY-MM-DD' },
          { line: 5, field: 'document_type', message: 'document_type must be one of certificate, unit_certificate, record_of_achievement' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    const section = root.querySelector('[data-testid="job-row-errors"]');
    expect(textOf(section?.querySelector('[role="alert"]'))).toBe('Nothing was issued. Correct these lines and issue the file again.');
    expect(Array.from(section?.querySelectorAll('th') ?? []).map((th) => textOf(th))).toEqual(['Line', 'Column', 'Problem']);
    const rows = Array.from(section?.querySelectorAll('[data-testid="row-error"]') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map((td) => textOf(td)),
    );
    expect(rows).toEqual([
      ['2', 'date_of_birth', 'date_of_birth must be a real date, written YYYY-MM-DD'],
      ['5', 'document_type', 'document_type must be one of certificate, unit_certificate, record_of_achievement'],
    ]);
    expect(TestBed.inject(Router).url).toBe('/jobs/new');
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="job-csv-text"]')!.value).toBe(CSV);
  });

  it("shows the API's message for any other error", async () => {
    await chooseNorthfield();
    paste(CSV);
    await issue();
    backend
      .expectOne('/api/admin/jobs/csv')
      .flush({ statusCode: 404, error: 'Not Found', message: 'There is no centre 3.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="issue-job-error"]'))).toBe('There is no centre 3.');
    expect(root.querySelector('[data-testid="job-row-errors"]')).toBeNull();
    expect(button(root, 'Issue the job')?.disabled).toBe(false);
  });
});
