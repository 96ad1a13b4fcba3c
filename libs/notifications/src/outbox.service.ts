import { AppConfig, Clock } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EmailAttachment } from './email-attachment';
import { EmailRenderer } from './email-renderer';
import { deliverJobId, DELIVER_JOB, DeliverJobData, MAIL_QUEUE } from './mail-queue';
import { OutboxEmail } from './outbox-email.entity';

export interface EmailToSend {
  to: string;
  template: string;
  data: Record<string, unknown>;
  /** What caused the email; a second email with the same key is not written (one email per event). */
  eventKey: string;
  /** Files already stored in FileStorage, attached when the email is delivered. */
  attachments?: EmailAttachment[];
}

/** Collects the emails of one transaction; they are queued for delivery after it commits. */
export interface Outbox {
  add(email: EmailToSend): Promise<number | null>;
}

const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * The email outbox. Emails are rows written in the caller's transaction, so a change and its
 * emails commit together; delivery is queued after commit, and the reconciler re-queues any row
 * whose queue job was lost (Redis down or restarted).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private readonly domain: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<DeliverJobData>,
    private readonly renderer: EmailRenderer,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.domain = new URL(config.PUBLIC_URL).hostname || 'achievement.local';
  }

  /** Runs `work` in a transaction; emails it adds are delivered once it has committed. */
  async transaction<T>(work: (manager: EntityManager, outbox: Outbox) => Promise<T>): Promise<T> {
    const ids: number[] = [];
    const result = await this.dataSource.transaction(async (manager) =>
      work(manager, {
        add: async (email) => {
          const id = await this.write(manager, email);
          if (id !== null) ids.push(id);
          return id;
        },
      }),
    );
    this.dispatch(ids);
    return result;
  }

  /**
   * Writes an email row with the given manager (inside the caller's transaction). Returns its id,
   * or null when an email for the same event was already written. Call dispatch() after commit,
   * or leave it to the reconciler.
   */
  async write(manager: EntityManager, email: EmailToSend): Promise<number | null> {
    if (!this.renderer.has(email.template)) throw new Error(`Unknown email template "${email.template}"`);
    const now = this.clock.now();
    const messageId = `<${randomBytes(12).toString('hex')}.${now.getTime()}@${this.domain}>`;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEmail)
      .orIgnore()
      .values({
        eventKey: email.eventKey.slice(0, 191),
        messageId,
        to: email.to,
        template: email.template,
        data: email.data,
        attachments: email.attachments?.length ? email.attachments : null,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      } as never)
      .execute();
    const id = Number(result.raw?.insertId ?? 0);
    return result.raw?.affectedRows === 1 && id > 0 ? id : null;
  }

  /**
   * Erases a person from the outbox (deregistration): their address, the data and the rendered
   * bodies go; what was sent when, and with which template, stays. Emails not yet sent to them
   * are not sent. Call it inside the transaction that erases the person.
   */
  async forgetRecipient(manager: EntityManager, email: string, replacement: string): Promise<number> {
    const result = await manager.query(
      `UPDATE outbox_emails
          SET to_address = ?, data = '{}', subject = NULL, html = NULL, text_body = NULL, claimed_at = NULL,
              status = IF(status IN ('pending', 'sending'), 'suppressed', status),
              last_error = IF(status IN ('pending', 'sending'), 'Not sent: the recipient was erased', last_error)
        WHERE to_address = ?`,
      [replacement, email],
    );
    return Number(result.affectedRows ?? 0);
  }

  /** Queues delivery of committed rows. Never throws and never blocks long: the reconciler covers what this misses. */
  dispatch(ids: number[]): void {
    for (const id of ids) {
      void this.enqueue(id).catch((err: Error) => this.logger.warn(`Email ${id} stays in the outbox until the reconciler queues it: ${err.message}`));
    }
  }

  async enqueue(outboxId: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue did not answer in time')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue.add(DELIVER_JOB, { outboxId }, { jobId: deliverJobId(outboxId) }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
