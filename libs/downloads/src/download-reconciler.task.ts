import { Clock, FileStorage } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DownloadBuildQueue } from './download-build.queue';
import { BuildZipJobData, DOWNLOAD_LEASE_MS, downloadFileKey, DOWNLOADS_QUEUE } from './download-queue';

/**
 * Queues again the requests stuck in queued or building past their lease: a worker killed
 * half-way (its lease is not renewed any more; the temporary file it left is removed) or a queue
 * job Redis lost. Queued requests are
 * only looked at while the queue has nothing waiting (a long queue is not a lost job). Each
 * request is claimed by a conditional UPDATE of its lease, so two reconcilers never queue it twice
 * at once; and building is idempotent anyway.
 */
@Injectable()
export class DownloadReconcilerTask {
  private readonly logger = new Logger(DownloadReconcilerTask.name);
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(DOWNLOADS_QUEUE)
    private readonly queue: Queue<BuildZipJobData>,
    private readonly buildQueue: DownloadBuildQueue,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  @Interval('downloads-reconciler', 20_000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reconcile(this.clock.now());
    } catch (err) {
      this.logger.warn(`Download reconciliation failed, will try again: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Returns the requests it queued again. */
  async reconcile(now: Date): Promise<number> {
    const counts = await this.queue.getJobCounts();
    const statuses = counts.waiting + counts.delayed > 0 ? ['building'] : ['queued', 'building'];
    const stuck: { id: number; centre_id: number }[] = await this.dataSource.query(
      `SELECT id, centre_id FROM download_requests WHERE status IN (?) AND lease_until <= ? ORDER BY id LIMIT 100`,
      [statuses, now],
    );
    let queued = 0;
    for (const { id, centre_id } of stuck) {
      // a dead build is handed back to the queue; a second reconciler finds the lease renewed and leaves it
      const claim = await this.dataSource.query(
        `UPDATE download_requests SET status = 'queued', lease_until = ? WHERE id = ? AND status IN ('queued', 'building') AND lease_until <= ?`,
        [new Date(now.getTime() + DOWNLOAD_LEASE_MS), id, now],
      );
      if (claim.affectedRows !== 1) continue;
      // the half-written temporary file of the dead build goes at once (the next build starts afresh)
      await this.storage.removeUnfinishedWrites(downloadFileKey(Number(centre_id), Number(id)));
      await this.buildQueue.enqueue(Number(id));
      queued++;
    }
    if (queued) this.logger.warn(`Queued ${queued} stuck download(s) again`);
    return queued;
  }
}
