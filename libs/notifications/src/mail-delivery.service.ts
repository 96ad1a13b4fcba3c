import { Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EmailRenderer } from './email-renderer';
import { MailTransport } from './mail-transport';
import { OutboxEmail } from './outbox-email.entity';

export const MAX_DELIVERY_ATTEMPTS = 8;
/** A row left "sending" this long (its worker died mid-send) may be claimed again. */
export const STALE_CLAIM_MS = 5 * 60_000;

export type DeliveryResult = 'sent' | 'captured' | 'retry' | 'failed' | 'suppressed' | 'skipped';

export class RetryableDeliveryError extends Error {}

/**
 * Delivers one outbox row. The row is claimed first, so two workers (or a queue job and a
 * re-queued copy) never both send it; the Message-ID is fixed when the row is written.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: EmailRenderer,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async deliver(outboxId: number): Promise<DeliveryResult> {
    const now = this.clock.now();
    const claimed = await this.dataSource.query(
      `UPDATE outbox_emails SET status = 'sending', claimed_at = ?, attempts = attempts + 1
        WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND claimed_at < ?))`,
      [now, outboxId, new Date(now.getTime() - STALE_CLAIM_MS)],
    );
    if (Number(claimed.affectedRows) !== 1) return 'skipped';
    const repo = this.dataSource.getRepository(OutboxEmail);
    const email = await repo.findOneByOrFail({ id: outboxId });

    let rendered;
    try {
      rendered = this.renderer.render(email.template, email.data);
    } catch (err) {
      await repo.update(outboxId, { status: 'failed', lastError: `Could not render: ${(err as Error).message}`.slice(0, 1000), claimedAt: null });
      return 'failed';
    }
    let attachments: { filename: string; contentType: string; content: Buffer }[] = [];
    if (email.attachments?.length) {
      const missing = [];
      for (const a of email.attachments) {
        if (!(await this.storage.stat(a.storageKey))) missing.push(a.filename);
        else attachments.push({ filename: a.filename, contentType: a.contentType, content: await this.storage.readAll(a.storageKey) });
      }
      if (missing.length) {
        attachments = [];
        await repo.update(outboxId, { status: 'failed', lastError: `Attachment missing from storage: ${missing.join(', ')}`.slice(0, 1000), claimedAt: null });
        return 'failed';
      }
    }
    const outcome = await this.transport.send({ to: email.to, messageId: email.messageId, ...rendered, attachments });
    const done = this.clock.now();
    const content = { subject: rendered.subject, html: rendered.html, text: rendered.text };
    // Written only while the row still has the address it was sent to: a recipient erased meanwhile
    // (deregistration) keeps the erasure (no bodies written back, no retry to the erased address).
    const stillTo = { id: outboxId, to: email.to };
    switch (outcome.kind) {
      case 'sent':
      case 'captured': {
        const kept = await repo.update(stillTo, { status: outcome.kind, sentAt: done, lastError: null, claimedAt: null, ...content });
        // it did leave: say so, without the content
        if (!kept.affected) await repo.update(outboxId, { status: outcome.kind, sentAt: done, claimedAt: null });
        return outcome.kind;
      }
      case 'permanent':
        this.logger.warn(`Email ${outboxId} refused permanently: ${outcome.error}`);
        await repo.update(stillTo, { status: 'suppressed', lastError: outcome.error, claimedAt: null, ...content });
        return 'suppressed';
      case 'retry': {
        if (email.attempts >= MAX_DELIVERY_ATTEMPTS) {
          await repo.update(stillTo, { status: 'failed', lastError: outcome.error, claimedAt: null });
          return 'failed';
        }
        const delay = Math.min(2000 * 2 ** (email.attempts - 1), 10 * 60_000);
        await repo.update(stillTo, {
          status: 'pending',
          lastError: outcome.error,
          claimedAt: null,
          nextAttemptAt: new Date(done.getTime() + delay),
        });
        return 'retry';
      }
    }
  }
}
