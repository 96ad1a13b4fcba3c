import {
  AdminJobDetail,
  AdminJobDocument,
  AdminJobSummary,
  CentreSummary,
  DocumentDetail,
  TriageReportDetail,
  TriageReportSummary,
} from '@achievement/contracts';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';

export function aJob(overrides: Partial<AdminJobSummary> = {}): AdminJobSummary {
  return {
    id: 41,
    number: 'J000041',
    status: 'issued',
    documentCount: 120,
    createdAt: '2026-11-28T09:00:00.000Z',
    issuedAt: '2026-11-28T09:02:00.000Z',
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    renderedCount: 120,
    createdBy: 'Ada Admin',
    ...overrides,
  };
}

export function aJobDocument(overrides: Partial<AdminJobDocument> = {}): AdminJobDocument {
  const id = overrides.id ?? 1;
  return {
    id,
    documentNumber: `D${100000000 + id}`,
    learnerName: 'Sam Learner',
    enrolmentNumber: `E${String(id).padStart(6, '0')}`,
    qualificationCode: '603/7506/5',
    type: 'certificate',
    status: 'valid',
    version: 1,
    rendered: true,
    verificationCode: `code${id}`,
    ...overrides,
  };
}

export function aJobDetail(overrides: Partial<AdminJobDetail> = {}): AdminJobDetail {
  return {
    ...aJob(),
    failureReason: null,
    centreNotifiedAt: '2026-11-28T09:02:05.000Z',
    ...overrides,
  };
}

export function aDocumentDetail(overrides: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    id: 501,
    documentNumber: 'D0000501',
    type: 'certificate',
    status: 'valid',
    version: 1,
    learner: { id: 61, enrolmentNumber: 'E1001', name: 'Mary Ann Smith', hasEmail: true },
    qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
    grade: 'Merit',
    awardDate: '2026-07-15',
    issuedAt: '2026-11-20T10:00:00.000Z',
    job: { id: 41, number: 'J000041' },
    lastNotifiedAt: null,
    openReportCount: 1,
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    learnerDateOfBirth: '2001-02-03',
    units: [
      { code: 'F/601/2345', title: 'Health and safety' },
      { code: null, title: 'Engine systems' },
    ],
    versions: [{ id: 501, version: 1, status: 'valid', issuedAt: '2026-11-20T10:00:00.000Z', revokedAt: null }],
    revokedAt: null,
    revocationReason: null,
    fileReady: true,
    ...overrides,
  };
}

export function aTriageReport(overrides: Partial<TriageReportSummary> = {}): TriageReportSummary {
  return {
    id: 71,
    reference: 'R-000071',
    status: 'new',
    reason: 'learner_name',
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    document: { id: 501, documentNumber: 'D0000501', learnerName: 'Mary Ann Smith', qualificationCode: '603/7506/5', status: 'valid' },
    reporter: { name: 'Carol Centre', email: 'carol@northfield.example' },
    assignee: null,
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T08:00:00.000Z',
    ...overrides,
  };
}

export function aTriageReportDetail(overrides: Partial<TriageReportDetail> = {}): TriageReportDetail {
  return {
    ...aTriageReport(),
    description: 'Her name is Mary-Ann Smith, with a hyphen.',
    details: {
      reporterName: 'Carol Centre',
      reporterEmail: 'carol@northfield.example',
      enrolmentNumber: 'E1001',
      qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
    },
    documentDetail: aDocumentDetail(),
    entries: [],
    ...overrides,
  };
}

/**
 * Types into the centre picker, answers its search (GET /api/admin/centres?q=) with `centres`,
 * and picks the option whose text is `option`.
 */
export async function chooseCentre(
  fixture: ComponentFixture<unknown>,
  backend: HttpTestingController,
  text: string,
  centres: CentreSummary[],
  option: string,
  selector = 'adm-centre-picker input',
): Promise<MatAutocompleteHarness> {
  const autocomplete = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness.with({ selector }));
  await autocomplete.enterText(text);
  const search = await vi.waitFor(() => backend.expectOne((request) => request.url === '/api/admin/centres'), { timeout: 2000, interval: 50 });
  expect(search.request.params.get('q')).toBe(text);
  search.flush({ items: centres, nextCursor: null });
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(await autocomplete.isOpen()).toBe(true);
  });
  await autocomplete.selectOption({ text: option });
  await fixture.whenStable();
  return autocomplete;
}
