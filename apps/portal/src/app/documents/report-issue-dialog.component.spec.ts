import { REPORT_REASON_LABELS, REPORT_REASONS, ReportSummary } from '@achievement/contracts';
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
import { button, errorOf, errors, settle, textOf, type } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { aRecord, aReport } from '../records/record-fixtures';
import { openReportIssueDialog } from './report-issue-dialog.component';

@Component({ template: '' })
class HostStub {}

describe('ReportIssueDialogComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<HostStub>;
  let closedWith: ReportSummary | undefined | 'open';

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(CENTRE_STAFF).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostStub);
    closedWith = 'open';
    openReportIssueDialog(TestBed.inject(MatDialog), aRecord({ id: 101 })).subscribe((report) => (closedWith = report));
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  const dialogRoot = () => document.querySelector<HTMLElement>('ap-report-issue-dialog')!;
  const dialogHarness = () => TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);

  async function chooseReason(label: string): Promise<void> {
    const select = await (await dialogHarness()).getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: label });
  }

  it("shows the guide's title and text, and the details that go into the email", async () => {
    const dialog = await dialogHarness();
    expect(await dialog.getTitleText()).toBe('Report Document Issue');
    const text = textOf(dialogRoot());
    expect(text).toContain(
      'Using the below message box you can report the issue you are having with the electronic document. This will send an email to the Team at the IMI',
    );
    expect(text).toContain('please select one of the predetermined reasons below and provide as much information as you can');
    expect(text).toContain('The following details will also be included in the email');

    const terms = Array.from(dialogRoot().querySelectorAll('[data-testid="report-details"] dt'));
    expect(Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]))).toEqual({
      "Reporter's Name:": 'Carol Centre',
      "Reporter's Email:": 'carol@northfield.example',
      "Student's Enrolment Number:": '0002124',
      'Qualification Title:': '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
    });
  });

  it('offers the reasons of the contract, with their labels', async () => {
    const select = await (await dialogHarness()).getHarness(MatSelectHarness);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(REPORT_REASONS.map((reason) => REPORT_REASON_LABELS[reason]));
  });

  it('says "This field is required." under both fields and sends nothing', async () => {
    button(dialogRoot(), 'Send report')!.click();
    await settle(fixture);

    expect(errors(dialogRoot())).toEqual(['This field is required.', 'This field is required.']);
    expect(errorOf(dialogRoot(), 'Issue Description')).toBe('This field is required.');
    backend.expectNone({ method: 'POST' });
  });

  it('counts a description of only spaces as empty, and refuses one too long', async () => {
    await chooseReason('Grade is wrong');
    type(dialogRoot(), 'Issue Description', '   ');
    button(dialogRoot(), 'Send report')!.click();
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Issue Description')).toBe('This field is required.');

    type(dialogRoot(), 'Issue Description', 'x'.repeat(2001));
    await settle(fixture);
    expect(errorOf(dialogRoot(), 'Issue Description')).toBe('Enter at most 2000 characters');
    backend.expectNone({ method: 'POST' });
  });

  it('sends the report, says its reference and closes', async () => {
    await chooseReason('Grade is wrong');
    type(dialogRoot(), 'Issue Description', '  The grade should be Merit.  ');
    button(dialogRoot(), 'Send report')!.click();
    await settle(fixture);

    const post = backend.expectOne({ method: 'POST', url: '/api/documents/101/reports' });
    expect(post.request.body).toEqual({ reason: 'grade', description: 'The grade should be Merit.' });
    post.flush(aReport({ reference: 'R000031' }), { status: 201, statusText: 'Created' });
    await settle(fixture);

    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Report R000031 sent to the Centre Services team');
    expect(closedWith).toMatchObject({ reference: 'R000031' });
    expect(document.querySelector('ap-report-issue-dialog')).toBeNull();
  });

  it("shows the API's field errors on the fields and stays open", async () => {
    await chooseReason('Something else');
    type(dialogRoot(), 'Issue Description', 'Odd');
    button(dialogRoot(), 'Send report')!.click();
    await settle(fixture);

    backend.expectOne('/api/documents/101/reports').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'description must not contain control characters',
        fieldErrors: { description: ['description must not contain control characters'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(errorOf(dialogRoot(), 'Issue Description')).toBe('description must not contain control characters');
    expect(textOf(dialogRoot().querySelector('[data-testid="report-issue-error"]'))).toBe('description must not contain control characters');
    expect(closedWith).toBe('open');
  });
});
