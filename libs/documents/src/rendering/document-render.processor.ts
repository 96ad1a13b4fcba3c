import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job } from 'bull';
import { DocumentRenderService, RenderBatchResult } from './document-render.service';
import { RENDER_JOB, RENDER_QUEUE, RenderJobData } from './render-queue';

/** Batches of documents rendered at once by one process (each batch also renders a few at a time). */
export const RENDER_CONCURRENCY = 2;

/**
 * Renders queued batches of documents. Bull delivers at least once: the service skips documents
 * already stored. A batch that throws is retried with backoff; when its retries run out the job
 * is marked failed with the reason.
 */
@Processor(RENDER_QUEUE)
export class DocumentRenderProcessor {
  private readonly logger = new Logger(DocumentRenderProcessor.name);

  constructor(private readonly rendering: DocumentRenderService) {}

  @Process({ name: RENDER_JOB, concurrency: RENDER_CONCURRENCY })
  render(job: Job<RenderJobData>): Promise<RenderBatchResult> {
    return this.rendering.renderBatch(job.data.jobId, job.data.documentIds);
  }

  @OnQueueFailed()
  async failed(job: Job<RenderJobData>, error: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade < attempts) return;
    this.logger.error(`Rendering batch of job ${job.data.jobId} failed for good: ${error.message}`);
    await this.rendering.markFailed(job.data.jobId, `Rendering failed after ${attempts} attempts: ${error.message}`);
  }
}
