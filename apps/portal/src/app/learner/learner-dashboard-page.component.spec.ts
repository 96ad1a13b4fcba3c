import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle, textOf } from '../../testing/forms';
import { LEARNER, provideSession } from '../../testing/session-stub';
import { API_ERROR_503 } from '../records/record-fixtures';
import { LearnerDashboardPageComponent } from './learner-dashboard-page.component';
import { aConnection, aLearnerDocument, aVerification } from './sharing-fixtures';

describe('LearnerDashboardPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'learner', component: LearnerDashboardPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(LEARNER).provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/learner', LearnerDashboardPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function answer(documents: unknown, connections: unknown = [], verifications: unknown = []): Promise<void> {
    for (const [url, body] of [
      ['/api/learner/documents', documents],
      ['/api/learner/connections', connections],
      ['/api/learner/verifications', verifications],
    ] as const) {
      const request = backend.expectOne(url);
      expect(request.request.method).toBe('GET');
      if (body === API_ERROR_503) {
        request.flush(API_ERROR_503.body, API_ERROR_503.init);
      } else {
        request.flush(body as object);
      }
    }
    await settle(fixture);
  }

  const rows = (testId: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  it('lists the documents with their facts and status, and links View (new tab) and Download to the file', async () => {
    await fixture.whenStable();
    expect(root.querySelectorAll('mat-progress-bar').length).toBeGreaterThan(0);
    await answer([
      aLearnerDocument({ id: 101, grade: 'Distinction' }),
      aLearnerDocument({ id: 102, type: 'unit_certificate', grade: null, status: 'revoked', centreName: 'Wójcik Motor Academy' }),
    ]);

    const [first, second] = rows('learner-document-row');
    expect(textOf(first)).toContain('Level 3 Diploma in Light Vehicle Maintenance');
    expect(textOf(first)).toContain('603/7506/5');
    expect(textOf(first)).toContain('Certificate');
    expect(textOf(first)).toContain('Distinction');
    expect(textOf(first)).toContain('1 July 2026');
    expect(textOf(first)).toContain('Northfield College');
    expect(textOf(first.querySelector('[data-testid="learner-document-number"]'))).toBe('D0000101');
    expect(textOf(first.querySelector('[data-testid="document-status"]'))).toBe('Valid');
    const view = first.querySelector<HTMLAnchorElement>('[data-testid="learner-document-view"]')!;
    expect(view.getAttribute('href')).toBe('/api/learner/documents/101/file');
    expect(view.target).toBe('_blank');
    expect(view.rel).toContain('noopener');
    const download = first.querySelector<HTMLAnchorElement>('[data-testid="learner-document-download"]')!;
    expect(download.getAttribute('href')).toBe('/api/learner/documents/101/file?download=1');
    expect(download.hasAttribute('download')).toBe(true);

    expect(textOf(second)).toContain('Unit certificate');
    expect(textOf(second)).toContain('—');
    expect(textOf(second.querySelector('[data-testid="document-status"]'))).toBe('Revoked');
  });

  it('disables View and Download with a note while a PDF is being prepared', async () => {
    await answer([aLearnerDocument({ available: false })]);
    const [row] = rows('learner-document-row');
    expect(row.querySelector('[data-testid="learner-document-view"]')).toBeNull();
    const buttons = Array.from(row.querySelectorAll<HTMLButtonElement>('button'));
    expect(buttons.map((b) => [textOf(b), b.disabled])).toEqual([
      ['View', true],
      ['Download', true],
    ]);
    expect(textOf(row.querySelector('[data-testid="learner-document-preparing"]'))).toBe('Being prepared: try again in a few minutes.');
  });

  it('says so when there are no documents and nobody checked them', async () => {
    await answer([]);
    expect(textOf(root.querySelector('[data-testid="learner-documents-empty"]'))).toContain('You have no documents yet.');
    expect(textOf(root.querySelector('[data-testid="learner-verifications-empty"]'))).toBe('Nobody has checked your documents yet.');
    expect(textOf(root.querySelector('[data-testid="connection-counts"]'))).toBe('0 active, 0 pending');
  });

  it('counts active and pending connections, with Manage leading to Connections', async () => {
    await answer(
      [aLearnerDocument()],
      [aConnection({ id: 1, status: 'pending' }), aConnection({ id: 2 }), aConnection({ id: 3 }), aConnection({ id: 4, status: 'ended' })],
    );
    expect(textOf(root.querySelector('[data-testid="connection-counts"]'))).toBe('2 active, 1 pending — a pending request waits for your answer');
    expect(root.querySelector('[data-testid="manage-connections"]')?.getAttribute('href')).toBe('/learner/connections');
    expect(textOf(root.querySelector('[data-testid="manage-connections"]'))).toBe('Manage');
  });

  it('lists who checked the documents: time, document number, method and client', async () => {
    await answer(
      [aLearnerDocument()],
      [],
      [
        aVerification(),
        aVerification({ method: 'upload', client: 'Firefox on Windows, fixed network', documentNumber: 'D0000102' }),
        aVerification({ method: 'code' }),
      ],
    );
    const entries = rows('learner-verification-row').map((row) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell)));
    expect(entries[0]).toEqual(['20 Nov 2026, 14:30 UK time', 'D0000101', 'QR code', 'Chrome on Android, mobile network']);
    expect(entries[1].slice(1)).toEqual(['D0000102', 'PDF upload', 'Firefox on Windows, fixed network']);
    expect(entries[2][2]).toBe('Code');
  });

  it('shows each section’s error with Retry, and the other sections still load', async () => {
    await answer(API_ERROR_503, [aConnection()], API_ERROR_503);
    const error = root.querySelector('[data-testid="learner-documents-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain(API_ERROR_503.body.message);
    expect(root.querySelector('[data-testid="learner-verifications-error"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="learner-documents-empty"]')).toBeNull();
    expect(textOf(root.querySelector('[data-testid="connection-counts"]'))).toBe('1 active, 0 pending');

    error!.querySelector('button')!.click();
    await settle(fixture);
    backend.expectOne('/api/learner/documents').flush([aLearnerDocument()]);
    await settle(fixture);
    expect(root.querySelector('[data-testid="learner-documents-error"]')).toBeNull();
    expect(rows('learner-document-row')).toHaveLength(1);
  });
});
