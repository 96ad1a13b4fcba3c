import { LearnerConnection } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle, textOf, type } from '../../testing/forms';
import { LEARNER, provideSession } from '../../testing/session-stub';
import { API_ERROR_503 } from '../records/record-fixtures';
import { ConnectionsPageComponent } from './connections-page.component';
import { aConnection, aLearnerDocument } from './sharing-fixtures';

const DOCUMENTS = [
  aLearnerDocument({ id: 101 }),
  aLearnerDocument({ id: 102, qualification: { code: '603/2981/1', title: 'Level 2 Certificate in Vehicle Fitting' } }),
];
const REQUEST = aConnection({
  id: 12,
  origin: 'third_party',
  status: 'pending',
  thirdParty: { name: 'Sam Shah', email: 'sam@fleet.example', organisation: null },
  documentIds: [],
  accessEndsAt: null,
  decidedAt: null,
  viewCount: 0,
  message: 'For the fleet technician job.',
});
const ACTIVE = aConnection({ id: 7, documentIds: [101, 102], accessEndsAt: '2027-02-28T12:00:00.000Z', viewCount: 3 });
const ENDED = aConnection({ id: 5, status: 'ended', thirdParty: { name: 'Old Employer', email: 'hr@old.example', organisation: null }, viewCount: 1 });

describe('ConnectionsPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'learner/connections', component: ConnectionsPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(LEARNER).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/learner/connections', ConnectionsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function loaded(connections: LearnerConnection[] = [REQUEST, ACTIVE, ENDED]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/learner/connections' }).flush(connections);
    backend.expectOne({ method: 'GET', url: '/api/learner/documents' }).flush(DOCUMENTS);
    await settle(fixture);
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="connection-row"]'));
  const rowOf = (name: string) => rows().find((row) => textOf(row.querySelector('[data-testid="connection-name"]')) === name)!;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(fixture);
  const snackMessage = async () => (await loader().getHarness(MatSnackBarHarness)).getMessage();
  async function click(element: HTMLElement | null | undefined): Promise<void> {
    element!.click();
    await settle(fixture);
  }

  it('lists the connections: third party, status, documents shared (names when expanded), access end and views', async () => {
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    await loaded();

    expect(rows()).toHaveLength(3);
    const active = rowOf('Priya Patel');
    expect(textOf(active)).toContain('priya@garage.example');
    expect(textOf(active)).toContain('Patel Motors');
    expect(textOf(active.querySelector('[data-testid="connection-status"]'))).toBe('Active');
    const documents = active.querySelector('[data-testid="connection-documents"]')!;
    expect(textOf(documents.querySelector('summary'))).toBe('2 documents');
    expect(Array.from(documents.querySelectorAll('li')).map((li) => textOf(li))).toEqual([
      'Level 3 Diploma in Light Vehicle Maintenance (D0000101)',
      'Level 2 Certificate in Vehicle Fitting (D0000102)',
    ]);
    expect(textOf(active.querySelector('[data-testid="connection-access-ends"]'))).toBe('28 Feb 2027');
    expect(textOf(active.querySelector('[data-testid="connection-views"]'))).toBe('3');

    const pending = rowOf('Sam Shah');
    expect(textOf(pending.querySelector('[data-testid="connection-status"]'))).toBe('Pending');
    expect(textOf(pending.querySelector('[data-testid="connection-request"]'))).toBe('Asked to see your documents: “For the fleet technician job.”');
    expect(textOf(pending.querySelector('[data-testid="connection-documents"]'))).toBe('None');
    expect(textOf(pending.querySelector('[data-testid="connection-access-ends"]'))).toBe('—');
  });

  it('offers Accept (a tick) and Decline on a pending request, Edit, End access and Views on an active one, nothing on an ended one', async () => {
    await loaded();
    const actions = (name: string) =>
      Array.from(rowOf(name).querySelectorAll('button')).map((b) => [
        b.getAttribute('aria-label'),
        b.querySelector('mat-icon')?.getAttribute('data-mat-icon-name'),
      ]);
    expect(actions('Sam Shah')).toEqual([
      ['Accept the request of Sam Shah', 'check'],
      ['Decline the request of Sam Shah', 'close'],
    ]);
    expect(actions('Priya Patel')).toEqual([
      ['Edit the connection with Priya Patel', 'edit'],
      ['End the access of Priya Patel', 'link_off'],
      ['Views by Priya Patel', 'visibility'],
    ]);
    expect(actions('Old Employer')).toEqual([]);
  });

  it('says so when there are no connections', async () => {
    await loaded([]);
    expect(textOf(root.querySelector('[data-testid="connections-empty"]'))).toContain('You have no connections yet.');
    expect(rows()).toHaveLength(0);
  });

  it('shows the error with Retry', async () => {
    backend.expectOne('/api/learner/connections').flush(API_ERROR_503.body, API_ERROR_503.init);
    backend.expectOne('/api/learner/documents').flush(DOCUMENTS);
    await settle(fixture);
    const error = root.querySelector('[data-testid="connections-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain(API_ERROR_503.body.message);
    expect(root.querySelector('[data-testid="connections-empty"]')).toBeNull();

    await click(error!.querySelector('button'));
    backend.expectOne('/api/learner/connections').flush([ACTIVE]);
    await settle(fixture);
    expect(rows()).toHaveLength(1);
    expect(root.querySelector('[data-testid="connections-error"]')).toBeNull();
  });

  it('Add Connection: the dialog shares the chosen documents, the new row appears after the pending requests, and a snack bar says so', async () => {
    await loaded();
    await click(root.querySelector<HTMLElement>('[data-testid="add-connection"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('Add Connection');
    type(dialog()!, 'Name', 'Jo Jones');
    type(dialog()!, 'Email', 'jo@college.example');
    const select = await loader().getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Six months' });
    await click(dialog()!.querySelectorAll<HTMLInputElement>('[data-testid="connection-document"] input')[0]);
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="connection-submit"]'));

    const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections' });
    expect(post.request.body).toEqual({ name: 'Jo Jones', email: 'jo@college.example', documentIds: [101], period: 'six_months' });
    post.flush(aConnection({ id: 20, thirdParty: { name: 'Jo Jones', email: 'jo@college.example', organisation: null }, documentIds: [101], viewCount: 0 }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(fixture);

    expect(rows().map((row) => textOf(row.querySelector('[data-testid="connection-name"]')))).toEqual(['Sam Shah', 'Jo Jones', 'Priya Patel', 'Old Employer']);
    expect(await snackMessage()).toBe('You shared 1 document with Jo Jones. We have emailed them a link to see it.');
  });

  it('Accept (the tick): choose the documents and how long, the row becomes active, and a snack bar says until when', async () => {
    await loaded();
    await click(rowOf('Sam Shah').querySelector<HTMLElement>('[data-testid="connection-accept"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('Accept the request');
    const select = await loader().getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'A month' });
    await click(dialog()!.querySelectorAll<HTMLInputElement>('[data-testid="connection-document"] input')[1]);
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="connection-submit"]'));

    const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections/12/accept' });
    expect(post.request.body).toEqual({ documentIds: [102], period: 'month' });
    post.flush({ ...REQUEST, status: 'active', documentIds: [102], accessEndsAt: '2026-12-29T12:00:00.000Z' });
    await settle(fixture);

    expect(textOf(rowOf('Sam Shah').querySelector('[data-testid="connection-status"]'))).toBe('Active');
    expect(await snackMessage()).toBe('You accepted the request of Sam Shah: they can see 1 document until 29 Dec 2026.');
  });

  it('Decline asks first, then declines and says so', async () => {
    await loaded();
    await click(rowOf('Sam Shah').querySelector<HTMLElement>('[data-testid="connection-decline"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('Decline the request?');
    expect(textOf(dialog()?.querySelector('[data-testid="confirm-message"]'))).toContain(
      'Nothing will be shared with Sam Shah (sam@fleet.example) on this request.',
    );
    expect(textOf(dialog()?.querySelector('[data-testid="confirm-message"]'))).not.toContain('other connection');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="confirm-action"]'));

    const post = backend.expectOne({ method: 'POST', url: '/api/learner/connections/12/decline' });
    expect(post.request.body).toBeNull();
    post.flush({ ...REQUEST, status: 'declined' });
    await settle(fixture);
    expect(textOf(rowOf('Sam Shah').querySelector('[data-testid="connection-status"]'))).toBe('Declined');
    expect(await snackMessage()).toBe('You declined the request of Sam Shah.');
  });

  it('End access does nothing when cancelled; confirmed, it ends the connection and says so', async () => {
    await loaded();
    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-end"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('End access?');
    await click(Array.from(dialog()!.querySelectorAll('button')).find((b) => textOf(b) === 'Cancel'));
    backend.expectNone({ method: 'POST' });

    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-end"]'));
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="confirm-action"]'));
    backend.expectOne({ method: 'POST', url: '/api/learner/connections/7/end' }).flush({ ...ACTIVE, status: 'ended' });
    await settle(fixture);
    expect(textOf(rowOf('Priya Patel').querySelector('[data-testid="connection-status"]'))).toBe('Ended');
    expect(await snackMessage()).toBe('Priya Patel can no longer see your documents.');
  });

  it('End access says the truth when another connection with the same third party still shares', async () => {
    // an older connection with the same address, made before duplicates were refused, still runs
    const OLDER = aConnection({ id: 3, documentIds: [102], accessEndsAt: '2027-06-30T12:00:00.000Z', thirdParty: ACTIVE.thirdParty });
    await loaded([ACTIVE, OLDER]);
    await click(rows()[0].querySelector<HTMLElement>('[data-testid="connection-end"]'));
    const message = textOf(dialog()?.querySelector('[data-testid="confirm-message"]'));
    expect(message).toContain('will no longer see the documents shared on this connection');
    expect(message).toContain('They still see what you share with them on your other connection, until it ends.');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="confirm-action"]'));
    backend.expectOne({ method: 'POST', url: '/api/learner/connections/7/end' }).flush({ ...ACTIVE, status: 'ended' });
    await settle(fixture);
    expect(await snackMessage()).toBe('Priya Patel can no longer see the documents of this connection (your other connection with them is unchanged).');
  });

  it('Decline says the truth when another connection with the same third party still shares', async () => {
    // a request from a third party the learner already shares with on an older connection
    const SHARING = aConnection({ id: 4, documentIds: [101], accessEndsAt: '2027-06-30T12:00:00.000Z', thirdParty: REQUEST.thirdParty });
    await loaded([REQUEST, SHARING]);
    await click(rows()[0].querySelector<HTMLElement>('[data-testid="connection-decline"]'));
    const message = textOf(dialog()?.querySelector('[data-testid="confirm-message"]'));
    expect(message).toContain('Nothing will be shared with Sam Shah (sam@fleet.example) on this request.');
    expect(message).toContain('What you share with them on your other connection stays shared until it ends.');
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="confirm-action"]'));
    backend.expectOne({ method: 'POST', url: '/api/learner/connections/12/decline' }).flush({ ...REQUEST, status: 'declined' });
    await settle(fixture);
    expect(await snackMessage()).toBe('You declined the request of Sam Shah.');
  });
  it('says when an action fails and loads the list again', async () => {
    await loaded();
    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-end"]'));
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="confirm-action"]'));
    backend
      .expectOne({ method: 'POST', url: '/api/learner/connections/7/end' })
      .flush({ statusCode: 409, error: 'Conflict', message: 'This connection has already ended.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(await snackMessage()).toBe('This connection has already ended.');
    backend.expectOne('/api/learner/connections').flush([{ ...ACTIVE, status: 'ended' }]);
    await settle(fixture);
  });

  it('Edit saves the documents and says until when', async () => {
    await loaded();
    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-edit"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('Edit the connection');
    await click(dialog()!.querySelectorAll<HTMLInputElement>('[data-testid="connection-document"] input')[1]);
    await click(dialog()!.querySelector<HTMLElement>('[data-testid="connection-submit"]'));
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/learner/connections/7' });
    expect(patch.request.body).toEqual({ documentIds: [101] });
    patch.flush({ ...ACTIVE, documentIds: [101] });
    await settle(fixture);
    expect(textOf(rowOf('Priya Patel').querySelector('[data-testid="connection-documents"] summary'))).toBe('1 document');
    expect(await snackMessage()).toBe('Saved: Priya Patel can see 1 document until 28 Feb 2027.');
  });

  it('Views lists what the third party opened, newest first, or says they have not', async () => {
    await loaded();
    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-views-open"]'));
    expect(textOf(dialog()?.querySelector('h2'))).toBe('Views by Priya Patel');
    expect(dialog()!.querySelector('mat-progress-bar')).not.toBeNull();
    backend.expectOne({ method: 'GET', url: '/api/learner/connections/7/views' }).flush([
      { at: '2026-11-28T10:15:00.000Z', documentId: 102, documentNumber: 'D0000102' },
      { at: '2026-11-27T09:00:00.000Z', documentId: 101, documentNumber: 'D0000101' },
    ]);
    await settle(fixture);
    const views = Array.from(dialog()!.querySelectorAll('[data-testid="view-row"]')).map((row) => [
      textOf(row.querySelector('time')),
      textOf(row.querySelector('span')),
    ]);
    expect(views).toEqual([
      ['28 Nov 2026, 10:15 UK time', 'D0000102'],
      ['27 Nov 2026, 09:00 UK time', 'D0000101'],
    ]);
    await click(Array.from(dialog()!.querySelectorAll('button')).find((b) => textOf(b) === 'Close'));

    await click(rowOf('Priya Patel').querySelector<HTMLElement>('[data-testid="connection-views-open"]'));
    backend.expectOne('/api/learner/connections/7/views').flush([]);
    await settle(fixture);
    expect(textOf(dialog()!.querySelector('[data-testid="views-empty"]'))).toBe('Priya Patel has not viewed your documents yet.');
  });
});
