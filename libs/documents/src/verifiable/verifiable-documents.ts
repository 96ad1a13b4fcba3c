import { FileStorage } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VerifiableDocument, VerifiableDocumentSummary } from './verifiable-document';
import { VerifiableDocumentCache } from './verifiable-document-cache';

interface VerifiableRow {
  id: number;
  verification_code: string;
  status: VerifiableDocument['status'];
  revoked_at: Date | null;
  learner_name: string;
  qualification_code: string;
  qualification_title: string;
  type: VerifiableDocument['type'];
  grade: string | null;
  award_date: string | Date;
  centre_number: string;
  centre_name: string;
  document_number: string;
  issued_at: Date;
  display_on_verify: number | string;
  rendered: number | string;
}

/*
 * One statement by a unique index (verification_code or sha256), with the qualification and the
 * centre by primary key: the public look-up is on the hot path, so it is raw SQL through the pool
 * (no entity hydration) and reads only the columns the public may see.
 */
const SELECT_VERIFIABLE = `
  SELECT d.id, d.verification_code, d.status, d.revoked_at, d.learner_name, q.code AS qualification_code, q.title AS qualification_title,
         d.type, d.grade, DATE_FORMAT(d.award_date, '%Y-%m-%d') AS award_date, c.number AS centre_number, c.name AS centre_name,
         d.document_number, d.issued_at, COALESCE(d.display_on_verify, q.display_on_verify) AS display_on_verify, d.file_key IS NOT NULL AS rendered
    FROM documents d
    JOIN qualifications q ON q.id = d.qualification_id
    JOIN centres c ON c.id = d.centre_id`;

/** The part of mysql2's (callback) pool that the hot path uses. */
interface PreparedStatementPool {
  execute(sql: string, values: unknown[], callback: (err: Error | null, rows: unknown) => void): void;
}

interface Waiter {
  resolve(doc: VerifiableDocument | null): void;
  reject(err: unknown): void;
}

/** The most codes looked up by one statement. */
const CODE_BATCH_SIZE = 100;

/** How far a chain of reissues is followed (a document is corrected a handful of times at most). */
const MAX_VERSIONS = 50;

/**
 * The public, read-only view of documents that verification (by code, QR or PDF) needs: the facts
 * of a document, its live status and current version, and its stored PDF. Look-ups by code are
 * kept in memory for a few seconds (VerifiableDocumentCache), and every change that matters is
 * announced to every process (VerifiableChanges), so a revocation or a reissue shows at the next
 * look-up, in every process.
 */
@Injectable()
export class VerifiableDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly cache: VerifiableDocumentCache,
  ) {}

  /**
   * The document of a verification code (exact, case-sensitive), or null.
   *
   * The look-ups that arrive in the same turn of the event loop are answered by one statement
   * (`verification_code IN (…)`, the unique index), issued after all of them arrived: under load
   * this saves a database round trip per request, and it never answers from an older read (each
   * statement starts after its requests came in, so a revocation committed before a request is seen
   * by it).
   */
  findByCode(code: string): Promise<VerifiableDocument | null> {
    const cached = this.cache.get(code);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve, reject) => {
      const waiting = this.pendingCodes.get(code);
      if (waiting) waiting.push({ resolve, reject });
      else this.pendingCodes.set(code, [{ resolve, reject }]);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.lookUpPendingCodes());
      }
    });
  }

  private readonly pendingCodes = new Map<string, Waiter[]>();
  private flushScheduled = false;

  private async lookUpPendingCodes(): Promise<void> {
    this.flushScheduled = false;
    const batch = [...this.pendingCodes];
    this.pendingCodes.clear();
    const readStarted = this.cache.startRead();
    for (let i = 0; i < batch.length; i += CODE_BATCH_SIZE) {
      const part = batch.slice(i, i + CODE_BATCH_SIZE);
      try {
        const rows = await this.execute<VerifiableRow>(
          `${SELECT_VERIFIABLE} WHERE d.verification_code IN (${part.map(() => '?').join(',')})`,
          part.map(([code]) => code),
        );
        const byCode = new Map(rows.map((r) => [r.verification_code, r]));
        for (const [code, waiters] of part) {
          const row = byCode.get(code);
          const answer = row ? this.withCurrentVersion(row) : Promise.resolve(null);
          answer.then(
            (doc) => {
              if (doc) this.cache.keep(readStarted, doc);
              waiters.forEach((w) => w.resolve(doc));
            },
            (err: unknown) => waiters.forEach((w) => w.reject(err)),
          );
        }
      } catch (err) {
        for (const [, waiters] of part) waiters.forEach((w) => w.reject(err));
      }
    }
  }

  /** The document whose stored PDF has this SHA-256 (lower-case hex), or null. */
  async findBySha256(sha256Hex: string): Promise<VerifiableDocument | null> {
    const rows = await this.execute<VerifiableRow>(`${SELECT_VERIFIABLE} WHERE d.sha256 = ? ORDER BY d.id LIMIT 1`, [sha256Hex.toLowerCase()]);
    return rows.length ? this.withCurrentVersion(rows[0]) : null;
  }

  /** The document whose centre copy (the stamped PDF of the viewer and the zips) has this SHA-256 (lower-case hex), or null. */
  async findByCentreCopySha256(sha256Hex: string): Promise<VerifiableDocument | null> {
    const rows = await this.execute<VerifiableRow>(`${SELECT_VERIFIABLE} WHERE d.centre_copy_sha256 = ? ORDER BY d.id LIMIT 1`, [sha256Hex.toLowerCase()]);
    return rows.length ? this.withCurrentVersion(rows[0]) : null;
  }

  /**
   * A read on the hot path: a prepared statement straight on TypeORM's mysql2 pool (parsed once per
   * connection by the server, binary rows, no QueryRunner), with the pool's settings (UTC, DATE as text).
   */
  private execute<T>(sql: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { pool?: PreparedStatementPool }).pool;
    if (!pool?.execute) return this.dataSource.query(sql, values);
    return new Promise((resolve, reject) => pool.execute(sql, values, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  /** The stored PDF of a document, or null when it has not been rendered. */
  async openPdf(documentId: number): Promise<Buffer | null> {
    const [row] = await this.dataSource.query('SELECT file_key FROM documents WHERE id = ?', [documentId]);
    if (!row?.file_key) return null;
    return this.storage.readAll(row.file_key);
  }

  /** Number and learner of each document (those that exist), for the verification log. */
  async summariesOf(ids: number[]): Promise<Map<number, VerifiableDocumentSummary>> {
    const out = new Map<number, VerifiableDocumentSummary>();
    if (!ids.length) return out;
    const rows: {
      id: number;
      document_number: string;
      learner_name: string;
    }[] = await this.dataSource.query('SELECT id, document_number, learner_name FROM documents WHERE id IN (?)', [[...new Set(ids)]]);
    for (const r of rows)
      out.set(Number(r.id), {
        id: Number(r.id),
        documentNumber: r.document_number,
        learnerName: r.learner_name,
      });
    return out;
  }

  /** The documents of a learner: id → document number (for the learner's view of the verification log). */
  async numbersOfLearner(learnerId: number): Promise<Map<number, string>> {
    const rows: { id: number; document_number: string }[] = await this.dataSource.query('SELECT id, document_number FROM documents WHERE learner_id = ?', [
      learnerId,
    ]);
    return new Map(rows.map((r) => [Number(r.id), r.document_number]));
  }

  /** Whether a document exists (for the administrators' filters). */
  async exists(documentId: number): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 AS one FROM documents WHERE id = ?', [documentId]);
    return rows.length > 0;
  }

  private async withCurrentVersion(row: VerifiableRow): Promise<VerifiableDocument> {
    let currentVersionCode: string | null = null;
    if (row.status === 'superseded') {
      // follow the reissues forward (supersedes_id is indexed) to the version that is not superseded
      let id = Number(row.id);
      for (let i = 0; i < MAX_VERSIONS; i++) {
        const [next] = await this.dataSource.query(
          'SELECT id, verification_code, status FROM documents WHERE supersedes_id = ? ORDER BY version DESC, id DESC LIMIT 1',
          [id],
        );
        if (!next) break;
        currentVersionCode = next.verification_code;
        id = Number(next.id);
        if (next.status !== 'superseded') break;
      }
    }
    return {
      id: Number(row.id),
      verificationCode: row.verification_code,
      status: row.status,
      revokedAt: row.revoked_at,
      currentVersionCode,
      learnerName: row.learner_name,
      qualificationCode: row.qualification_code,
      qualificationTitle: row.qualification_title,
      type: row.type,
      grade: row.grade,
      awardDate: typeof row.award_date === 'string' ? row.award_date : row.award_date.toISOString().slice(0, 10),
      centreNumber: row.centre_number,
      centreName: row.centre_name,
      documentNumber: row.document_number,
      issuedAt: row.issued_at,
      displayOnVerify: Number(row.display_on_verify) === 1,
      rendered: Number(row.rendered) === 1,
    };
  }
}
