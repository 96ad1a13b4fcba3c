import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { ImportContactsPageComponent } from './import-contacts-page.component';

const CSV = 'centre_number,first_name,last_name,email,date_of_birth\nC10001,Ada,Lovelace,ada@college.example,1985-04-23\n';

describe('ImportContactsPageComponent', () => {
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
    await harness.navigateByUrl('/centres/import', ImportContactsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function paste(text: string): void {
    const textarea = root.querySelector('textarea')!;
    textarea.value = text;
    textarea.dispatchEvent(new Event('input'));
  }

  async function importIt(): Promise<void> {
    button(root, 'Import')!.click();
    await fixture.whenStable();
  }

  it('shows the header row the file needs', () => {
    expect(textOf(root.querySelector('[data-testid="import-header"]'))).toBe('centre_number,first_name,last_name,email,date_of_birth');
    expect(root.querySelector('input[type="file"]')?.getAttribute('accept')).toBe('.csv,text/csv');
  });

  it('asks for a file or text before calling the API', async () => {
    await importIt();
    expect(textOf(root.querySelector('mat-error'))).toBe('Choose a file or paste its text');
    backend.expectNone('/api/admin/centres/contacts/import');
  });

  it('reads a chosen file into the text area', async () => {
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['\uFEFF' + CSV], 'contacts.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => {
      await settle(fixture);
      expect(root.querySelector('textarea')!.value).toBe(CSV);
    });
    expect(textOf(root.querySelector('.file'))).toContain('contacts.csv is loaded below.');
  });

  it('imports the text and says how many records were added and updated', async () => {
    paste(CSV);
    await importIt();

    const request = backend.expectOne('/api/admin/centres/contacts/import');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ csv: CSV });
    request.flush({ imported: 3, created: 2, updated: 1 });
    await settle(fixture);

    const result = root.querySelector('[data-testid="import-result"]');
    expect(result?.getAttribute('role')).toBe('status');
    expect(textOf(result)).toContain('Imported 3 contact records (2 new, 1 updated).');
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Imported 3 contact records (2 new, 1 updated).');
    expect(root.querySelector('textarea')!.value).toBe('');
  });

  it('lists the problems by line when nothing was imported', async () => {
    paste(CSV);
    await importIt();
    backend.expectOne('/api/admin/centres/contacts/import').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Nothing was imported: the file has 2 problems (lines 2, 4). Correct them and import the whole file again.',
        rowErrors: [
          { line: 2, field: 'date_of_birth', message: 'date_of_birth must be a real date in the past, written YYYY-MM-DD' },
          { line: 4, field: 'centre_number', message: 'There is no centre C99999.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    const section = root.querySelector('[data-testid="import-row-errors"]');
    expect(textOf(section?.querySelector('[role="alert"]'))).toBe('Nothing was imported. Correct these lines and import the file again.');
    expect(Array.from(section?.querySelectorAll('th') ?? []).map((th) => textOf(th))).toEqual(['Line', 'Field', 'Problem']);
    const rows = Array.from(section?.querySelectorAll('[data-testid="row-error"]') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map((td) => textOf(td)),
    );
    expect(rows).toEqual([
      ['2', 'date_of_birth', 'date_of_birth must be a real date in the past, written YYYY-MM-DD'],
      ['4', 'centre_number', 'There is no centre C99999.'],
    ]);
    expect(root.querySelector('[data-testid="import-result"]')).toBeNull();
    expect(root.querySelector('textarea')!.value).toBe(CSV);
  });

  it("shows the API's message for any other error", async () => {
    paste(CSV);
    await importIt();
    backend
      .expectOne('/api/admin/centres/contacts/import')
      .flush({ statusCode: 413, error: 'Payload Too Large', message: 'The file is too large.' }, { status: 413, statusText: 'Payload Too Large' });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="import-error"]'))).toBe('The file is too large.');
  });
});
