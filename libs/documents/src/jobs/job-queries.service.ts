import { AdminJobDetail, AdminJobSummary, JobStatus, JobSummary, Page } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_COLUMNS, JOB_JOINS, jobCursor, JobSqlRow, readJobCursor, toAdminJobDetail, toAdminJobSummary, toJobSummary } from './job-views';

export interface AdminJobQuery {
  centreId?: number;
  status?: JobStatus;
  cursor?: string;
  limit?: number;
}

export function jobNotFound(id: number): NotFoundException {
  return new NotFoundException(`There is no job ${id}.`);
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
    const [row]: JobSqlRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM jobs j ${JOB_JOINS} WHERE j.id = ?`, [id]);
    if (!row) throw jobNotFound(id);
    return toAdminJobDetail(row);
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
      items: rows.items.map(toAdminJobSummary),
      nextCursor: rows.nextCursor,
    };
  }

  /** Jobs Issued: the caller's centre's jobs, newest first. */
  async listCentreJobs(user: AuthenticatedUser, cursor?: string, limit?: number): Promise<Page<JobSummary>> {
    const rows = await this.page(['j.centre_id = ?'], [centreOf(user)], cursor, limit);
    return { items: rows.items.map(toJobSummary), nextCursor: rows.nextCursor };
  }

  async centreJob(user: AuthenticatedUser, id: number): Promise<JobSummary> {
    const [row]: JobSqlRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM jobs j ${JOB_JOINS} WHERE j.id = ? AND j.centre_id = ?`, [
      id,
      centreOf(user),
    ]);
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
      `SELECT ${JOB_COLUMNS} FROM jobs j ${JOB_JOINS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.created_at DESC, j.id DESC LIMIT ?`,
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
  if (user.role !== 'centre_staff' || !user.centreId) throw new ForbiddenException('Jobs Issued is for centre staff.');
  return user.centreId;
}
