import { withCentreNames } from '@achievement/identity';
import { DocumentFacts, DocumentStatus, DocumentType, LearnerDocument, SharedDocument } from '@achievement/contracts';
import { FileStorage } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A learner's record, as registration and connection requests match it. */
export interface LearnerRecord {
  id: number;
  enrolmentNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

interface DocumentRow {
  id: number;
  document_number: string;
  type: DocumentType;
  status: DocumentStatus;
  verification_code: string;
  revoked_at: Date | null;
  qualification_code: string;
  qualification_title: string;
  grade: string | null;
  award_date: string;
  issued_at: Date;
  centre_id: number;
  centre_name?: string | null;
  file_key: string | null;
  successor_id: number | null;
}

const SELECT_DOCUMENTS = `
  SELECT d.id, d.document_number, d.type, d.status, d.verification_code, d.revoked_at, q.code AS qualification_code, q.title AS qualification_title,
         d.grade, DATE_FORMAT(d.award_date, '%Y-%m-%d') AS award_date, d.issued_at, d.centre_id, d.file_key,
         (SELECT n.id FROM documents n WHERE n.supersedes_id = d.id ORDER BY n.version DESC, n.id DESC LIMIT 1) AS successor_id
    FROM documents d
    JOIN qualifications q ON q.id = d.qualification_id`;

/**
 * Documents as their learner, and the third parties a learner shares them with, see them: the
 * learner's record (matched by enrolment number and date of birth, or email), their documents with
 * live status, and the stored PDF without the centre-copy stamp. Every method is scoped by the
 * learner or by document ids the caller has already authorised.
 */
@Injectable()
export class LearnerDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  /** The learner with this enrolment number (as printed; case and spaces ignored) and date of birth (YYYY-MM-DD), if any. */
  async findByEnrolment(enrolmentNumber: string, dateOfBirth: string): Promise<LearnerRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT id, enrolment_number, first_name, last_name, email FROM learners WHERE enrolment_number = ? AND date_of_birth = ?`,
      [enrolmentNumber.replace(/\s+/g, '').toUpperCase(), dateOfBirth],
    );
    return rows.length ? recordOf(rows[0]) : null;
  }

  /** The learners whose record holds this email address (the centre's data; usually one). */
  async findByEmail(email: string): Promise<LearnerRecord[]> {
    const rows = await this.dataSource.query(`SELECT id, enrolment_number, first_name, last_name, email FROM learners WHERE email = ? ORDER BY id LIMIT 5`, [
      email.trim().toLowerCase(),
    ]);
    return rows.map(recordOf);
  }

  async findById(learnerId: number): Promise<LearnerRecord | null> {
    const rows = await this.dataSource.query(`SELECT id, enrolment_number, first_name, last_name, email FROM learners WHERE id = ?`, [learnerId]);
    return rows.length ? recordOf(rows[0]) : null;
  }

  /** Every document of the learner, newest first, with its live status (superseded ones point to their successor). */
  async documentsOf(learnerId: number): Promise<LearnerDocument[]> {
    const rows: DocumentRow[] = await withCentreNames(
      this.dataSource,
      await this.dataSource.query(`${SELECT_DOCUMENTS} WHERE d.learner_id = ? ORDER BY d.issued_at DESC, d.id DESC`, [learnerId]),
    );
    return rows.map((r) => ({
      ...factsOf(r),
      currentVersionId: r.status === 'superseded' && r.successor_id !== null ? Number(r.successor_id) : null,
      available: r.file_key !== null,
    }));
  }

  /** Of these ids, those that are documents of the learner. */
  async ownedBy(learnerId: number, documentIds: number[]): Promise<number[]> {
    if (!documentIds.length) return [];
    const rows = await this.dataSource.query(`SELECT id FROM documents WHERE learner_id = ? AND id IN (?)`, [learnerId, [...new Set(documentIds)]]);
    return rows.map((r: { id: number }) => Number(r.id));
  }

  /** The document number of each of these documents (already authorised by the caller), by id. */
  async documentNumbers(documentIds: number[]): Promise<Map<number, string>> {
    if (!documentIds.length) return new Map();
    const rows: { id: number; document_number: string }[] = await this.dataSource.query('SELECT id, document_number FROM documents WHERE id IN (?)', [
      [...new Set(documentIds)],
    ]);
    return new Map(rows.map((r) => [Number(r.id), r.document_number]));
  }

  /** The facts and live status of these documents (already authorised by the caller), in the order of the ids given. */
  async sharedView(documentIds: number[]): Promise<SharedDocument[]> {
    if (!documentIds.length) return [];
    const rows: DocumentRow[] = await withCentreNames(this.dataSource, await this.dataSource.query(`${SELECT_DOCUMENTS} WHERE d.id IN (?)`, [documentIds]));
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return documentIds
      .map((id) => byId.get(id))
      .filter((r): r is DocumentRow => r !== undefined)
      .map((r) => ({
        ...factsOf(r),
        revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
        viewable: r.status === 'valid' && r.file_key !== null,
      }));
  }

  /** The stored PDF of a document (as issued, no stamp) with its number, or null when it is not rendered. */
  async pdfOf(documentId: number): Promise<{ pdf: Buffer; documentNumber: string; status: DocumentStatus } | null> {
    const [row] = await this.dataSource.query('SELECT file_key, document_number, status FROM documents WHERE id = ?', [documentId]);
    if (!row?.file_key) return null;
    return { pdf: await this.storage.readAll(row.file_key), documentNumber: row.document_number, status: row.status };
  }
}

/** A document as an order for a printed copy needs it. */
export interface OrderableDocument {
  id: number;
  documentNumber: string;
  type: DocumentType;
  status: DocumentStatus;
  centreId: number;
  learnerId: number;
  learnerName: string;
  enrolmentNumber: string;
  qualificationCode: string;
  qualificationTitle: string;
  awardDate: string;
}

const SELECT_ORDERABLE = `
  SELECT d.id, d.document_number, d.type, d.status, d.centre_id, d.learner_id, d.learner_name, l.enrolment_number,
         q.code AS qualification_code, q.title AS qualification_title, DATE_FORMAT(d.award_date, '%Y-%m-%d') AS award_date
    FROM documents d
    JOIN learners l ON l.id = d.learner_id
    JOIN qualifications q ON q.id = d.qualification_id`;

/** Who may order copies of which documents: centre staff, their centre's; a learner, their own. */
export type OrderingScope = { centreId: number } | { learnerId: number };

function scopeSql(scope: OrderingScope): { sql: string; params: number[] } {
  return 'centreId' in scope ? { sql: 'd.centre_id = ?', params: [scope.centreId] } : { sql: 'd.learner_id = ?', params: [scope.learnerId] };
}

/**
 * Documents for ordering printed copies: a centre's learners who hold documents of some types, a
 * learner's documents of those types, and the facts an order line keeps. Every method is scoped to
 * what the caller may order.
 */
@Injectable()
export class OrderableDocumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Learners of the centre with documents of these types whose name or enrolment number starts with the text (at most 20). */
  async learnersAtCentre(
    centreId: number,
    text: string,
    types: DocumentType[],
  ): Promise<{ id: number; name: string; enrolmentNumber: string; documentCount: number }[]> {
    if (!types.length) return [];
    const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 3);
    const where = words.map(() => '(l.enrolment_number LIKE ? OR l.first_name LIKE ? OR l.last_name LIKE ?)');
    const params = words.flatMap((w) => {
      const like = `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return [like, like, like];
    });
    const rows: { id: number; first_name: string; last_name: string; enrolment_number: string; n: number }[] = await this.dataSource.query(
      `SELECT l.id, l.first_name, l.last_name, l.enrolment_number, COUNT(*) AS n
         FROM documents d JOIN learners l ON l.id = d.learner_id
        WHERE d.centre_id = ? AND d.type IN (?) ${where.length ? `AND ${where.join(' AND ')}` : ''}
        GROUP BY l.id, l.first_name, l.last_name, l.enrolment_number
        ORDER BY l.last_name, l.first_name, l.id LIMIT 20`,
      [centreId, types, ...params],
    );
    return rows.map((r) => ({ id: Number(r.id), name: `${r.first_name} ${r.last_name}`, enrolmentNumber: r.enrolment_number, documentCount: Number(r.n) }));
  }

  /** A learner's documents of these types that the caller may order. */
  async documentsOf(scope: OrderingScope, learnerId: number, types: DocumentType[]): Promise<OrderableDocument[]> {
    if (!types.length) return [];
    const { sql, params } = scopeSql(scope);
    const rows = await this.dataSource.query(`${SELECT_ORDERABLE} WHERE ${sql} AND d.learner_id = ? AND d.type IN (?) ORDER BY d.issued_at DESC, d.id DESC`, [
      ...params,
      learnerId,
      types,
    ]);
    return rows.map(orderableOf);
  }

  /**
   * These documents, those the caller may order only. Inside a transaction pass its manager: the
   * read then uses the transaction's own connection rather than a second one from the pool.
   */
  async byIds(scope: OrderingScope, ids: number[], manager?: EntityManager): Promise<OrderableDocument[]> {
    if (!ids.length) return [];
    const { sql, params } = scopeSql(scope);
    const rows = await (manager ?? this.dataSource).query(`${SELECT_ORDERABLE} WHERE ${sql} AND d.id IN (?)`, [...params, [...new Set(ids)]]);
    return rows.map(orderableOf);
  }

  /**
   * For fulfilment (administrators, any centre): each document's status and, for a superseded
   * one, its current version (the newest of its successors, followed to the end), so an order
   * line holding a revoked or superseded document can be flagged and replaced.
   */
  async currentStates(ids: number[], manager?: EntityManager): Promise<Map<number, { status: DocumentStatus; current: OrderableDocument | null }>> {
    const states = new Map<number, { status: DocumentStatus; current: OrderableDocument | null }>();
    if (!ids.length) return states;
    const db = manager ?? this.dataSource;
    const rows: { id: number; status: DocumentStatus }[] = await db.query('SELECT id, status FROM documents WHERE id IN (?)', [[...new Set(ids)]]);
    for (const row of rows) {
      let current: OrderableDocument | null = null;
      if (row.status === 'superseded') {
        let at = Number(row.id);
        for (let hops = 0; hops < 50; hops++) {
          const [next] = await db.query('SELECT id FROM documents WHERE supersedes_id = ? ORDER BY version DESC, id DESC LIMIT 1', [at]);
          if (!next) break;
          at = Number(next.id);
        }
        if (at !== Number(row.id)) [current] = (await db.query(`${SELECT_ORDERABLE} WHERE d.id = ?`, [at])).map(orderableOf);
      }
      states.set(Number(row.id), { status: row.status, current });
    }
    return states;
  }
}

function orderableOf(r: {
  id: number;
  document_number: string;
  type: DocumentType;
  status: DocumentStatus;
  centre_id: number;
  learner_id: number;
  learner_name: string;
  enrolment_number: string;
  qualification_code: string;
  qualification_title: string;
  award_date: string;
}): OrderableDocument {
  return {
    id: Number(r.id),
    documentNumber: r.document_number,
    type: r.type,
    status: r.status,
    centreId: Number(r.centre_id),
    learnerId: Number(r.learner_id),
    learnerName: r.learner_name,
    enrolmentNumber: r.enrolment_number,
    qualificationCode: r.qualification_code,
    qualificationTitle: r.qualification_title,
    awardDate: r.award_date,
  };
}

/** What a learner and a third party both see of a document. */
function factsOf(r: DocumentRow): DocumentFacts {
  return {
    id: Number(r.id),
    documentNumber: r.document_number,
    type: r.type,
    qualification: { code: r.qualification_code, title: r.qualification_title },
    grade: r.grade,
    awardDate: r.award_date,
    issuedAt: new Date(r.issued_at).toISOString(),
    centreName: r.centre_name ?? '',
    status: r.status,
    verificationCode: r.verification_code,
  };
}

function recordOf(r: { id: number; enrolment_number: string; first_name: string; last_name: string; email: string | null }): LearnerRecord {
  return { id: Number(r.id), enrolmentNumber: r.enrolment_number, firstName: r.first_name, lastName: r.last_name, email: r.email };
}
