import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job } from 'bull';
import { BUILD_ZIP_JOB, BuildZipJobData, DOWNLOADS_QUEUE } from './download-queue';
import { BuildOutcome, ZipBuilderService } from './zip-builder.service';

/**
 * Builds queued zips, one at a time per process (a zip keeps a disk busy). Bull delivers at least
 * once and re-delivers the job of a killed worker: each build starts the zip afresh. A build that
 * throws is retried with backoff; when the retries run out the request is marked failed with the
 * reason.
 */
@Processor(DOWNLOADS_QUEUE)
export class ZipBuilderProcessor {
  private readonly logger = new Logger(ZipBuilderProcessor.name);

  constructor(private readonly builder: ZipBuilderService) {}

  @Process({ name: BUILD_ZIP_JOB, concurrency: 1 })
  build(job: Job<BuildZipJobData>): Promise<BuildOutcome> {
    return this.builder.buildZip(job.data.requestId);
  }

  @OnQueueFailed()
  async failed(job: Job<BuildZipJobData>, error: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade < attempts) return;
    this.logger.error(`Zip of download ${job.data.requestId} failed for good: ${error.message}`);
    await this.builder.markFailed(job.data.requestId, `The zip could not be built: ${error.message}`);
  }
}
