import { DocumentDetail, JobSummary, RecordRow, ReportSummary } from '@achievement/contracts';

/*
 * Valid API answers in one line, for the specs of Jobs Issued, Records, the document page and
 * Reports (only specs import this file).
 */

export function aRecord(overrides: Partial<RecordRow> = {}): RecordRow {
  const id = overrides.id ?? 101;
  return {
    id,
    documentNumber: `D${String(id).padStart(7, '0')}`,
    type: 'certificate',
    status: 'valid',
    version: 1,
    learner: { id: 7, enrolmentNumber: '0002124', name: 'John Smith', hasEmail: true },
    qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
    grade: 'Pass',
    awardDate: '2026-10-01',
    issuedAt: '2026-11-02T10:00:00.000Z',
    job: { id: 5, number: 'J0000005' },
    lastNotifiedAt: null,
    openReportCount: 0,
    ...overrides,
  };
}

export function aDocument(overrides: Partial<DocumentDetail> = {}): DocumentDetail {
  const record = aRecord(overrides);
  return {
    ...record,
    centre: { id: 9, number: '12345', name: 'Northfield College' },
    learnerDateOfBirth: '2004-05-06',
    units: [
      { code: 'LV1', title: 'Health and safety' },
      { code: null, title: 'Engine systems' },
    ],
    versions: [{ id: record.id, version: 1, status: record.status, issuedAt: record.issuedAt, revokedAt: null }],
    revokedAt: null,
    revocationReason: null,
    fileReady: true,
    ...overrides,
  };
}

export function aJob(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 5,
    number: 'J0000005',
    status: 'issued',
    documentCount: 120,
    createdAt: '2026-11-02T09:00:00.000Z',
    issuedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

export function aReport(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 31,
    reference: 'R000031',
    status: 'new',
    reason: 'grade',
    description: 'The grade should be Merit.',
    details: {
      reporterName: 'Carol Centre',
      reporterEmail: 'carol@northfield.example',
      enrolmentNumber: '0002124',
      qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
    },
    document: { id: 101, documentNumber: 'D0000101', learnerName: 'John Smith', qualificationCode: '603/7506/5' },
    createdAt: '2026-11-03T08:00:00.000Z',
    updatedAt: '2026-11-03T08:00:00.000Z',
    replies: [],
    ...overrides,
  };
}

export const API_ERROR_503 = {
  body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable.' },
  init: { status: 503, statusText: 'Service Unavailable' },
};
