import { withCentreNames } from '@achievement/identity';
import { DocumentDetail, DocumentStatus, DocumentUnit } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RECORD_COLUMNS, RECORD_JOINS, RecordSqlRow, toRecordRow } from '../records/record-row';
import { ApiError } from '@achievement/platform';

interface DetailSqlRow extends RecordSqlRow {
  centre_id: number;
  centre_number?: string | null;
  centre_name?: string | null;
  date_of_birth: string;
  units: DocumentUnit[] | string | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
  file_key: string | null;
}

/** A document as its viewers know it: where it may be seen, and by whom. */
export interface DocumentAccessRow {
  id: number;
  centreId: number;
  jobId: number;
  documentNumber: string;
  version: number;
  fileKey: string | null;
  /** the stored centre copy; null until made */
  centreCopyKey: string | null;
}

/**
 * One document for the viewer: centre staff see only their centre's documents (another centre's
 * id answers 404, as if it did not exist); support staff and administrators see any.
 */
@Injectable()
export class DocumentDetailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getDocument(user: AuthenticatedUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<DocumentDetail> {
    const [row]: DetailSqlRow[] = await manager.query(
      `SELECT ${RECORD_COLUMNS}, d.centre_id, l.date_of_birth, d.units, d.revoked_at, d.revocation_reason, d.file_key
         FROM documents d ${RECORD_JOINS}
        WHERE d.id = ? AND ${scopeSql(user)}`,
      [id, ...scopeParams(user)],
    );
    if (!row) throw documentNotFound(id);
    await withCentreNames(manager, [row]);
    return { ...toRecordRow(row), ...(await this.detailParts(manager, row)) };
  }

  /** The document's centre, job, number and stored file, for someone allowed to see it; else 404. */
  async accessibleDocument(user: AuthenticatedUser, id: number): Promise<DocumentAccessRow> {
    const [row] = await this.dataSource.query(
      `SELECT d.id, d.centre_id, d.job_id, d.document_number, d.version, d.file_key, d.centre_copy_key FROM documents d WHERE d.id = ? AND ${scopeSql(user)}`,
      [id, ...scopeParams(user)],
    );
    if (!row) throw documentNotFound(id);
    return {
      id: Number(row.id),
      centreId: Number(row.centre_id),
      jobId: Number(row.job_id),
      documentNumber: row.document_number,
      version: Number(row.version),
      fileKey: row.file_key,
      centreCopyKey: row.centre_copy_key,
    };
  }

  private async detailParts(manager: EntityManager, row: DetailSqlRow) {
    const versions: { id: number; version: number; status: DocumentStatus; issued_at: Date; revoked_at: Date | null }[] = await manager.query(
      `WITH RECURSIVE earlier AS (
           SELECT id, supersedes_id FROM documents WHERE id = ?
           UNION ALL SELECT d.id, d.supersedes_id FROM documents d JOIN earlier e ON d.id = e.supersedes_id),
         later AS (
           SELECT id FROM documents WHERE id = ?
           UNION ALL SELECT d.id FROM documents d JOIN later x ON d.supersedes_id = x.id)
       SELECT id, version, status, issued_at, revoked_at FROM documents
        WHERE id IN (SELECT id FROM earlier UNION SELECT id FROM later)
        ORDER BY version, id`,
      [row.id, row.id],
    );
    const units = typeof row.units === 'string' ? (JSON.parse(row.units) as DocumentUnit[]) : row.units;
    return {
      centre: { id: Number(row.centre_id), number: row.centre_number ?? '', name: row.centre_name ?? '' },
      learnerDateOfBirth: row.date_of_birth,
      units: (units ?? []).map((u) => ({ code: u.code ?? null, title: u.title })),
      versions: versions.map((v) => ({
        id: Number(v.id),
        version: Number(v.version),
        status: v.status,
        issuedAt: new Date(v.issued_at).toISOString(),
        revokedAt: v.revoked_at ? new Date(v.revoked_at).toISOString() : null,
      })),
      revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
      revocationReason: row.revocation_reason,
      fileReady: row.file_key !== null,
    };
  }
}

/** Centre staff: their centre's documents only. Support and administrators: any. Anyone else: none. */
function scopeSql(user: AuthenticatedUser): string {
  if (user.role === 'support' || user.role === 'administrator') return 'TRUE';
  if (user.role === 'centre_staff' && user.centreId !== null) return 'd.centre_id = ?';
  return 'FALSE';
}

function scopeParams(user: AuthenticatedUser): unknown[] {
  return user.role === 'centre_staff' && user.centreId !== null ? [user.centreId] : [];
}

export function documentNotFound(id: number): ApiError {
  return new ApiError('DOCUMENT_NOT_FOUND', `There is no document ${id}.`);
}
