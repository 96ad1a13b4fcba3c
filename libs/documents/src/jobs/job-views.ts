import { AdminJobDetail, AdminJobSummary, JobStatus, JobSummary } from '@achievement/contracts';
import { personNames, Queryable, withCentreNames } from '@achievement/identity';

/** A jobs row as the queries read it; the centre's number and name and the creator's name are filled in by withJobNames. */
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
  created_by_user_id: number | null;
  centre_number?: string | null;
  centre_name?: string | null;
  created_by?: string | null;
}

export const JOB_COLUMNS = `j.id, j.number, j.status, j.document_count, j.rendered_count, j.created_at, j.issued_at, j.failure_reason, j.centre_notified_at,
  j.centre_id, j.created_by_user_id`;

/** Fills in the names an administrator's view shows: the centre's (identity's reader) and who created the job. */
export async function withJobNames(db: Queryable, rows: JobSqlRow[]): Promise<JobSqlRow[]> {
  await withCentreNames(db, rows);
  const people = await personNames(
    db,
    rows.map((r) => r.created_by_user_id),
  );
  for (const row of rows) row.created_by = row.created_by_user_id === null ? null : (people.get(Number(row.created_by_user_id)) ?? null);
  return rows;
}

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
      number: r.centre_number ?? '',
      name: r.centre_name ?? '',
    },
    renderedCount: Math.min(Number(r.rendered_count), Number(r.document_count)),
    createdBy: r.created_by ?? null,
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
