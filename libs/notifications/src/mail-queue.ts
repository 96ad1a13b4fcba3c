export const MAIL_QUEUE = 'mail';
export const DELIVER_JOB = 'deliver';

export interface DeliverJobData {
  outboxId: number;
}

/** One queue job per outbox row: adding it twice is a no-op. */
export function deliverJobId(outboxId: number): string {
  return `outbox-${outboxId}`;
}
