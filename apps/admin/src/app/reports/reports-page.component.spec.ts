import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aTriageReport, chooseCentre } from '../../testing/documents';
import { aCentre, button, textOf } from '../../testing/identity';
import { routes } from '../admin.routes';
import { ReportsPageComponent } from './reports-page.component';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();

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

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return backend.expectOne(
      (request) => request.method === 'GET' && request.url === '/api/admin/reports' && check(new URLSearchParams(request.params.toString())),
    );
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="report-row"]'));
  const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((cell) => textOf(cell));
  const select = (testId: string) => TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));

  async function loadedWith(...reports: ReturnType<typeof aTriageReport>[]): Promise<void> {
    expectList().flush({ items: reports, nextCursor: null });
    await fixture.whenStable();
  }

  it('asks for the open reports, oldest first, 50 at a time, and shows a row for each', async () => {
    const request = expectList();
    const params = new URLSearchParams(request.request.params.toString());
    expect([...params.keys()]).toEqual(['limit']);
    expect(params.get('limit')).toBe('50');
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar[aria-label="Loading reported issues"]')).not.toBeNull();

    request.flush({
      items: [
        aTriageReport({ createdAt: daysAgo(3) }),
        aTriageReport({
          id: 72,
          reference: 'R-000072',
          status: 'in_progress',
          reason: 'grade',
          assignee: { id: 2, name: 'Sam Support' },
          createdAt: daysAgo(0),
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows()).toHaveLength(2);
    expect(Array.from(root.querySelectorAll('th')).map((th) => textOf(th))).toEqual([
      'Reference',
      'Age',
      'Centre',
      'Learner and document',
      'Reason',
      'Status',
      'Assigned to',
    ]);
    expect(cells(rows()[0])).toEqual([
      'R-000071',
      '3 days',
      'C10001 Northfield College',
      'Mary Ann Smith D0000501 · 603/7506/5',
      "Learner's name is wrong or misspelt",
      'New',
      'Nobody',
    ]);
    expect(cells(rows()[1])).toEqual([
      'R-000072',
      '1 minute',
      'C10001 Northfield College',
      'Mary Ann Smith D0000501 · 603/7506/5',
      'Grade is wrong',
      'In progress',
      'Sam Support',
    ]);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/reports/71');
  });

  it('says when no open reports are waiting', async () => {
    await loadedWith();
    expect(textOf(root.querySelector('[data-testid="reports-empty"]'))).toBe('No open reported issues: nothing is waiting.');
  });

  it('filters by status, the open ones first', async () => {
    await loadedWith(aTriageReport());
    const status = await select('reports-status-filter');
    await status.open();
    expect(await Promise.all((await status.getOptions()).map((o) => o.getText()))).toEqual([
      'Open (new, in progress, awaiting centre)',
      'New',
      'In progress',
      'Awaiting centre',
      'Resolved',
      'Rejected',
    ]);
    await status.clickOptions({ text: 'Resolved' });
    expectList((params) => params.get('status') === 'resolved' && !params.has('cursor')).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="reports-empty"]'))).toBe('No reported issues with the status Resolved.');
  });

  it('filters by reason, by its label', async () => {
    await loadedWith(aTriageReport());
    const reason = await select('reports-reason-filter');
    await reason.open();
    const labels = await Promise.all((await reason.getOptions()).map((o) => o.getText()));
    expect(labels[0]).toBe('All reasons');
    expect(labels).toContain('Units are missing or wrong');
    expect(labels).toHaveLength(11);
    await reason.clickOptions({ text: 'Grade is wrong' });
    expectList((params) => params.get('reason') === 'grade').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(root.querySelector('[data-testid="reports-empty"]'))).toBe('No reported issues match these filters.');
  });

  it('filters by age: older than a number of days', async () => {
    await loadedWith(aTriageReport());
    const age = await select('reports-age-filter');
    expect(await age.getValueText()).toBe('Any age');
    await age.clickOptions({ text: 'Older than 7 days' });
    expectList((params) => params.get('olderThanDays') === '7').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    await age.clickOptions({ text: 'Any age' });
    expectList((params) => !params.has('olderThanDays')).flush({ items: [], nextCursor: null });
  });

  it('shows only the reports assigned to me when asked', async () => {
    await loadedWith(aTriageReport());
    const mine = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSlideToggleHarness.with({ label: 'Assigned to me' }));
    await mine.toggle();
    expectList((params) => params.get('assignedToMe') === 'true').flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    await mine.toggle();
    expectList((params) => !params.has('assignedToMe')).flush({ items: [], nextCursor: null });
  });

  it('filters by a centre chosen from the suggestions', async () => {
    await loadedWith(aTriageReport());
    await chooseCentre(fixture, backend, 'north', [aCentre({ id: 3 })], 'C10001 – Northfield College');
    expectList((params) => params.get('centreId') === '3').flush({ items: [], nextCursor: null });
  });

  it('loads more with the cursor of the previous page and the same filters', async () => {
    expectList().flush({ items: [aTriageReport()], nextCursor: '71' });
    await fixture.whenStable();
    await (await select('reports-age-filter')).clickOptions({ text: 'Older than 3 days' });
    expectList((params) => params.get('olderThanDays') === '3').flush({ items: [aTriageReport()], nextCursor: '71' });
    await fixture.whenStable();

    button(root, 'Load more')!.click();
    expectList((params) => params.get('cursor') === '71' && params.get('olderThanDays') === '3').flush({
      items: [aTriageReport({ id: 73, reference: 'R-000073' })],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(button(root, 'Load more')).toBeUndefined();
  });

  it('shows the error with Retry', async () => {
    expectList().flush(
      { statusCode: 403, error: 'Forbidden', message: 'Only support staff and administrators can do this.' },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    const error = root.querySelector('[data-testid="reports-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Only support staff and administrators can do this.');
    button(root, 'Retry')!.click();
    expectList().flush({ items: [aTriageReport()], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });

  it('opens the report when its row is clicked', async () => {
    await loadedWith(aTriageReport({ id: 5 }));
    rows()[0].querySelectorAll('td')[2].click();
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/reports/5');
    backend.expectOne('/api/admin/reports/5');
    backend.expectOne('/api/auth/session');
  });
});
