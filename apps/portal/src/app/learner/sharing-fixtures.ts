import { LearnerConnection, LearnerDocument, LearnerVerificationEntry, SharedDocument, ThirdPartyConnection } from '@achievement/contracts';

/* Valid API answers of the learner and third-party pages in one line (only specs import this file). */

export function aLearnerDocument(overrides: Partial<LearnerDocument> = {}): LearnerDocument {
  const id = overrides.id ?? 101;
  return {
    id,
    documentNumber: `D${String(id).padStart(7, '0')}`,
    type: 'certificate',
    qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
    grade: 'Distinction',
    awardDate: '2026-07-01',
    issuedAt: '2026-07-10T10:00:00.000Z',
    centreName: 'Northfield College',
    status: 'valid',
    currentVersionId: null,
    verificationCode: 'abcdefghijklmnopqrstuvwxyz012345',
    available: true,
    ...overrides,
  };
}

export function aVerification(overrides: Partial<LearnerVerificationEntry> = {}): LearnerVerificationEntry {
  return {
    at: '2026-11-20T14:30:00.000Z',
    documentId: 101,
    documentNumber: 'D0000101',
    method: 'qr',
    client: 'Chrome on Android, mobile network',
    hits: 1,
    ...overrides,
  };
}

export function aConnection(overrides: Partial<LearnerConnection> = {}): LearnerConnection {
  return {
    id: 7,
    origin: 'learner',
    status: 'active',
    thirdParty: { name: 'Priya Patel', email: 'priya@garage.example', organisation: 'Patel Motors' },
    thirdPartyJoined: true,
    message: null,
    documentIds: [101],
    accessEndsAt: '2027-02-28T23:59:59.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    decidedAt: '2026-11-01T09:00:00.000Z',
    viewCount: 3,
    ...overrides,
  };
}

export function aSharedDocument(overrides: Partial<SharedDocument> = {}): SharedDocument {
  const id = overrides.id ?? 101;
  return {
    id,
    documentNumber: `D${String(id).padStart(7, '0')}`,
    type: 'certificate',
    qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
    grade: 'Distinction',
    awardDate: '2026-07-01',
    issuedAt: '2026-07-10T10:00:00.000Z',
    centreName: 'Northfield College',
    status: 'valid',
    revokedAt: null,
    verificationCode: 'abcdefghijklmnopqrstuvwxyz012345',
    viewable: true,
    ...overrides,
  };
}

export function aThirdPartyConnection(overrides: Partial<ThirdPartyConnection> = {}): ThirdPartyConnection {
  return {
    id: 7,
    learnerName: 'Łukasz Wójcik',
    requestedAs: null,
    status: 'active',
    accessEndsAt: '2027-02-28T23:59:59.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    documents: [aSharedDocument()],
    ...overrides,
  };
}
