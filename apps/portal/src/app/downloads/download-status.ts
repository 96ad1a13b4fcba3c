import { DownloadStatus, DownloadSummary } from '@achievement/contracts';

export const DOWNLOAD_STATUS_LABELS: Record<DownloadStatus, string> = {
  queued: 'Queued',
  building: 'Building',
  ready: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};

/** Still being worked on: the Downloads page keeps asking for its progress. */
export function isInProgress(download: Pick<DownloadSummary, 'status'>): boolean {
  return download.status === 'queued' || download.status === 'building';
}
