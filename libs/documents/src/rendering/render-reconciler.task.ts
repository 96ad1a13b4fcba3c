import { Clock } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DocumentRenderQueue } from './document-render.queue';
import { RENDER_QUEUE, RenderJobData } from './render-queue';

/** A job younger than this is left to the batches queued when it was issued. */
const GRACE_MS = 2 * 60_000;

/**
 * Re-queues the unrendered documents of jobs still queued or rendering when the render queue has
 * nothing left to do (Redis lost its jobs, or the enqueue after the issuing transaction failed).
 * Safe to run twice and on several machines: rendering skips documents already stored and counts
 * each document once.
 */
@Injectable()
export class RenderReconcilerTask {
  private readonly logger = new Logger(RenderReconcilerTask.name);
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>,
    private readonly renderQueue: DocumentRenderQueue,
    private readonly clock: Clock,
  ) {}

  @Interval('render-reconciler', 60_000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reconcile(this.clock.now());
    } catch (err) {
      this.logger.warn(`Render reconciliation failed, will try again: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Returns the documents it queued again. */
  async reconcile(now: Date): Promise<number> {
    const counts = await this.queue.getJobCounts();
    if (counts.waiting + counts.active + counts.delayed > 0) return 0;
    const jobs: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM jobs WHERE status IN ('queued', 'rendering') AND created_at <= ? ORDER BY id LIMIT 100`,
      [new Date(now.getTime() - GRACE_MS)],
    );
    let queued = 0;
    for (const { id } of jobs) {
      const docs: { id: number }[] = await this.dataSource.query('SELECT id FROM documents WHERE job_id = ? AND file_key IS NULL ORDER BY id', [id]);
      // none left: the job's count is complete, a batch of no documents finishes it
      await this.renderQueue.enqueueInBatches(Number(id), docs.length ? docs.map((d) => Number(d.id)) : [], undefined, true);
      queued += docs.length;
    }
    if (queued) this.logger.warn(`Re-queued ${queued} unrendered documents of ${jobs.length} jobs`);
    return queued;
  }
}
