import { PdfCheckResult, VerificationResult } from '@achievement/contracts';

/** A verification result as the API answers for a valid document, with the given changes. */
export function aVerification(overrides: Partial<VerificationResult> = {}): VerificationResult {
  return {
    status: 'valid',
    revokedAt: null,
    currentVersionCode: null,
    learnerName: 'Łukasz Wójcik',
    qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
    type: 'certificate',
    grade: 'Distinction',
    awardDate: '2026-07-01',
    centre: { number: 'C10001', name: 'Northfield College' },
    documentNumber: 'D0000101',
    issuedAt: '2026-11-02T10:00:00.000Z',
    displayEnabled: false,
    ...overrides,
  };
}

export function aPdfCheck(overrides: Partial<PdfCheckResult> = {}): PdfCheckResult {
  return { kind: 'genuine', genuine: true, document: aVerification(), sha256: 'ab'.repeat(32), ...overrides };
}

export const CODE = 'Zm9vYmFy-mF6cXV4cXV1eHF1dXhxdXV4';
