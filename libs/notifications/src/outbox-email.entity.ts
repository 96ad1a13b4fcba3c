import { EmailStatus } from '@achievement/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EmailAttachment } from './email-attachment';

/** One logical email: written in the same transaction as the change that caused it, then delivered from the queue. */
@Entity('outbox_emails')
export class OutboxEmail {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** What caused it (e.g. "test-message:<uuid>", "registration.verify:<token id>"): one email per event. */
  @Column({ name: 'event_key', type: 'varchar', length: 191 })
  eventKey: string;

  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId: string;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  @Column({ type: 'json' })
  data: Record<string, unknown>;

  /** Files attached to the email, by storage key; null when none. */
  @Column({ type: 'json', nullable: true })
  attachments: EmailAttachment[] | null;

  @Column({ type: 'enum', enum: ['pending', 'sending', 'sent', 'captured', 'failed', 'suppressed'] })
  status: EmailStatus;

  @Column({ type: 'smallint', unsigned: true })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 998, nullable: true })
  subject: string | null;

  @Column({ type: 'mediumtext', nullable: true })
  html: string | null;

  @Column({ name: 'text_body', type: 'mediumtext', nullable: true })
  text: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
}
