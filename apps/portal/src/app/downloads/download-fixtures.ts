import { DownloadSummary } from '@achievement/contracts';

/* A valid DownloadSummary in one line, for the specs of the Downloads page and dialog (only specs import this file). */

export function aDownload(overrides: Partial<DownloadSummary> = {}): DownloadSummary {
  return {
    id: 41,
    name: 'Records 29 Nov 2026',
    purpose: 'audit',
    purposeDetail: null,
    includeManifest: true,
    requestedBy: 'Carol Centre',
    createdAt: '2026-11-29T07:00:00.000Z',
    documentCount: 120,
    processedCount: 120,
    sizeBytes: 3 * 1024 * 1024,
    status: 'ready',
    failureReason: null,
    readyAt: '2026-11-29T07:02:00.000Z',
    expiresAt: '2026-12-06T07:02:00.000Z',
    ...overrides,
  };
}
