import { Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DOWNLOAD_LEASE_MS } from './download-queue';

const BATCH = 200;

/**
 * Removes each zip DOWNLOAD_LIFETIME_DAYS after it was built: the request becomes "expired" and
 * its file is deleted. Safe to run twice and on several workers at once: each request is claimed
 * by a conditional UPDATE (ready → expired) that only one run wins, and the file is deleted
 * afterwards, from the expired rows that still name a file (so a run that died in between is
 * finished by the next one). Nothing is touched before its expires_at. The same task sweeps the
 * temporary files that dead builds left in the downloads folder.
 */
@Injectable()
export class PurgeExpiredDownloadsTask {
  private readonly logger = new Logger(PurgeExpiredDownloadsTask.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'purge-expired-downloads' })
  async tick(): Promise<void> {
    try {
      const now = this.clock.now();
      const purged = await this.purgeExpired(now);
      if (purged) this.logger.log(`Removed ${purged} expired zip(s)`);
      const swept = await this.sweepUnfinishedZips(now);
      if (swept) this.logger.warn(`Removed ${swept} unfinished zip file(s) left by builds that died`);
    } catch (err) {
      this.logger.warn(`Purging expired zips failed, will try again: ${(err as Error).message}`);
    }
  }

  /**
   * Removes the temporary files of zip builds that died (a killed worker) and that nothing took
   * over: those not written to for longer than the lease (a live build writes all the time and
   * renews its lease far more often). Returns how many it removed.
   */
  sweepUnfinishedZips(now: Date): Promise<number> {
    return this.storage.removeUnfinishedWrites('downloads/', new Date(now.getTime() - DOWNLOAD_LEASE_MS));
  }

  /** Returns the requests this run expired. */
  async purgeExpired(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const due: { id: number }[] = await this.dataSource.query(
        `SELECT id FROM download_requests WHERE status = 'ready' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?`,
        [now, BATCH],
      );
      for (const { id } of due) {
        const claim = await this.dataSource.query(`UPDATE download_requests SET status = 'expired' WHERE id = ? AND status = 'ready' AND expires_at <= ?`, [
          id,
          now,
        ]);
        expired += claim.affectedRows;
      }
      await this.deleteFilesOfExpired();
      if (due.length < BATCH) return expired;
    }
  }

  private async deleteFilesOfExpired(): Promise<void> {
    const rows: { id: number; file_key: string }[] = await this.dataSource.query(
      `SELECT id, file_key FROM download_requests WHERE status = 'expired' AND file_key IS NOT NULL ORDER BY id LIMIT ?`,
      [BATCH],
    );
    for (const row of rows) {
      await this.storage.delete(row.file_key);
      await this.dataSource.query(`UPDATE download_requests SET file_key = NULL WHERE id = ? AND status = 'expired'`, [row.id]);
    }
  }
}
