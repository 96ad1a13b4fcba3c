import { Clock } from '@achievement/platform';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DOWNLOAD_LEASE_MS, LEASE_RENEW_EVERY_MS } from './download-queue';

/** A build that lost its request to another build (a newer attempt), or whose lease ran out unrenewed. */
export class LostLeaseError extends Error {}

/**
 * The lease of one build on its request (download_requests.lease_until, for the build's attempt):
 * short (DOWNLOAD_LEASE_MS), renewed by a heartbeat every LEASE_RENEW_EVERY_MS while the build
 * runs, so a killed worker's request is free again within seconds and the build that takes it over
 * (Bull's stalled-job recovery, or the reconciler) can start at once. A build that finds its lease
 * taken, or cannot renew it before it runs out (the database away), stops: `check()` throws, and
 * `renewForFinish()` makes sure a whole lease is ahead before the zip is finished and renamed.
 */
export class BuildLease {
  private readonly logger = new Logger(BuildLease.name);
  private timer: NodeJS.Timeout | null = null;
  /** When the lease last written runs out (the clock's time). */
  private validUntil: number;
  private lost: string | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly requestId: number,
    private readonly attempt: number,
    leaseUntil: Date,
  ) {
    this.validUntil = leaseUntil.getTime();
  }

  /** Starts the heartbeat. */
  start(): this {
    this.timer = setInterval(() => void this.heartbeat(), LEASE_RENEW_EVERY_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Throws when the lease is lost (taken over, or run out unrenewed): the build must stop writing. */
  check(): void {
    if (!this.lost && this.clock.now().getTime() >= this.validUntil) this.lost = 'its lease ran out before it could be renewed';
    if (this.lost) throw new LostLeaseError(`Download ${this.requestId}, attempt ${this.attempt}: ${this.lost}`);
  }

  /** Renews the lease now (the zip is about to be finished): afterwards a whole lease is ahead, or this throws. */
  async renewForFinish(): Promise<void> {
    await this.renewing;
    this.check();
    await this.renew();
    this.check();
  }

  /** Progress written with the lease renewed, by the build holding it. */
  async reportProgress(processed: number): Promise<void> {
    this.check();
    const until = new Date(this.clock.now().getTime() + DOWNLOAD_LEASE_MS);
    const result = await this.dataSource.query(
      `UPDATE download_requests SET processed_count = ?, lease_until = ? WHERE id = ? AND attempt = ? AND status = 'building'`,
      [processed, until, this.requestId, this.attempt],
    );
    this.renewed(result, until);
    this.check();
  }

  private async heartbeat(): Promise<void> {
    if (this.renewing || this.lost) return;
    this.renewing = this.renew()
      .catch((err: Error) => this.logger.warn(`Could not renew the lease of download ${this.requestId} (will try again): ${err.message}`))
      .finally(() => (this.renewing = null));
    await this.renewing;
  }

  private async renew(): Promise<void> {
    const until = new Date(this.clock.now().getTime() + DOWNLOAD_LEASE_MS);
    const result = await this.dataSource.query(`UPDATE download_requests SET lease_until = ? WHERE id = ? AND attempt = ? AND status = 'building'`, [
      until,
      this.requestId,
      this.attempt,
    ]);
    this.renewed(result, until);
  }

  private renewed(result: { affectedRows?: number }, until: Date): void {
    if (Number(result.affectedRows) === 1) this.validUntil = until.getTime();
    else this.lost ??= 'a newer build took the request over';
  }
}
