import { DEFAULT_JOB_OPTIONS } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bull';
import { RENDER_JOB, RENDER_QUEUE, RenderJobData } from './render-queue';

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
}
