/** The queue that builds zips. */
export const DOWNLOADS_QUEUE = 'downloads';
export const BUILD_ZIP_JOB = 'build-zip';

export interface BuildZipJobData {
  requestId: number;
}

/**
 * A build's hold on its request: short, renewed every LEASE_RENEW_EVERY_MS while the build runs,
 * so the request of a killed worker is free within this long, and the job Bull hands back (or the
 * reconciler) builds it at once. A queued request whose lease ran out is stuck: the reconciler
 * queues it again.
 */
export const DOWNLOAD_LEASE_MS = 20_000;
/** How often a running build renews its lease (four chances before it runs out). */
export const LEASE_RENEW_EVERY_MS = 5_000;
/** Builds of one request before it is marked failed. */
export const MAX_BUILD_ATTEMPTS = 5;

/** The storage key of a request's zip: internal ids only. */
export function downloadFileKey(centreId: number, requestId: number): string {
  return `downloads/${centreId}/${requestId}.zip`;
}
