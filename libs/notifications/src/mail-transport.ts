import { AppConfig } from '@achievement/platform';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export type SendOutcome = { kind: 'sent' } | { kind: 'captured' } | { kind: 'retry'; error: string } | { kind: 'permanent'; error: string };

/**
 * Sends through SMTP, or keeps the email as "captured" when no SMTP server is configured (the demo).
 * A 4xx answer or a connection problem is worth retrying; a 5xx answer is not.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;

  constructor(private readonly config: AppConfig) {
    // maxRequeues 0: the outbox owns retries (with its backoff and attempt count), not the SMTP pool.
    this.transporter = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          pool: true,
          maxConnections: 3,
          maxRequeues: 0,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as never)
      : null;
  }

  get capturing(): boolean {
    return this.transporter === null;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    if (!this.transporter) return { kind: 'captured' };
    try {
      await this.transporter.sendMail({
        from: this.config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      });
      return { kind: 'sent' };
    } catch (err) {
      const e = err as { responseCode?: number; message?: string; code?: string };
      const error = `${e.responseCode ? `${e.responseCode} ` : ''}${e.message ?? String(err)}`.slice(0, 1000);
      if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'permanent', error };
      return { kind: 'retry', error };
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
