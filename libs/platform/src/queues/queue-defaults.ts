import { JobOptions } from 'bull';

/** Retries with exponential backoff; failed jobs kept for inspection on the queue dashboard. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};
