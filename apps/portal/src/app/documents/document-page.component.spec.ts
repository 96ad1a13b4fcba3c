import { CENTRE_COPY_STAMP, DocumentDetail } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { aDocument, API_ERROR_503 } from '../records/record-fixtures';
import { DocumentPageComponent } from './document-page.component';

describe('DocumentPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(url = '/records/101'): Promise<void> {
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
    await harness.navigateByUrl(url, DocumentPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  async function loaded(document: DocumentDetail = aDocument({ id: 101 })): Promise<void> {
    backend.expectOne({ method: 'GET', url: `/api/documents/${document.id}` }).flush(document);
    await settle(fixture);
  }

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  function details(): Record<string, string> {
    const terms = Array.from(root.querySelectorAll('[data-testid="document-details"] dt'));
    return Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]));
  }

  afterEach(() => backend.verify());

  it("shows the document's details, units and versions", async () => {
    await open();
    await loaded(
      aDocument({
        id: 101,
        version: 2,
        versions: [
          { id: 90, version: 1, status: 'superseded', issuedAt: '2026-10-01T10:00:00.000Z', revokedAt: null },
          { id: 101, version: 2, status: 'valid', issuedAt: '2026-11-02T10:00:00.000Z', revokedAt: null },
        ],
      }),
    );

    expect(textOf(byTestId('document-title'))).toBe('Certificate D0000101');
    expect(details()).toMatchObject({
      Learner: 'John Smith',
      'Enrolment number': '0002124',
      'Date of birth': '6 May 2004',
      Qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
      Type: 'Certificate',
      Grade: 'Pass',
      'Award date': '1 October 2026',
      Status: 'Valid',
      Version: '2',
      Job: 'J0000005',
      'Learner notified': 'Not yet',
    });
    expect(Array.from(root.querySelectorAll('[data-testid="document-units"] li')).map(textOf)).toEqual(['LV1 Health and safety', 'Engine systems']);
    const versions = Array.from(root.querySelectorAll('[data-testid="document-versions"] li'));
    expect(textOf(versions[0])).toMatch(/^Version 1 · issued 1 Oct 2026 · Superseded/);
    expect(versions[0].querySelector('a')?.getAttribute('href')).toBe('/records/90');
    expect(textOf(versions[1])).toMatch(/^Version 2 \(this one\)/);
  });

  it('shows the stamped centre copy in the page, with a link to open it in a new tab and why it is not for verification', async () => {
    await open('/documents/101');
    await loaded();

    const frame = byTestId('document-viewer') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe('/api/documents/101/view');
    expect(frame.getAttribute('title')).toBe('Centre copy of D0000101 (PDF)');
    const link = byTestId('document-open-tab') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/documents/101/view');
    expect(link.getAttribute('target')).toBe('_blank');
    const notice = textOf(byTestId('centre-copy-notice'));
    expect(notice).toContain(CENTRE_COPY_STAMP);
    expect(notice).toContain('not intended to be, and cannot be, printed or emailed for verification');
  });

  it('says the document is still being prepared until its PDF is ready, and checks again', async () => {
    await open();
    await loaded(aDocument({ id: 101, fileReady: false }));

    expect(byTestId('document-viewer')).toBeNull();
    expect(textOf(byTestId('document-preparing'))).toContain('The document is still being prepared');
    button(root, 'Check again')!.click();
    TestBed.tick(); // the read is asked for when the page's effects run
    await loaded(aDocument({ id: 101, fileReady: true }));
    expect(byTestId('document-viewer')).not.toBeNull();
  });

  it('marks a revoked document', async () => {
    await open();
    await loaded(aDocument({ id: 101, status: 'revoked', revokedAt: '2026-11-10T12:00:00.000Z', revocationReason: 'Issued in error' }));

    expect(textOf(byTestId('document-revoked')?.querySelector('p'))).toBe(
      'This document was revoked on 10 November 2026. It is no longer valid. Reason: Issued in error',
    );
  });

  it('says so when the document is not one of the centre', async () => {
    await open();
    backend
      .expectOne('/api/documents/101')
      .flush({ statusCode: 404, error: 'Not Found', message: 'No such document' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);

    expect(textOf(byTestId('document-not-found'))).toContain('Document not found');
  });

  it('shows the error of loading with Retry', async () => {
    await open();
    backend.expectOne('/api/documents/101').flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);

    expect(textOf(byTestId('document-load-error'))).toContain('The database is not reachable.');
    button(root, 'Retry')!.click();
    TestBed.tick();
    await loaded();
    expect(byTestId('document-load-error')).toBeNull();
  });

  it('opens Report Document Issue for the document', async () => {
    await open();
    await loaded();

    byTestId('document-report')!.click();
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Report Document Issue');
    expect(await dialog.getContentText()).toContain('0002124');
  });
});
