import { RecordSelection } from './documents';
import { Page } from './paging';

/*
 * Downloads: zips of selected documents for a centre, built in the background, removed after
 * DOWNLOAD_LIFETIME_DAYS. Paths are under /api; centre staff only, scoped to their centre.
 */

export const DOWNLOAD_LIFETIME_DAYS = 7;
/** Most documents one zip may hold. */
export const MAX_DOWNLOAD_DOCUMENTS = 10_000;
/** Requests of one user that may be queued or building at once. */
export const MAX_DOWNLOADS_IN_FLIGHT = 3;

export const DOWNLOAD_PURPOSES = ['regulatory_reporting', 'audit', 'other'] as const;
export type DownloadPurpose = (typeof DOWNLOAD_PURPOSES)[number];
export const DOWNLOAD_PURPOSE_LABELS: Record<DownloadPurpose, string> = {
  regulatory_reporting: 'Regulatory reporting',
  audit: 'Audit',
  other: 'Other',
};

export const DOWNLOAD_STATUSES = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export type DownloadStatus = (typeof DOWNLOAD_STATUSES)[number];

/**
 * POST /api/downloads → 201 DownloadSummary. The documents: a Records selection, or every
 * document of one job (`jobId`); exactly one of the two. 400 beyond MAX_DOWNLOAD_DOCUMENTS; 429
 * with a clear message beyond MAX_DOWNLOADS_IN_FLIGHT.
 */
export interface RequestDownloadRequest {
  /** 1-100 characters; becomes the zip's file name (cleaned) */
  name: string;
  purpose: DownloadPurpose;
  /** required (1-500 characters) when purpose is "other" */
  purposeDetail?: string;
  includeManifest: boolean;
  selection?: RecordSelection;
  jobId?: number;
}

/** A row of the Downloads page: GET /api/downloads?cursor= → Page<DownloadSummary>, newest first, every request of the caller's centre. GET /api/downloads/:id → DownloadSummary. */
export interface DownloadSummary {
  id: number;
  name: string;
  purpose: DownloadPurpose;
  purposeDetail: string | null;
  includeManifest: boolean;
  requestedBy: string;
  createdAt: string;
  documentCount: number;
  /** documents written to the zip so far (progress while building) */
  processedCount: number;
  /** bytes of the finished zip */
  sizeBytes: number | null;
  status: DownloadStatus;
  failureReason: string | null;
  readyAt: string | null;
  /** when the zip will be (or was) removed: readyAt + DOWNLOAD_LIFETIME_DAYS */
  expiresAt: string | null;
}

/** GET /api/downloads/:id/file → the zip (application/zip, attachment, Range supported); 409 unless ready, 410 once expired. */

export type DownloadPage = Page<DownloadSummary>;
