import { AdminJobDetail, AdminJobDocument, AdminJobSummary, DocumentStatus, DocumentType, JobStatus, JobSummary, Page } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_COLUMNS, jobCursor, JobSqlRow, readJobCursor, toAdminJobDetail, toAdminJobSummary, toJobSummary, withJobNames } from './job-views';
import { ApiError } from '@achievement/platform';

export interface AdminJobQuery {
  centreId?: number;
  status?: JobStatus;
  cursor?: string;
  limit?: number;
}

interface JobDocumentSqlRow {
  id: number;
  document_number: string;
  learner_name: string;
  enrolment_number: string;
  qualification_code: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  rendered: number | string;
  verification_code: string;
}

export function jobNotFound(id: number): ApiError {
  return new ApiError('JOB_NOT_FOUND', `There is no job ${id}.`);
}

/**
 * Jobs as people see them: administrators (and support) any job with its progress; centre staff
 * the jobs of their own centre only, scoped in the query itself, so another centre's job is not
 * found (404), exactly as a job that does not exist.
 */
@Injectable()
export class JobQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async adminJob(id: number): Promise<AdminJobDetail> {
    const [row]: JobSqlRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM jobs j WHERE j.id = ?`, [id]);
    if (!row) throw jobNotFound(id);
    return toAdminJobDetail((await withJobNames(this.dataSource, [row]))[0]);
  }

  async listAdminJobs(query: AdminJobQuery): Promise<Page<AdminJobSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.centreId !== undefined) {
      where.push('j.centre_id = ?');
      params.push(query.centreId);
    }
    if (query.status) {
      where.push('j.status = ?');
      params.push(query.status);
    }
    const rows = await this.page(where, params, query.cursor, query.limit);
    return {
      items: (await withJobNames(this.dataSource, rows.items)).map(toAdminJobSummary),
      nextCursor: rows.nextCursor,
    };
  }

  /** The documents of a job (administrators and support), in the order they were issued, by keyset on the id. */
  async listAdminJobDocuments(jobId: number, cursor?: string, limit = 50): Promise<Page<AdminJobDocument>> {
    const [job] = await this.dataSource.query('SELECT id FROM jobs WHERE id = ?', [jobId]);
    if (!job) throw jobNotFound(jobId);
    const rows: JobDocumentSqlRow[] = await this.dataSource.query(
      `SELECT d.id, d.document_number, d.learner_name, l.enrolment_number, q.code AS qualification_code, d.type, d.status, d.version,
              d.file_key IS NOT NULL AS rendered, d.verification_code
         FROM documents d
         JOIN learners l ON l.id = d.learner_id
         JOIN qualifications q ON q.id = d.qualification_id
        WHERE d.job_id = ? AND d.id > ?
        ORDER BY d.id
        LIMIT ?`,
      [jobId, cursor ? Number(cursor) : 0, limit + 1],
    );
    const items = rows.slice(0, limit).map((r): AdminJobDocument => ({
      id: Number(r.id),
      documentNumber: r.document_number,
      learnerName: r.learner_name,
      enrolmentNumber: r.enrolment_number,
      qualificationCode: r.qualification_code,
      type: r.type,
      status: r.status,
      version: Number(r.version),
      rendered: Boolean(Number(r.rendered)),
      verificationCode: r.verification_code,
    }));
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  /** Jobs Issued: the caller's centre's jobs, newest first. */
  async listCentreJobs(user: AuthenticatedUser, cursor?: string, limit?: number): Promise<Page<JobSummary>> {
    const rows = await this.page(['j.centre_id = ?'], [centreOf(user)], cursor, limit);
    return { items: rows.items.map(toJobSummary), nextCursor: rows.nextCursor };
  }

  async centreJob(user: AuthenticatedUser, id: number): Promise<JobSummary> {
    const [row]: JobSqlRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM jobs j WHERE j.id = ? AND j.centre_id = ?`, [id, centreOf(user)]);
    if (!row) throw jobNotFound(id);
    return toJobSummary(row);
  }

  private async page(where: string[], params: unknown[], cursor: string | undefined, limit = 50): Promise<Page<JobSqlRow>> {
    const after = readJobCursor(cursor);
    if (after) {
      where.push('(j.created_at < ? OR (j.created_at = ? AND j.id < ?))');
      params.push(after.createdAt, after.createdAt, after.id);
    }
    const rows: JobSqlRow[] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM jobs j ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.created_at DESC, j.id DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit);
    return {
      items,
      nextCursor: rows.length > limit ? jobCursor(items[items.length - 1]) : null,
    };
  }
}

/** The centre of a centre staff user; anyone else has none here (fails closed). */
function centreOf(user: AuthenticatedUser): number {
  if (user.role !== 'centre_staff' || !user.centreId) throw new ApiError('NOT_CENTRE_STAFF', 'Jobs Issued is for centre staff.');
  return user.centreId;
}
