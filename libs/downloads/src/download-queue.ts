/** The queue that builds zips. */
export const DOWNLOADS_QUEUE = 'downloads';
export const BUILD_ZIP_JOB = 'build-zip';

export interface BuildZipJobData {
  requestId: number;
}

/** A queued or building request whose lease ran out is stuck: the reconciler queues it again. Building renews it as it goes. */
export const DOWNLOAD_LEASE_MS = 10 * 60_000;
/** Builds of one request before it is marked failed. */
export const MAX_BUILD_ATTEMPTS = 5;

/** The storage key of a request's zip: internal ids only. */
export function downloadFileKey(centreId: number, requestId: number): string {
  return `downloads/${centreId}/${requestId}.zip`;
}
