import { Clock } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { PaymentAnswersService } from './payment-answers.service';

/**
 * Every minute, asks the card gateway again about the payments whose answer it could not confirm
 * (the gateway was down, slow, or still working on them), so that none stays "being checked".
 * Safe on several machines and when run twice: each re-check is claimed, each attempt settled once.
 */
@Injectable()
export class PaymentRecheckTask {
  private readonly logger = new Logger(PaymentRecheckTask.name);

  constructor(
    private readonly answers: PaymentAnswersService,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'recheck-payments' })
  async tick(): Promise<void> {
    try {
      const settled = await this.answers.recheckDue(this.clock.now());
      if (settled) this.logger.log(`${settled} payment(s) confirmed with the gateway`);
    } catch (err) {
      this.logger.warn(`Re-checking payments failed, will try again: ${(err as Error).message}`);
    }
  }
}
