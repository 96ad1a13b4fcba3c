import { Clock } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { STALE_CLAIM_MS } from './mail-delivery.service';
import { deliverJobId, DeliverJobData, MAIL_QUEUE } from './mail-queue';
import { OutboxService } from './outbox.service';

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'paused']);
/** A row younger than this is left to the dispatch that follows its commit. */
const GRACE_MS = 5000;

/**
 * Re-queues outbox rows whose queue job is missing (Redis was down, or lost its data) and frees
 * claims of workers that died mid-send. Safe to run twice and on several machines at once: job ids
 * are per row, and delivery claims the row before sending.
 */
@Injectable()
export class OutboxReconcilerTask {
  private readonly logger = new Logger(OutboxReconcilerTask.name);
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<DeliverJobData>,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @Interval('outbox-reconciler', 15_000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reconcile(this.clock.now());
    } catch (err) {
      this.logger.warn(`Outbox reconciliation failed, will try again: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Returns the ids it queued. */
  async reconcile(now: Date): Promise<number[]> {
    await this.dataSource.query(`UPDATE outbox_emails SET status = 'pending', claimed_at = NULL WHERE status = 'sending' AND claimed_at < ?`, [
      new Date(now.getTime() - STALE_CLAIM_MS),
    ]);
    const due: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM outbox_emails WHERE status = 'pending' AND next_attempt_at <= ? AND created_at <= ? ORDER BY id LIMIT 500`,
      [now, new Date(now.getTime() - GRACE_MS)],
    );
    const queued: number[] = [];
    for (const { id } of due) {
      const job = await this.queue.getJob(deliverJobId(id));
      if (job) {
        const state = await job.getState();
        if (LIVE_STATES.has(state)) continue;
        await job.remove().catch(() => undefined);
      }
      await this.outbox.enqueue(id);
      queued.push(id);
    }
    if (queued.length) this.logger.log(`Re-queued ${queued.length} email(s) from the outbox`);
    return queued;
  }
}
