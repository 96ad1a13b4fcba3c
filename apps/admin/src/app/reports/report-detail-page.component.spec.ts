import { DocumentDetail, SessionResponse, TriageReportDetail } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SUPPORT_SESSION } from '../../testing/emails';
import { aDocumentDetail, aTriageReportDetail } from '../../testing/documents';
import { settle, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { ReportDetailPageComponent } from './report-detail-page.component';

const REPORT = aTriageReportDetail({
  entries: [
    { id: 1, kind: 'assignment', text: 'Assigned to Sam Support.', author: { id: 2, name: 'Sam Support' }, createdAt: '2026-11-25T09:00:00.000Z' },
    { id: 2, kind: 'note', text: 'Checked the enrolment record.', author: { id: 2, name: 'Sam Support' }, createdAt: '2026-11-25T09:05:00.000Z' },
  ],
});

const REISSUED = aDocumentDetail({
  id: 502,
  version: 2,
  learner: { id: 61, enrolmentNumber: 'E1001', name: 'Mary-Ann Smith', hasEmail: true },
  versions: [
    { id: 501, version: 1, status: 'superseded', issuedAt: '2026-11-20T10:00:00.000Z', revokedAt: null },
    { id: 502, version: 2, status: 'valid', issuedAt: '2026-11-29T10:00:00.000Z', revokedAt: null },
  ],
  fileReady: false,
});

describe('ReportDetailPageComponent', () => {
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
    await harness.navigateByUrl('/reports/71', ReportDetailPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function loaded(report: TriageReportDetail = REPORT, session: SessionResponse = SUPPORT_SESSION): Promise<void> {
    backend.expectOne('/api/auth/session').flush(session);
    backend.expectOne('/api/admin/reports/71').flush(report);
    await fixture.whenStable();
  }

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const documentLoader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);
  const byTestId = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  /** The terms and definitions of a <dl>, as pairs. */
  const pairs = (list: Element | null) => Array.from(list?.querySelectorAll('dt') ?? []).map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]);

  async function snackBarMessage(): Promise<string> {
    return (await documentLoader().getHarness(MatSnackBarHarness)).getMessage();
  }

  async function openDialog(testId: string): Promise<MatDialogHarness> {
    byTestId(testId)!.click();
    await fixture.whenStable();
    return documentLoader().getHarness(MatDialogHarness);
  }

  const field = (dialog: MatDialogHarness, name: string) => dialog.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));

  it('shows the report, the details sent with it, and its history', async () => {
    await loaded();
    expect(textOf(root.querySelector('h1'))).toBe('Reported issue R-000071');
    expect(textOf(byTestId('report-status'))).toBe('New');
    const summary = Object.fromEntries(pairs(byTestId('report-summary')));
    expect(summary['Reason']).toBe("Learner's name is wrong or misspelt");
    expect(summary['What is wrong']).toBe('Her name is Mary-Ann Smith, with a hyphen.');
    expect(summary['Centre']).toBe('C10001 – Northfield College');
    expect(summary['Assigned to']).toBe('Nobody');
    expect(pairs(byTestId('report-details'))).toEqual([
      ["Reporter's name", 'Carol Centre'],
      ["Reporter's email", 'carol@northfield.example'],
      ['Enrolment number', 'E1001'],
      ['Qualification', '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance'],
    ]);
    const history = Array.from(root.querySelectorAll('[data-testid="history-entry"]')).map((li) => [
      textOf(li.querySelector('.entry__meta')),
      textOf(li.querySelector('.entry__text')),
    ]);
    expect(history).toHaveLength(2);
    expect(history[0][0]).toMatch(/^Assigned by Sam Support, 25 Nov 2026, 09:00 UK time$/);
    expect(history[0][1]).toBe('Assigned to Sam Support.');
    expect(history[1][0]).toMatch(/^Internal note by Sam Support, 25 Nov 2026, 09:05 UK time$/);
    expect(history[1][1]).toBe('Checked the enrolment record.');
  });

  it('shows the document with its units and versions, and links to its stamped copy in a new tab', async () => {
    await loaded();
    const document = byTestId('report-document');
    expect(textOf(document?.querySelector('h2'))).toBe('Document D0000501');
    expect(textOf(byTestId('document-status'))).toBe('Valid');
    const facts = Object.fromEntries(pairs(document!.querySelector('dl')));
    expect(facts).toMatchObject({
      Learner: 'Mary Ann Smith',
      'Enrolment number': 'E1001',
      'Date of birth': '3 February 2001',
      Qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
      Type: 'Certificate',
      Grade: 'Merit',
      'Award date': '15 July 2026',
      Version: '1',
    });
    expect(Array.from(root.querySelectorAll('[data-testid="document-units"] li')).map((li) => textOf(li))).toEqual([
      'F/601/2345 Health and safety',
      'Engine systems',
    ]);
    expect(root.querySelectorAll('[data-testid="document-versions"] tbody tr')).toHaveLength(1);

    const view = root.querySelector<HTMLAnchorElement>('[data-testid="view-document"]')!;
    expect(view.getAttribute('href')).toBe('/api/documents/501/view');
    expect(view.target).toBe('_blank');
    expect(view.rel).toContain('noopener');
    expect(textOf(view)).toContain('View the stamped copy');
  });

  it('says the PDF is being rendered instead of linking to it', async () => {
    await loaded(aTriageReportDetail({ documentDetail: aDocumentDetail({ fileReady: false }) }));
    expect(byTestId('view-document')).toBeNull();
    expect(textOf(byTestId('document-rendering'))).toBe('The PDF is still being rendered.');
  });

  it('assigns the report to me', async () => {
    await loaded();
    byTestId('assign-to-me')!.click();
    const assign = backend.expectOne('/api/admin/reports/71/assign');
    expect(assign.request.method).toBe('POST');
    assign.flush({ ...REPORT, assignee: { id: 2, name: 'Sam Support' } });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('R-000071 is assigned to you.');
    expect(byTestId('assign-to-me')).toBeNull();
    expect(textOf(root.querySelector('.assignee'))).toBe('Assigned to you.');
    expect(Object.fromEntries(pairs(byTestId('report-summary')))['Assigned to']).toBe('Sam Support');
  });

  it('offers "Assign to me" on a report assigned to someone else', async () => {
    await loaded({ ...REPORT, assignee: { id: 9, name: 'Pat Other' } });
    expect(textOf(root.querySelector('.assignee'))).toBe('Assigned to Pat Other. Assign to me');
  });

  it('sets the status and says so', async () => {
    await loaded();
    const status = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="report-status-select"]' }));
    await status.open();
    expect(await Promise.all((await status.getOptions()).map((o) => o.getText()))).toEqual(['New', 'In progress', 'Awaiting centre', 'Resolved', 'Rejected']);
    await status.clickOptions({ text: 'Awaiting centre' });

    const request = backend.expectOne('/api/admin/reports/71/status');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ status: 'awaiting_centre' });
    request.flush({ ...REPORT, status: 'awaiting_centre' });
    await settle(fixture);
    expect(await snackBarMessage()).toBe('R-000071 is now Awaiting centre.');
    expect(textOf(byTestId('report-status'))).toBe('Awaiting centre');
  });

  it('puts the status back and says why when it cannot be changed', async () => {
    await loaded();
    const status = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="report-status-select"]' }));
    await status.clickOptions({ text: 'Resolved' });
    backend
      .expectOne('/api/admin/reports/71/status')
      .flush({ statusCode: 409, error: 'Conflict', message: 'The report was changed meanwhile. Reload it.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(await snackBarMessage()).toBe('The report was changed meanwhile. Reload it.');
    expect(await status.getValueText()).toBe('New');
  });

  it('adds an internal note only with text, then clears the form', async () => {
    await loaded();
    const note = await loader().getHarness(MatInputHarness.with({ ancestor: '[data-testid="note-form"]' }));
    byTestId('add-note')!.click();
    await fixture.whenStable();
    expect(textOf(byTestId('note-form')?.querySelector('mat-error'))).toBe('Write the note');
    backend.expectNone('/api/admin/reports/71/notes');

    await note.setValue('  Asked the centre for the birth certificate.  ');
    byTestId('add-note')!.click();
    const request = backend.expectOne('/api/admin/reports/71/notes');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ text: 'Asked the centre for the birth certificate.' });
    request.flush({
      ...REPORT,
      entries: [
        ...REPORT.entries,
        {
          id: 3,
          kind: 'note',
          text: 'Asked the centre for the birth certificate.',
          author: { id: 2, name: 'Sam Support' },
          createdAt: '2026-11-29T10:00:00.000Z',
        },
      ],
    });
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Internal note added to the history.');
    expect(root.querySelectorAll('[data-testid="history-entry"]')).toHaveLength(3);
    expect(await note.getValue()).toBe('');
    expect(byTestId('note-form')?.querySelector('mat-error')).toBeNull();
  });

  it('emails a reply to the reporter', async () => {
    await loaded();
    expect(textOf(byTestId('reply-form'))).toContain('Emailed to Carol Centre (carol@northfield.example)');
    const reply = await loader().getHarness(MatInputHarness.with({ ancestor: '[data-testid="reply-form"]' }));
    byTestId('send-reply')!.click();
    await fixture.whenStable();
    expect(textOf(byTestId('reply-form')?.querySelector('mat-error'))).toBe('Write the reply');
    backend.expectNone('/api/admin/reports/71/replies');

    await reply.setValue('We are correcting the name; the new certificate follows.');
    byTestId('send-reply')!.click();
    const request = backend.expectOne('/api/admin/reports/71/replies');
    expect(request.request.body).toEqual({ text: 'We are correcting the name; the new certificate follows.' });
    request.flush(REPORT);
    await settle(fixture);
    expect(await snackBarMessage()).toBe('Reply emailed to Carol Centre (carol@northfield.example).');
  });

  it('keeps the reply and shows why when it cannot be sent', async () => {
    await loaded();
    const reply = await loader().getHarness(MatInputHarness.with({ ancestor: '[data-testid="reply-form"]' }));
    await reply.setValue('Hello');
    byTestId('send-reply')!.click();
    backend
      .expectOne('/api/admin/reports/71/replies')
      .flush(
        { statusCode: 503, error: 'Service Unavailable', message: 'Email cannot be queued right now.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle(fixture);
    expect(textOf(byTestId('reply-error'))).toBe('Email cannot be queued right now.');
    expect(await reply.getValue()).toBe('Hello');
  });

  it('prefills the reissue form from the document, the name split in two', async () => {
    await loaded();
    const dialog = await openDialog('reissue-document');
    expect(await dialog.getTitleText()).toBe('Reissue corrected document');
    const values = {
      firstName: await (await field(dialog, 'firstName')).getValue(),
      lastName: await (await field(dialog, 'lastName')).getValue(),
      dateOfBirth: await (await field(dialog, 'dateOfBirth')).getValue(),
      qualificationCode: await (await field(dialog, 'qualificationCode')).getValue(),
      qualificationTitle: await (await field(dialog, 'qualificationTitle')).getValue(),
      grade: await (await field(dialog, 'grade')).getValue(),
      awardDate: await (await field(dialog, 'awardDate')).getValue(),
      units: await (await field(dialog, 'units')).getValue(),
      reason: await (await field(dialog, 'reason')).getValue(),
    };
    expect(values).toEqual({
      firstName: 'Mary Ann',
      lastName: 'Smith',
      dateOfBirth: '03/02/2001',
      qualificationCode: '603/7506/5',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
      grade: 'Merit',
      awardDate: '15/07/2026',
      units: 'F/601/2345: Health and safety\nEngine systems',
      reason: '',
    });
    expect(await (await dialog.getHarness(MatSelectHarness)).getValueText()).toBe('Certificate');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
  });

  it('reissues only with a reason, sends what changed, shows the new version and offers to resolve the report', async () => {
    await loaded();
    const dialog = await openDialog('reissue-document');
    const reissue = await dialog.getHarness(MatButtonHarness.with({ text: 'Reissue' }));
    await reissue.click();
    expect(await dialog.getText()).toContain("Give the reason: it is kept in the audit log and the report's history");
    backend.expectNone('/api/admin/documents/501/reissue');

    await (await field(dialog, 'firstName')).setValue('Mary-Ann');
    await (await field(dialog, 'lastName')).setValue('Smith');
    await (await field(dialog, 'units')).setValue('F/601/2345: Health and safety\nEngine systems\nBrakes');
    await (await field(dialog, 'reason')).setValue(' The centre spelt the name with a hyphen. ');
    await reissue.click();

    const request = backend.expectOne('/api/admin/documents/501/reissue');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      firstName: 'Mary-Ann',
      lastName: 'Smith',
      units: [
        { code: 'F/601/2345', title: 'Health and safety' },
        { code: null, title: 'Engine systems' },
        { code: null, title: 'Brakes' },
      ],
      reason: 'The centre spelt the name with a hyphen.',
      reportId: 71,
    });
    request.flush(REISSUED, { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(await documentLoader().getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(await snackBarMessage()).toBe('Version 2 of D0000501 issued; version 1 is superseded.');
    const outcome = byTestId('correction-outcome');
    expect(outcome?.getAttribute('role')).toBe('status');
    expect(textOf(outcome)).toContain('Version 2 of D0000501 is issued with the corrected details; version 1 is now superseded');
    expect(root.querySelector('[data-testid="view-reissued"]')?.getAttribute('href')).toBe('/api/documents/502/view');

    // The report again: its document is now superseded, and the history says what was done.
    backend.expectOne('/api/admin/reports/71').flush({
      ...REPORT,
      documentDetail: { ...aDocumentDetail({ status: 'superseded' }), versions: REISSUED.versions },
      entries: [
        ...REPORT.entries,
        {
          id: 4,
          kind: 'reissue',
          text: 'Version 2 issued: The centre spelt the name with a hyphen.',
          author: { id: 2, name: 'Sam Support' },
          createdAt: '2026-11-29T10:00:00.000Z',
        },
      ],
    });
    await settle(fixture);
    expect(textOf(byTestId('document-status'))).toBe('Superseded');
    expect(byTestId('reissue-document')).toBeNull();
    expect(root.querySelectorAll('[data-testid="document-versions"] tbody tr')).toHaveLength(2);
    expect(textOf(root.querySelectorAll('[data-testid="history-entry"]')[2])).toContain('Document reissued');

    byTestId('mark-resolved')!.click();
    const resolve = backend.expectOne('/api/admin/reports/71/status');
    expect(resolve.request.body).toEqual({ status: 'resolved' });
    resolve.flush({ ...REPORT, status: 'resolved' });
    await settle(fixture);
    expect(textOf(byTestId('report-status'))).toBe('Resolved');
    expect(byTestId('mark-resolved')).toBeNull();
  });

  it('sends no field that was left as it was', async () => {
    await loaded();
    const dialog = await openDialog('reissue-document');
    await (await field(dialog, 'grade')).setValue('Distinction');
    await (await field(dialog, 'reason')).setValue('Wrong grade.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reissue' }))).click();
    const request = backend.expectOne('/api/admin/documents/501/reissue');
    expect(request.request.body).toEqual({ grade: 'Distinction', reason: 'Wrong grade.', reportId: 71 });
    request.flush({ statusCode: 409, error: 'Conflict', message: 'Only a valid document can be reissued.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(await dialog.getText()).toContain('Only a valid document can be reissued.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
  });

  it('revokes only with a reason, after confirmation', async () => {
    await loaded();
    const dialog = await openDialog('revoke-document');
    expect(await dialog.getTitleText()).toBe('Revoke document D0000501?');
    expect(await dialog.getText()).toContain('This cannot be undone.');
    const revoke = await dialog.getHarness(MatButtonHarness.with({ text: 'Revoke' }));
    await revoke.click();
    expect(await dialog.getText()).toContain("Give the reason: it is kept in the audit log and the report's history");
    await (await dialog.getHarness(MatInputHarness)).setValue('   ');
    await revoke.click();
    backend.expectNone('/api/admin/documents/501/revoke');

    await (await dialog.getHarness(MatInputHarness)).setValue('Issued to a learner of another centre.');
    await revoke.click();
    const request = backend.expectOne('/api/admin/documents/501/revoke');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ reason: 'Issued to a learner of another centre.', reportId: 71 });
    const revoked: DocumentDetail = aDocumentDetail({
      status: 'revoked',
      revokedAt: '2026-11-29T10:00:00.000Z',
      revocationReason: 'Issued to a learner of another centre.',
    });
    request.flush(revoked);
    await settle(fixture);

    expect(await snackBarMessage()).toBe('D0000501 is revoked.');
    expect(textOf(byTestId('correction-outcome'))).toContain('D0000501 is revoked.');
    backend.expectOne('/api/admin/reports/71').flush({ ...REPORT, documentDetail: revoked });
    await settle(fixture);
    expect(textOf(byTestId('document-status'))).toBe('Revoked');
    expect(textOf(byTestId('no-correction'))).toContain('This version is revoked');
    expect(byTestId('mark-resolved')).not.toBeNull();
  });

  it('does not cancel anything when the revocation is cancelled', async () => {
    await loaded();
    const dialog = await openDialog('revoke-document');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(fixture);
    backend.expectNone('/api/admin/documents/501/revoke');
    expect(byTestId('correction-outcome')).toBeNull();
  });

  it('shows the error with Retry when the report cannot be loaded', async () => {
    backend.expectOne('/api/auth/session').flush(SUPPORT_SESSION);
    backend
      .expectOne('/api/admin/reports/71')
      .flush({ statusCode: 404, error: 'Not Found', message: 'There is no report 71.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    const error = byTestId('report-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('There is no report 71.');
    (Array.from(error!.querySelectorAll('button')).find((b) => textOf(b).endsWith('Retry')) as HTMLButtonElement).click();
    backend.expectOne('/api/admin/reports/71').flush(REPORT);
    await fixture.whenStable();
    expect(byTestId('report-error')).toBeNull();
  });
});
