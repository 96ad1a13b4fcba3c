import { Clock } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const KEEP_MS = 7 * 24 * 3_600_000;

/** Deletes verification and reset tokens a week after they expired. Safe to run twice and on several machines at once. */
@Injectable()
export class ExpiredTokensCleanupTask {
  private readonly logger = new Logger(ExpiredTokensCleanupTask.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'expired-tokens-cleanup' })
  async tick(): Promise<void> {
    try {
      await this.purge(this.clock.now());
    } catch (err) {
      this.logger.warn(`Token clean-up failed, will try again: ${(err as Error).message}`);
    }
  }

  /** Returns how many rows it deleted. */
  async purge(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.dataSource.query('DELETE FROM user_tokens WHERE expires_at < ? LIMIT 5000', [new Date(now.getTime() - KEEP_MS)]);
      total += Number(result.affectedRows ?? 0);
      if (Number(result.affectedRows ?? 0) < 5000) return total;
    }
  }
}
