import { DocumentStatus, DocumentType, RecordRow } from '@achievement/contracts';

/** The columns of a Records row: a document with its learner, qualification, job and open reports. */
export const RECORD_COLUMNS = `
  d.id, d.document_number, d.type, d.status, d.version, d.learner_name, d.learner_sort_name, d.grade, d.award_date, d.issued_at, d.last_notified_at,
  d.learner_id, l.enrolment_number, (l.email IS NOT NULL AND l.email <> '') AS has_email,
  q.code AS qualification_code, q.title AS qualification_title, d.job_id, j.number AS job_number,
  (SELECT COUNT(*) FROM document_reports r WHERE r.document_id = d.id AND r.status IN ('new', 'in_progress', 'awaiting_centre')) AS open_report_count`;

/**
 * The joins RECORD_COLUMNS needs (all by primary key). STRAIGHT_JOIN keeps documents first, so
 * the page is read in index order and stops at the limit; left to itself the optimizer may start
 * from the small qualifications table and sort a whole centre.
 */
export const RECORD_JOINS = `
  STRAIGHT_JOIN learners l ON l.id = d.learner_id
  STRAIGHT_JOIN qualifications q ON q.id = d.qualification_id
  STRAIGHT_JOIN jobs j ON j.id = d.job_id`;

export interface RecordSqlRow {
  id: number;
  document_number: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  learner_name: string;
  learner_sort_name: string;
  grade: string | null;
  award_date: string;
  issued_at: Date;
  last_notified_at: Date | null;
  learner_id: number;
  enrolment_number: string;
  has_email: number | string;
  qualification_code: string;
  qualification_title: string;
  job_id: number;
  job_number: string;
  open_report_count: number | string;
}

export function toRecordRow(r: RecordSqlRow): RecordRow {
  return {
    id: Number(r.id),
    documentNumber: r.document_number,
    type: r.type,
    status: r.status,
    version: Number(r.version),
    learner: { id: Number(r.learner_id), enrolmentNumber: r.enrolment_number, name: r.learner_name, hasEmail: Number(r.has_email) === 1 },
    qualification: { code: r.qualification_code, title: r.qualification_title },
    grade: r.grade,
    awardDate: typeof r.award_date === 'string' ? r.award_date : new Date(r.award_date).toISOString().slice(0, 10),
    issuedAt: new Date(r.issued_at).toISOString(),
    job: { id: Number(r.job_id), number: r.job_number },
    lastNotifiedAt: r.last_notified_at ? new Date(r.last_notified_at).toISOString() : null,
    openReportCount: Number(r.open_report_count),
  };
}
