import { DocumentStatus, ReportEntry, ReportEntryKind, ReportReason, ReportStatus, ReportSummary, TriageReportSummary } from '@achievement/contracts';
import { personNames, Queryable, withCentreNames } from '@achievement/identity';

/** A report with what its lists show of the document; withReportNames adds the centre's and the assignee's names. */
export const REPORT_SELECT = `
  SELECT r.id, r.reference, r.status, r.reason, r.description, r.reporter_name, r.reporter_email, r.enrolment_number, r.qualification,
         r.centre_id, r.document_id, r.assignee_user_id, r.created_at, r.updated_at,
         d.document_number, d.learner_name, d.status AS document_status, q.code AS qualification_code
    FROM document_reports r
    JOIN documents d ON d.id = r.document_id
    JOIN qualifications q ON q.id = d.qualification_id`;

/** Fills in the centre's number and name and the assignee's name (identity's readers); the rows are changed and returned. */
export async function withReportNames(db: Queryable, rows: ReportSqlRow[]): Promise<ReportSqlRow[]> {
  await withCentreNames(db, rows);
  const people = await personNames(
    db,
    rows.map((r) => r.assignee_user_id),
  );
  for (const row of rows) row.assignee_name = row.assignee_user_id === null ? null : (people.get(Number(row.assignee_user_id)) ?? null);
  return rows;
}

export interface ReportSqlRow {
  id: number;
  reference: string;
  status: ReportStatus;
  reason: ReportReason;
  description: string;
  reporter_name: string;
  reporter_email: string;
  enrolment_number: string;
  qualification: string;
  centre_id: number;
  document_id: number;
  assignee_user_id: number | null;
  created_at: Date;
  updated_at: Date;
  document_number: string;
  learner_name: string;
  document_status: DocumentStatus;
  qualification_code: string;
  centre_number?: string | null;
  centre_name?: string | null;
  assignee_name?: string | null;
}

export interface EntrySqlRow {
  id: number;
  report_id: number;
  kind: ReportEntryKind;
  text: string;
  author_user_id: number | null;
  author_name: string | null;
  created_at: Date;
}

export function reportReference(id: number): string {
  return `R${String(id).padStart(6, '0')}`;
}

export function toReportSummary(r: ReportSqlRow, replies: EntrySqlRow[]): ReportSummary {
  return {
    id: Number(r.id),
    reference: r.reference,
    status: r.status,
    reason: r.reason,
    description: r.description,
    details: detailsOf(r),
    document: { id: Number(r.document_id), documentNumber: r.document_number, learnerName: r.learner_name, qualificationCode: r.qualification_code },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    replies: replies.map((e) => ({ text: e.text, sentAt: iso(e.created_at) })),
  };
}

export function toTriageSummary(r: ReportSqlRow): TriageReportSummary {
  return {
    id: Number(r.id),
    reference: r.reference,
    status: r.status,
    reason: r.reason,
    centre: { id: Number(r.centre_id), number: r.centre_number ?? '', name: r.centre_name ?? '' },
    document: {
      id: Number(r.document_id),
      documentNumber: r.document_number,
      learnerName: r.learner_name,
      qualificationCode: r.qualification_code,
      status: r.document_status,
    },
    reporter: { name: r.reporter_name, email: r.reporter_email },
    assignee: r.assignee_user_id ? { id: Number(r.assignee_user_id), name: r.assignee_name ?? '' } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toReportEntry(e: EntrySqlRow): ReportEntry {
  return {
    id: Number(e.id),
    kind: e.kind,
    text: e.text,
    author: e.author_user_id ? { id: Number(e.author_user_id), name: e.author_name ?? '' } : null,
    createdAt: iso(e.created_at),
  };
}

export function detailsOf(r: ReportSqlRow) {
  return { reporterName: r.reporter_name, reporterEmail: r.reporter_email, enrolmentNumber: r.enrolment_number, qualification: r.qualification };
}

function iso(value: Date): string {
  return new Date(value).toISOString();
}
