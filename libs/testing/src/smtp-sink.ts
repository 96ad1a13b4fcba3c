import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
  attachments: ParsedMail['attachments'];
}

/** A real SMTP server in the test process; it keeps what arrives and can be told to refuse. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  private refusal: { code: number; message: string } | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      closeTimeout: 200, // stop at once, dropping idle client connections, as a crashed server would
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refusal) {
            const err = Object.assign(new Error(this.refusal.message), { responseCode: this.refusal.code });
            callback(err);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              this.received.push({
                to: [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : [])),
                from: mail.from?.value[0]?.address ?? '',
                subject: mail.subject ?? '',
                messageId: mail.messageId ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                text: mail.text ?? '',
                attachments: mail.attachments,
              });
              callback();
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answer every message with this SMTP code (e.g. 451 temporary, 550 permanent) until cleared. */
  refuseWith(code: number | null, message = 'Refused by the test'): void {
    this.refusal = code === null ? null : { code, message };
  }

  async waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs = 15000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`No matching email arrived within ${timeoutMs} ms; received: ${JSON.stringify(this.received.map((m) => [m.to, m.subject]))}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}
