import { QualificationSummary, VerificationLogEntry } from '@achievement/contracts';

export function aVerificationEntry(overrides: Partial<VerificationLogEntry> = {}): VerificationLogEntry {
  return {
    id: 301,
    at: '2026-11-28T09:15:00.000Z',
    method: 'qr',
    client: 'Chrome on Android, 203.0.113.0/24',
    hits: 1,
    document: { id: 501, documentNumber: 'D0000501', learnerName: 'Mary Ann Smith' },
    ...overrides,
  };
}

export function aQualification(overrides: Partial<QualificationSummary> = {}): QualificationSummary {
  return { id: 7, code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance', displayOnVerify: false, ...overrides };
}
