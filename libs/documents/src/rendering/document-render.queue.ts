import { DEFAULT_JOB_OPTIONS } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bull';
import { RENDER_BATCH_SIZE, RENDER_JOB, RENDER_QUEUE, RenderJobData } from './render-queue';

/**
 * Asks the worker to render documents: called after a job's rows are committed, and after a
 * reissue. Rendering is idempotent (a document already stored is skipped), so adding a batch
 * twice does no harm.
 */
@Injectable()
export class DocumentRenderQueue {
  constructor(@InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>) {}

  async enqueue(jobId: number, documentIds: number[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.queue.add(RENDER_JOB, { jobId, documentIds }, { ...DEFAULT_JOB_OPTIONS });
  }

  /**
   * A whole job's documents, in batches of RENDER_BATCH_SIZE, added to the queue in one round trip
   * (`evenIfEmpty`: one empty batch, which completes a job whose documents are all stored).
   */
  async enqueueInBatches(jobId: number, documentIds: number[], batchSize = RENDER_BATCH_SIZE, evenIfEmpty = false): Promise<void> {
    const jobs = [];
    if (evenIfEmpty && documentIds.length === 0) {
      jobs.push({ name: RENDER_JOB, data: { jobId, documentIds: [] }, opts: { ...DEFAULT_JOB_OPTIONS } });
    }
    for (let i = 0; i < documentIds.length; i += batchSize) {
      jobs.push({
        name: RENDER_JOB,
        data: { jobId, documentIds: documentIds.slice(i, i + batchSize) },
        opts: { ...DEFAULT_JOB_OPTIONS },
      });
    }
    if (jobs.length) await this.queue.addBulk(jobs);
  }
}
