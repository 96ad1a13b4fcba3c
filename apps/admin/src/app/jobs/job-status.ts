import { InjectionToken } from '@angular/core';
import { JobStatus } from '@achievement/contracts';

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  rendering: 'Rendering',
  issued: 'Issued',
  failed: 'Failed',
};

/** A job still being worked on: its page asks again until it is issued or has failed. */
export function isJobInProgress(status: JobStatus): boolean {
  return status === 'queued' || status === 'rendering';
}

/** How often jobs still queued or rendering are asked for again (tests shorten it). */
export const JOB_POLL_INTERVAL_MS = new InjectionToken<number>('JOB_POLL_INTERVAL_MS', { factory: () => 2000 });
