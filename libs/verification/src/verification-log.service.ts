import { LearnerVerificationEntry, VerificationLogEntry, VerificationLogPage, VerificationMethod } from '@achievement/contracts';
import { VerifiableDocuments } from '@achievement/documents';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface LogRow {
  id: string | number;
  document_id: number | null;
  method: VerificationMethod;
  client: string;
  hits: number;
  at: Date;
}

/** The verification log as administrators read it: newest first, all or one document's, keyset-paged by (time, id). */
@Injectable()
export class VerificationLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: VerifiableDocuments,
  ) {}

  async list(filter: { documentId?: number; cursor?: string; limit?: number }): Promise<VerificationLogPage> {
    const limit = filter.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.documentId !== undefined) {
      where.push('document_id = ?');
      params.push(filter.documentId);
    }
    if (filter.cursor) {
      const [ms, id] = filter.cursor.split('.');
      const at = new Date(Number(ms));
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(at, at, id);
    }
    // ix_verification_log_at (at, id) or ix_verification_log_document (document_id, at, id), read backwards
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT id, document_id, method, client, hits, at FROM verification_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    const summaries = await this.documents.summariesOf(page.filter((r) => r.document_id !== null).map((r) => Number(r.document_id)));
    const items: VerificationLogEntry[] = page.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      method: r.method,
      client: r.client,
      hits: Number(r.hits),
      document: r.document_id === null ? null : (summaries.get(Number(r.document_id)) ?? null),
    }));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? `${last.at.getTime()}.${last.id}` : null,
    };
  }

  /** The verifications of a learner's documents (the newest 200): the learner sees who checked them, coarsely. */
  async forLearner(learnerId: number): Promise<LearnerVerificationEntry[]> {
    const numbers = await this.documents.numbersOfLearner(learnerId);
    if (!numbers.size) return [];
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT id, document_id, method, client, hits, at FROM verification_log WHERE document_id IN (?) ORDER BY at DESC, id DESC LIMIT 200`,
      [[...numbers.keys()]],
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      documentId: Number(r.document_id),
      documentNumber: numbers.get(Number(r.document_id)) ?? '',
      method: r.method,
      client: r.client,
      hits: Number(r.hits),
    }));
  }
}
