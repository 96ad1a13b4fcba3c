import { Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EmailRenderer } from './email-renderer';
import { MailTransport } from './mail-transport';
import { OutboxEmail } from './outbox-email.entity';

export const MAX_DELIVERY_ATTEMPTS = 8;
/**
 * The lease of a delivery attempt: a row left "sending" this long without renewal (its worker died mid-send) may be
 * claimed again, so with the reconciler's 15 s round a dead worker's email is taken up within a minute. A live worker
 * renews its lease every LEASE_RENEW_MS while its SMTP transaction lasts, so it is never overtaken while sending.
 */
export const STALE_CLAIM_MS = 45_000;
const LEASE_RENEW_MS = 10_000;
/** Waits between tries of recording a delivery the server accepted, while the database does not answer (about 30 s in all). */
const RECORD_SENT_RETRY_MS = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];

export type DeliveryResult = 'sent' | 'captured' | 'retry' | 'failed' | 'suppressed' | 'skipped';

export class RetryableDeliveryError extends Error {}

/**
 * Delivers one outbox row, at most once as far as SMTP allows. Everything that can fail or take time before the
 * SMTP transaction (rendering, reading attachments) is done first; then the row is claimed with a conditional UPDATE
 * to 'sending' that also counts the attempt (the attempt number is the lease's id: a worker records an outcome only
 * while the row still carries its attempt), the message goes out at once, and the row is marked sent as soon as the
 * server has answered 250 to DATA, before anything else (retried in-process while the database is away). A worker
 * that dies between the 250 and that UPDATE leaves the row 'sending', and only after the lease expires is it sent
 * again: with the same Message-ID, fixed when the row was written, so the receiver can drop the copy.
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
    const repo = this.dataSource.getRepository(OutboxEmail);
    const email = await repo.findOneBy({ id: outboxId });
    if (!email || !this.claimable(email, this.clock.now())) return 'skipped';

    let rendered;
    try {
      rendered = this.renderer.render(email.template, email.data);
    } catch (err) {
      return this.giveUp(email, `Could not render: ${(err as Error).message}`);
    }
    const attachments: { filename: string; contentType: string; content: Buffer }[] = [];
    if (email.attachments?.length) {
      const missing = [];
      for (const a of email.attachments) {
        if (!(await this.storage.stat(a.storageKey))) missing.push(a.filename);
        else attachments.push({ filename: a.filename, contentType: a.contentType, content: await this.storage.readAll(a.storageKey) });
      }
      if (missing.length) return this.giveUp(email, `Attachment missing from storage: ${missing.join(', ')}`);
    }

    // the claim, just before the SMTP transaction: only one worker gets this attempt
    const attempt = email.attempts + 1;
    const claimedAt = this.clock.now();
    const claimed = await this.dataSource.query(
      `UPDATE outbox_emails SET status = 'sending', claimed_at = ?, attempts = ?
        WHERE id = ? AND attempts = ? AND to_address = ? AND (status = 'pending' OR (status = 'sending' AND claimed_at < ?))`,
      [claimedAt, attempt, outboxId, email.attempts, email.to, new Date(claimedAt.getTime() - STALE_CLAIM_MS)],
    );
    if (Number(claimed.affectedRows) !== 1) return 'skipped';
    const renewal = setInterval(() => void this.renewLease(outboxId, attempt), LEASE_RENEW_MS);
    let outcome;
    try {
      outcome = await this.transport.send({ to: email.to, messageId: email.messageId, ...rendered, attachments });
    } finally {
      clearInterval(renewal);
    }
    const done = this.clock.now();
    const ours = { id: outboxId, attempts: attempt };
    const content = { subject: rendered.subject, html: rendered.html, text: rendered.text };
    switch (outcome.kind) {
      case 'sent':
      case 'captured': {
        // before anything else: the email has left
        await this.recordSent(outboxId, attempt, email.to, outcome.kind, done, content);
        return outcome.kind;
      }
      case 'permanent':
        this.logger.warn(`Email ${outboxId} refused permanently: ${outcome.error}`);
        await repo.update({ ...ours, to: email.to, status: 'sending' }, { status: 'suppressed', lastError: outcome.error, claimedAt: null, ...content });
        return 'suppressed';
      case 'retry': {
        if (attempt >= MAX_DELIVERY_ATTEMPTS) {
          await repo.update({ ...ours, to: email.to, status: 'sending' }, { status: 'failed', lastError: outcome.error, claimedAt: null });
          return 'failed';
        }
        const delay = Math.min(2000 * 2 ** (attempt - 1), 10 * 60_000);
        await repo.update(
          { ...ours, to: email.to, status: 'sending' },
          { status: 'pending', lastError: outcome.error, claimedAt: null, nextAttemptAt: new Date(done.getTime() + delay) },
        );
        return 'retry';
      }
    }
  }

  /** Keeps this attempt's claim while its SMTP transaction lasts. A failure is only logged: the next renewal tries again. */
  private async renewLease(outboxId: number, attempt: number): Promise<void> {
    try {
      await this.dataSource.query(`UPDATE outbox_emails SET claimed_at = ? WHERE id = ? AND attempts = ? AND status = 'sending'`, [
        this.clock.now(),
        outboxId,
        attempt,
      ]);
    } catch (err) {
      this.logger.warn(`Email ${outboxId}: could not renew the lease of its delivery: ${(err as Error).message}`);
    }
  }

  /** Whether a row may be sent now: waiting, or left 'sending' by a worker whose lease has expired. */
  private claimable(email: OutboxEmail, now: Date): boolean {
    if (email.status === 'pending') return true;
    return email.status === 'sending' && email.claimedAt !== null && email.claimedAt.getTime() < now.getTime() - STALE_CLAIM_MS;
  }

  /**
   * Marks this attempt's row sent (or captured), in one UPDATE, with what was sent only while the row still has the
   * address it went to (a recipient erased meanwhile, by deregistration, keeps the erasure; the row still says the
   * email left). Another attempt's row is not touched. Retried here while the database is away, since a row left
   * 'sending' is sent again once its lease expires.
   */
  private async recordSent(
    outboxId: number,
    attempt: number,
    to: string,
    kind: 'sent' | 'captured',
    at: Date,
    content: { subject: string; html: string; text: string },
  ): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        await this.dataSource.query(
          `UPDATE outbox_emails
              SET status = ?, sent_at = ?, last_error = NULL, claimed_at = NULL,
                  subject = IF(to_address = ?, ?, subject), html = IF(to_address = ?, ?, html), text_body = IF(to_address = ?, ?, text_body)
            WHERE id = ? AND attempts = ?`,
          [kind, at, to, content.subject, to, content.html, to, content.text, outboxId, attempt],
        );
        return;
      } catch (err) {
        if (i >= RECORD_SENT_RETRY_MS.length) throw err;
        this.logger.warn(`Email ${outboxId} left, but recording it failed; trying again: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, RECORD_SENT_RETRY_MS[i]));
      }
    }
  }

  /** A row that can never be sent as it is (bad template data, attachment gone): failed with the reason, if still waiting. */
  private async giveUp(email: OutboxEmail, reason: string): Promise<DeliveryResult> {
    await this.dataSource
      .getRepository(OutboxEmail)
      .update({ id: email.id, attempts: email.attempts, to: email.to }, { status: 'failed', lastError: reason.slice(0, 1000), claimedAt: null });
    return 'failed';
  }
}
