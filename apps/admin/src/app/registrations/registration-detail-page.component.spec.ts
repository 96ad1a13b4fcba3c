import { RegistrationDetail } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aCandidate, aRegistration, settle, spokenText, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { RegistrationDetailPageComponent } from './registration-detail-page.component';

const DETAIL: RegistrationDetail = {
  registration: aRegistration({ id: 11, firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1985-04-23' }),
  candidates: [
    aCandidate({ id: 7, firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1985-04-24' }, { dateOfBirth: true }),
    aCandidate(
      { id: 8, firstName: 'Adah', lastName: 'Lovelace', email: 'a.lovelace@other.example', centreNumber: 'C20002', centreName: 'Southfield' },
      { firstName: true, email: true, centreNumber: true },
    ),
  ],
};

describe('RegistrationDetailPageComponent', () => {
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
    await harness.navigateByUrl('/registrations/11', RegistrationDetailPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function loaded(detail: RegistrationDetail = DETAIL): Promise<void> {
    backend.expectOne('/api/admin/registrations/11').flush(detail);
    await fixture.whenStable();
  }

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const documentLoader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);

  /** The cells of one compared detail: [label, registered, candidate 1, candidate 2, …]. */
  function comparisonRow(label: string): HTMLTableCellElement[] {
    const row = Array.from(root.querySelectorAll('[data-testid="comparison"] tbody tr')).find((tr) => textOf(tr.querySelector('th')) === label);
    return Array.from(row?.querySelectorAll<HTMLTableCellElement>('th, td') ?? []);
  }

  async function pageButton(text: string): Promise<MatButtonHarness> {
    return loader().getHarness(MatButtonHarness.with({ text: new RegExp(`${text}$`) }));
  }

  async function expectBackToQueue(snackBarText: string): Promise<void> {
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/registrations');
    backend.expectOne((request) => request.url === '/api/admin/registrations').flush({ items: [], nextCursor: null });
    const snackBar = await documentLoader().getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe(snackBarText);
  }

  it('lets a keyboard reach and scroll the comparison, which scrolls sideways on narrow screens', async () => {
    await loaded();
    const region = root.querySelector<HTMLElement>('[data-testid="comparison-region"]')!;
    expect(region.tabIndex).toBe(0);
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toBe('The registration beside the closest contact records');
  });

  it('shows what the person registered with', async () => {
    await loaded();
    expect(textOf(root.querySelector('h1'))).toBe('Registration of Ada Lovelace');
    expect(textOf(root.querySelector('[data-testid="registration-status"]'))).toBe('Awaiting review');
    expect(textOf(root.querySelector('.details'))).toContain('C10001 – Northfield College');
  });

  it('sets the registration beside each candidate, one column each, and marks what differs in colour and words', async () => {
    await loaded();

    const headers = Array.from(root.querySelectorAll('[data-testid="comparison"] thead th')).map((th) => textOf(th));
    expect(headers).toEqual(['Detail', 'Registered with', 'Contact record 1 Northfield College', 'Contact record 2 Southfield']);
    expect(Array.from(root.querySelectorAll('[data-testid="comparison"] tbody th')).map((th) => textOf(th))).toEqual([
      'First name',
      'Last name',
      'Email',
      'Date of birth',
      'Centre number',
      'Link',
    ]);

    const dateOfBirth = comparisonRow('Date of birth');
    expect(textOf(dateOfBirth[1])).toBe('1985-04-23');
    expect(dateOfBirth[2].classList).toContain('differs');
    expect(spokenText(dateOfBirth[2])).toBe('1985-04-24 differs');
    expect(dateOfBirth[3].classList).not.toContain('differs');
    expect(spokenText(dateOfBirth[3])).toBe('1985-04-23 (matches)');

    const firstName = comparisonRow('First name');
    expect(firstName[2].classList).not.toContain('differs');
    expect(spokenText(firstName[3])).toBe('Adah differs');
    expect(spokenText(comparisonRow('Centre number')[3])).toBe('C20002 differs');
    expect(root.querySelectorAll('td.differs')).toHaveLength(4);
  });

  it('approves with the contact record chosen, after confirmation, then goes back to the queue', async () => {
    await loaded();
    const radios = await loader().getAllHarnesses(MatRadioButtonHarness.with({ label: 'Link this contact record' }));
    expect(radios).toHaveLength(2);
    await radios[1].check();

    await (await pageButton('Approve')).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Approve the registration of Ada Lovelace?');
    expect(await dialog.getText()).toContain('The contact record of Adah Lovelace (centre C20002, Southfield) is linked');
    backend.expectNone('/api/admin/registrations/11/approve');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Approve' }))).click();
    const approve = backend.expectOne('/api/admin/registrations/11/approve');
    expect(approve.request.method).toBe('POST');
    expect(approve.request.body).toEqual({ contactId: 8 });
    approve.flush(aRegistration({ status: 'approved', contactId: 8 }));

    await expectBackToQueue('Approved: Ada Lovelace can now sign in. They have been emailed.');
  });

  it('approves without a contact record when none is chosen', async () => {
    await loaded();
    await (await pageButton('Approve')).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('No contact record is linked. The account belongs to centre C10001, Northfield College.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Approve' }))).click();

    const approve = backend.expectOne('/api/admin/registrations/11/approve');
    expect(approve.request.body).toEqual({});
    approve.flush(aRegistration({ status: 'approved' }));
    await expectBackToQueue('Approved: Ada Lovelace can now sign in. They have been emailed.');
  });

  it("keeps the dialog open with the API's answer when approving is refused", async () => {
    await loaded();
    await (await pageButton('Approve')).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Approve' }))).click();
    backend
      .expectOne('/api/admin/registrations/11/approve')
      .flush({ statusCode: 409, error: 'Conflict', message: 'This registration has already been decided.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    expect(await dialog.getText()).toContain('This registration has already been decided.');
    expect(TestBed.inject(Router).url).toBe('/registrations/11');
  });

  it('does not cancel anything when the confirmation is cancelled', async () => {
    await loaded();
    await (await pageButton('Approve')).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(fixture);
    backend.expectNone('/api/admin/registrations/11/approve');
    expect(TestBed.inject(Router).url).toBe('/registrations/11');
  });

  it('rejects only with a reason, which it sends', async () => {
    await loaded();
    await (await pageButton('Reject')).click();
    const dialog = await documentLoader().getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Reject this registration?');

    const reject = await dialog.getHarness(MatButtonHarness.with({ text: 'Reject' }));
    await reject.click();
    expect(await dialog.getText()).toContain('Give the reason: it is sent to the person');
    backend.expectNone('/api/admin/registrations/11/reject');

    const reason = await dialog.getHarness(MatInputHarness);
    await reason.setValue('   ');
    await reject.click();
    backend.expectNone('/api/admin/registrations/11/reject');

    await reason.setValue('  We hold no record of you at this centre. Ask your exams officer to contact us.  ');
    await reject.click();
    const request = backend.expectOne('/api/admin/registrations/11/reject');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ reason: 'We hold no record of you at this centre. Ask your exams officer to contact us.' });
    request.flush(aRegistration({ status: 'rejected' }));

    await expectBackToQueue('Rejected: Ada Lovelace has been emailed the reason.');
  });

  it('offers no decision on a registration that has been decided', async () => {
    await loaded({ ...DETAIL, registration: aRegistration({ status: 'rejected', decidedAt: '2026-11-28T10:00:00.000Z', rejectionReason: 'Unknown.' }) });
    expect(await loader().getAllHarnesses(MatButtonHarness.with({ text: /^(Approve|Reject)/ }))).toHaveLength(0);
    expect(await loader().getAllHarnesses(MatRadioButtonHarness)).toHaveLength(0);
    expect(textOf(root.querySelector('.details .reason'))).toBe('Unknown.');
  });

  it('says when no contact records are close', async () => {
    await loaded({ ...DETAIL, candidates: [] });
    expect(root.querySelector('[data-testid="comparison"]')).toBeNull();
    expect(textOf(root.querySelector('[data-testid="no-candidates"]'))).toContain('No contact records are close to these details.');
  });
});
