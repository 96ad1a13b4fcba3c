import { Process, Processor } from '@nestjs/bull';
import { Job } from 'bull';
import { MailDeliveryService, RetryableDeliveryError } from './mail-delivery.service';
import { DELIVER_JOB, DeliverJobData, MAIL_QUEUE } from './mail-queue';

/** Delivers queued emails. A temporary failure throws, so Bull retries the job with backoff. */
@Processor(MAIL_QUEUE)
export class MailProcessor {
  constructor(private readonly delivery: MailDeliveryService) {}

  @Process({ name: DELIVER_JOB, concurrency: 4 })
  async deliver(job: Job<DeliverJobData>): Promise<string> {
    const result = await this.delivery.deliver(job.data.outboxId);
    if (result === 'retry') throw new RetryableDeliveryError(`Email ${job.data.outboxId} will be retried`);
    return result;
  }
}
