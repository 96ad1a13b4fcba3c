import { JobStatus } from '@achievement/contracts';

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  rendering: 'Being prepared',
  issued: 'Issued',
  failed: 'Failed',
};
