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
 * job of a killed worker is handed back about LOCK_DURATION_MS + 2 × STALLED_INTERVAL_MS after the
 * kill at worst (25 s, more when timers run late on a busy machine), well within the 60 s promised
 * (Bull's defaults, 30 s and 30 s, took about 70 s). A running job renews its lock every 7.5 s.
 * A job may stall twice (a worker killed twice under it) before it fails for good.
 */
export const LOCK_DURATION_MS = 15_000;
export const STALLED_INTERVAL_MS = 5_000;
export const QUEUE_SETTINGS: AdvancedSettings = {
  lockDuration: LOCK_DURATION_MS,
  lockRenewTime: LOCK_DURATION_MS / 2,
  stalledInterval: STALLED_INTERVAL_MS,
  maxStalledCount: 2,
};
