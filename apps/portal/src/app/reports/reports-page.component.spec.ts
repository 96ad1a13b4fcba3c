import { HttpParams, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, provideSession } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { API_ERROR_503, aReport } from '../records/record-fixtures';
import { ReportsPageComponent } from './reports-page.component';

describe('ReportsPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  beforeEach(async () => {
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
    await harness.navigateByUrl('/reports', ReportsPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const expectReports = (check: (params: HttpParams) => boolean = () => true): TestRequest =>
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/reports' && check(r.params));
  const reports = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="report"]'));
  const inReport = (report: HTMLElement, id: string) => textOf(report.querySelector(`[data-testid="${id}"]`));

  it("shows the centre's reports with reference, document, reason, status, dates and the replies of support staff", async () => {
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    const request = expectReports();
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.has('status')).toBe(false);
    request.flush({
      items: [
        aReport({
          id: 32,
          reference: 'R000032',
          status: 'awaiting_centre',
          reason: 'learner_name',
          replies: [{ text: 'Is the surname Smyth?', sentAt: '2026-11-04T10:00:00.000Z' }],
        }),
        aReport(),
      ],
      nextCursor: null,
    });
    await settle(fixture);

    expect(reports()).toHaveLength(2);
    const [first, second] = reports();
    expect(inReport(first, 'report-reference')).toBe('R000032');
    expect(inReport(first, 'report-status')).toBe('Awaiting centre');
    expect(inReport(first, 'report-reason')).toBe("Learner's name is wrong or misspelt");
    expect(inReport(first, 'report-document')).toBe('D0000101 · John Smith · 603/7506/5');
    expect(first.querySelector('[data-testid="report-document"] a')?.getAttribute('href')).toBe('/records/101');
    expect(inReport(first, 'report-replies')).toContain('Is the surname Smyth?');
    expect(textOf(first)).toContain('3 Nov 2026');
    expect(inReport(second, 'report-status')).toBe('New');
    expect(inReport(second, 'report-no-replies')).toBe('No replies yet.');
  });

  it('filters by status and loads more with the cursor', async () => {
    expectReports().flush({ items: [aReport()], nextCursor: null });
    await settle(fixture);

    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual([
      'All statuses',
      'New',
      'In progress',
      'Awaiting centre',
      'Resolved',
      'Rejected',
    ]);
    await select.clickOptions({ text: 'Resolved' });

    expectReports((p) => p.get('status') === 'resolved' && !p.has('cursor')).flush({ items: [aReport({ status: 'resolved' })], nextCursor: '31' });
    await settle(fixture);
    button(root, 'Load more')!.click();
    expectReports((p) => p.get('status') === 'resolved' && p.get('cursor') === '31').flush({ items: [], nextCursor: null });
  });

  it('says so when there are no reports', async () => {
    expectReports().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="reports-empty"]'))).toBe(
      'Your centre has not reported any issues. Use Report next to a record on the Records page.',
    );
  });

  it('shows the error with Retry', async () => {
    expectReports().flush(API_ERROR_503.body, API_ERROR_503.init);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="reports-error"]'))).toContain('The database is not reachable.');

    button(root, 'Retry')!.click();
    expectReports().flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(root.querySelector('[data-testid="reports-error"]')).toBeNull();
  });
});
