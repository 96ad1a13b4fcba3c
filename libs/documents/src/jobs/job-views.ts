import { AdminJobDetail, AdminJobSummary, JobStatus, JobSummary } from '@achievement/contracts';

/** A jobs row as the queries read it (jobs joined to centres and users). */
export interface JobSqlRow {
  id: number;
  number: string;
  status: JobStatus;
  document_count: number;
  rendered_count: number;
  created_at: Date;
  issued_at: Date | null;
  failure_reason: string | null;
  centre_notified_at: Date | null;
  centre_id: number;
  centre_number: string;
  centre_name: string;
  created_by: string | null;
}

export const JOB_COLUMNS = `j.id, j.number, j.status, j.document_count, j.rendered_count, j.created_at, j.issued_at, j.failure_reason, j.centre_notified_at,
  c.id AS centre_id, c.number AS centre_number, c.name AS centre_name, CONCAT(u.first_name, ' ', u.last_name) AS created_by`;
export const JOB_JOINS = 'JOIN centres c ON c.id = j.centre_id LEFT JOIN users u ON u.id = j.created_by_user_id';

export function toJobSummary(r: JobSqlRow): JobSummary {
  return {
    id: Number(r.id),
    number: r.number,
    status: r.status,
    documentCount: Number(r.document_count),
    createdAt: new Date(r.created_at).toISOString(),
    issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
  };
}

export function toAdminJobSummary(r: JobSqlRow): AdminJobSummary {
  return {
    ...toJobSummary(r),
    centre: {
      id: Number(r.centre_id),
      number: r.centre_number,
      name: r.centre_name,
    },
    renderedCount: Math.min(Number(r.rendered_count), Number(r.document_count)),
    createdBy: r.created_by,
  };
}

export function toAdminJobDetail(r: JobSqlRow): AdminJobDetail {
  return {
    ...toAdminJobSummary(r),
    failureReason: r.failure_reason,
    centreNotifiedAt: r.centre_notified_at ? new Date(r.centre_notified_at).toISOString() : null,
  };
}

/** Keyset cursor of a newest-first list: "<created_at ms>.<id>" of the last row of the page. */
export function jobCursor(r: JobSqlRow): string {
  return `${new Date(r.created_at).getTime()}.${r.id}`;
}

export function readJobCursor(cursor: string | undefined): { createdAt: Date; id: number } | null {
  if (!cursor) return null;
  const [ms, id] = cursor.split('.').map(Number);
  return { createdAt: new Date(ms), id };
}
