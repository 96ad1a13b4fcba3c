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

/** What the sink does with the next messages instead of accepting them (see failNext). */
export type SinkFault = 'drop-after-data' | number | { delayMs: number };

/** A real SMTP server in the test process; it keeps what arrives and can be told to refuse. */
export class SmtpSink {
  /** Messages the server holds: accepted with 250, or whose whole DATA arrived before the connection was dropped. */
  readonly received: ReceivedMail[] = [];
  /** Every message whose DATA arrived, whatever the answer (refused ones included), in order. */
  readonly dataReceived: ReceivedMail[] = [];
  private server?: SMTPServer;
  private refusal: { code: number; message: string } | null = null;
  private faults: SinkFault[] = [];
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      closeTimeout: 200, // stop at once, dropping idle client connections, as a crashed server would
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              const mail: ReceivedMail = {
                to: [parsed.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : [])),
                from: parsed.from?.value[0]?.address ?? '',
                subject: parsed.subject ?? '',
                messageId: parsed.messageId ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                text: parsed.text ?? '',
                attachments: parsed.attachments,
              };
              this.dataReceived.push(mail);
              const fault = this.faults.shift();
              if (fault === 'drop-after-data') {
                // the server has the message, the client never hears the 250: the one case where SMTP itself can duplicate
                this.received.push(mail);
                this.dropConnection(session.id);
                return;
              }
              const refusal = typeof fault === 'number' ? { code: fault, message: 'Refused once by the test' } : this.refusal;
              if (refusal) {
                callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
                return;
              }
              if (typeof fault === 'object') {
                // a slow server: accepts, but only after a while
                setTimeout(() => {
                  this.received.push(mail);
                  callback();
                }, fault.delayMs);
                return;
              }
              this.received.push(mail);
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

  /**
   * The next messages, one fault each, in order: 'drop-after-data' keeps the message and closes the connection before
   * answering DATA (the client cannot know it arrived); a number answers DATA with that SMTP code; { delayMs } accepts
   * it only after that long.
   */
  failNext(...faults: SinkFault[]): void {
    this.faults.push(...faults);
  }

  private dropConnection(sessionId: string): void {
    for (const connection of this.server?.connections ?? []) {
      const c = connection as unknown as { id: string; _socket?: { destroy(): void } };
      if (c.id === sessionId) c._socket?.destroy();
    }
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
