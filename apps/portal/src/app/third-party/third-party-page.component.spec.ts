import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle, textOf } from '../../testing/forms';
import { provideSession, THIRD_PARTY } from '../../testing/session-stub';
import { aSharedDocument, aThirdPartyConnection } from '../learner/sharing-fixtures';
import { API_ERROR_503 } from '../records/record-fixtures';
import { ThirdPartyPageComponent } from './third-party-page.component';

describe('ThirdPartyPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'third-party', component: ThirdPartyPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(THIRD_PARTY).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/third-party', ThirdPartyPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const connections = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="shared-connection"]'));
  const documentRows = (connection: HTMLElement) => Array.from(connection.querySelectorAll<HTMLElement>('[data-testid="shared-document-row"]'));

  it('shows each learner with the status and access end, and the shared documents with their facts, live status, code and View', async () => {
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    const request = backend.expectOne('/api/third-party/connections');
    expect(request.request.method).toBe('GET');
    request.flush([
      aThirdPartyConnection({
        id: 7,
        documents: [
          aSharedDocument({ id: 101, verificationCode: 'CODE0000000000000000000000000101' }),
          aSharedDocument({ id: 102, status: 'revoked', revokedAt: '2026-11-20T10:00:00.000Z', viewable: false, grade: null }),
          aSharedDocument({ id: 103, status: 'superseded', viewable: false, type: 'unit_certificate' }),
        ],
      }),
    ]);
    await settle(fixture);

    const [connection] = connections();
    expect(textOf(connection.querySelector('[data-testid="shared-learner"]'))).toBe('Łukasz Wójcik');
    expect(textOf(connection.querySelector('[data-testid="connection-status"]'))).toBe('Active');
    expect(textOf(connection.querySelector('[data-testid="shared-access-ends"]'))).toBe('Access ends 28 Feb 2027, 23:59 UK time');

    const [valid, revoked, superseded] = documentRows(connection);
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell));
    expect(cells(valid)).toEqual([
      'Level 3 Diploma in Light Vehicle Maintenance603/7506/5',
      'Certificate',
      'Distinction',
      '1 July 2026',
      'Northfield College',
      'D0000101',
      'Valid',
      'CODE0000000000000000000000000101',
      'View', // its icon (visibility) is hidden from the text
    ]);
    expect(valid.querySelector('[data-testid="shared-document-verify"]')?.getAttribute('href')).toBe('/verify/CODE0000000000000000000000000101');
    const view = valid.querySelector<HTMLAnchorElement>('[data-testid="shared-document-view"]')!;
    expect(view.getAttribute('href')).toBe('/api/third-party/connections/7/documents/101/file');
    expect(view.target).toBe('_blank');

    expect(revoked.querySelector('[data-testid="shared-document-status"]')?.getAttribute('data-status')).toBe('revoked');
    expect(textOf(revoked.querySelector('[data-testid="document-status"]'))).toBe('Revoked');
    expect(textOf(revoked.querySelector('[data-testid="shared-document-warning"]'))).toBe('Revoked on 20 Nov 2026: this document is no longer valid.');
    expect(revoked.querySelector('[data-testid="shared-document-view"]')).toBeNull();
    expect(textOf(superseded.querySelector('[data-testid="shared-document-warning"]'))).toContain('Superseded: a corrected version replaced it.');
    expect(cells(superseded)[1]).toBe('Unit certificate');
  });

  it('shows no documents for a connection that has expired, ended, been declined or is pending', async () => {
    backend
      .expectOne('/api/third-party/connections')
      .flush([
        aThirdPartyConnection({ id: 1, status: 'expired', documents: [] }),
        aThirdPartyConnection({ id: 2, status: 'declined', learnerName: null, requestedAs: 'SH0001', accessEndsAt: null, documents: [] }),
        aThirdPartyConnection({ id: 3, status: 'pending', learnerName: null, requestedAs: 'priya@learners.example', accessEndsAt: null, documents: [] }),
        aThirdPartyConnection({ id: 4, status: 'expired', learnerName: null, requestedAs: 'nobody@learners.example', accessEndsAt: null, documents: [] }),
      ]);
    await settle(fixture);
    const [expired, declined, pending, unanswered] = connections();
    expect(documentRows(expired)).toHaveLength(0);
    expect(textOf(expired.querySelector('[data-testid="shared-no-documents"]'))).toBe('Your access has expired.');
    expect(textOf(expired.querySelector('[data-testid="shared-access-ends"]'))).toContain('Access ended');
    expect(textOf(declined.querySelector('[data-testid="shared-no-documents"]'))).toBe('The learner declined to share documents with you.');
    expect(textOf(pending)).toContain('Waiting for the learner to answer your request.');
    // until the learner accepts, only what the third party typed is shown
    expect(textOf(pending.querySelector('[data-testid="shared-learner"]'))).toBe('Your request for priya@learners.example');
    expect(textOf(declined.querySelector('[data-testid="shared-learner"]'))).toBe('Your request for SH0001');
    expect(textOf(unanswered.querySelector('[data-testid="shared-no-documents"]'))).toBe('Your request was not answered in time. You can ask again.');
    expect(textOf(expired.querySelector('[data-testid="shared-learner"]'))).toBe('Łukasz Wójcik');
  });

  it('says "No learner has shared documents with you yet." when there are no connections', async () => {
    backend.expectOne('/api/third-party/connections').flush([]);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="shared-empty"]'))).toBe('No learner has shared documents with you yet.');
  });

  it('shows the error with Retry', async () => {
    backend.expectOne('/api/third-party/connections').flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    const error = root.querySelector('[data-testid="shared-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('[data-testid="shared-empty"]')).toBeNull();
    error!.querySelector('button')!.click();
    await settle(fixture);
    backend.expectOne('/api/third-party/connections').flush([aThirdPartyConnection()]);
    await settle(fixture);
    expect(connections()).toHaveLength(1);
  });

  it('opens Request access from the button top right', async () => {
    backend.expectOne('/api/third-party/connections').flush([]);
    await settle(fixture);
    root.querySelector<HTMLButtonElement>('[data-testid="request-access"]')!.click();
    await settle(fixture);
    expect(textOf(document.querySelector('ap-request-access-dialog h2'))).toBe('Request access');
  });
});
