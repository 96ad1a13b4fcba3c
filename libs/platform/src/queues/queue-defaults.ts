import { AdvancedSettings, JobOptions } from 'bull';

/** Retries with exponential backoff; failed jobs kept for inspection on the queue dashboard. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/**
 * How soon a killed worker's job comes back (Bull's stalled-job recovery), for every queue: a job's
 * lock lasts LOCK_DURATION_MS and is renewed every half of it while the job runs; every
 * STALLED_INTERVAL_MS one worker looks for active jobs whose lock is gone and hands them back. A
 * job of a killed worker is handed back at most LOCK_DURATION_MS + STALLED_INTERVAL_MS after the
 * kill (30 s), well within the 60 s promised (Bull's defaults, 30 s and 30 s, took about 70 s).
 * A job may stall twice (a worker killed twice under it) before it fails for good.
 */
export const LOCK_DURATION_MS = 20_000;
export const STALLED_INTERVAL_MS = 10_000;
export const QUEUE_SETTINGS: AdvancedSettings = {
  lockDuration: LOCK_DURATION_MS,
  lockRenewTime: LOCK_DURATION_MS / 2,
  stalledInterval: STALLED_INTERVAL_MS,
  maxStalledCount: 2,
};
