import { VerificationMethod } from '@achievement/contracts';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface VerificationLogRecord {
  documentId: number | null;
  method: VerificationMethod;
  client: string;
  at: Date;
}

interface PendingRow extends VerificationLogRecord {
  hits: number;
}

/** How often buffered rows are written, and how many make a write happen at once. */
export const LOG_FLUSH_INTERVAL_MS = 500;
const LOG_BATCH_SIZE = 500;
/** Beyond this many unwritten rows (the database is down), new rows are dropped and counted rather than filling the memory. */
const LOG_BUFFER_MAX = 50_000;

/**
 * Writes the verification log in batches: a verification only appends to an in-memory buffer
 * (identical verifications in the same second, same document, way and coarse client, count on one row)
 * (no await, no database round trip on the public hot path), and the buffer is written with one
 * multi-row INSERT every 500 ms, or at once when 500 rows wait, and on shutdown.
 *
 * Why buffered and not a fire-and-forget insert per request: under load one INSERT per look-up
 * would take a pool connection and a commit (an fsync) per verification, competing with the look-ups
 * themselves; one INSERT of many rows costs about one. The price: a crashed process loses at most
 * the last half second of log rows (this is a usage log, not the audit trail of changes).
 */
@Injectable()
export class VerificationLogWriter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(VerificationLogWriter.name);
  private buffer: PendingRow[] = [];
  /** the buffered rows by document, way, client and second: a repeat within the same second counts on its row */
  private readonly open = new Map<string, PendingRow>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), LOG_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  append(record: VerificationLogRecord): void {
    const key = sameSecondKey(record);
    const same = this.open.get(key);
    if (same) {
      same.hits++;
      return;
    }
    if (this.buffer.length >= LOG_BUFFER_MAX) {
      this.dropped++;
      return;
    }
    const row = { ...record, hits: 1 };
    this.buffer.push(row);
    this.open.set(key, row);
    if (this.buffer.length >= LOG_BATCH_SIZE) void this.flush();
  }

  /** Writes what is buffered (after any write in progress); resolves when it is in the database. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeBuffered());
    return this.writing;
  }

  private async writeBuffered(): Promise<void> {
    while (this.buffer.length) {
      const rows = this.buffer.splice(0, LOG_BATCH_SIZE);
      if (!this.buffer.length)
        this.open.clear(); // rows being written take no more repeats
      else for (const r of rows) this.open.delete(sameSecondKey(r));
      try {
        await this.dataSource.query(
          `INSERT INTO verification_log (document_id, method, client, hits, at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          rows.flatMap((r) => [r.documentId, r.method, r.client, r.hits, r.at]),
        );
      } catch (err) {
        // keep them for the next attempt (in front, so the order holds) and stop for now
        this.buffer.unshift(...rows.slice(0, Math.max(0, LOG_BUFFER_MAX - this.buffer.length)));
        this.logger.warn({ err }, `The verification log could not be written; ${this.buffer.length} rows wait`);
        return;
      }
    }
    if (this.dropped) {
      this.logger.warn(`${this.dropped} verification log rows were dropped while the database could not be written`);
      this.dropped = 0;
    }
  }
}

/** Verifications with the same key are counted on one row. */
function sameSecondKey(record: VerificationLogRecord): string {
  return `${record.documentId ?? ''}|${record.method}|${Math.floor(record.at.getTime() / 1000)}|${record.client}`;
}
