import { ApiErrorBody } from './errors';
import { ImportRowError } from './identity';
import { Page } from './paging';

/*
 * Documents: issuing jobs (administrators), Jobs Issued and Records (centre staff), the viewer,
 * notifying learners, reporting problems and their triage (support staff). Paths are under /api.
 * Dates are YYYY-MM-DD; times are ISO 8601 UTC strings.
 */

export const DOCUMENT_TYPES = ['certificate', 'unit_certificate', 'record_of_achievement'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  certificate: 'Certificate',
  unit_certificate: 'Unit certificate',
  record_of_achievement: 'Record of achievement',
};

/** valid: the current version; superseded: replaced by a corrected reissue; revoked: withdrawn. */
export const DOCUMENT_STATUSES = ['valid', 'superseded', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const JOB_STATUSES = ['queued', 'rendering', 'issued', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The public verification page of a document: `${PUBLIC_URL}${VERIFY_PATH}/<verificationCode>`; the QR code on the PDF encodes it. */
export const VERIFY_PATH = '/verify';

/* ---------- issuing a job (administrators) ---------- */

/**
 * The CSV columns of a job, in its header row (any order, case-insensitive). Required:
 * enrolment_number, first_name, last_name, date_of_birth, qualification_code, qualification_title,
 * document_type, award_date. Optional: email (the learner's, for notices), grade, units.
 * document_type is one of DOCUMENT_TYPES (or its label); dates are YYYY-MM-DD (DD/MM/YYYY is
 * accepted too); units are separated by ";" (each "code: title" or just a title).
 */
export const JOB_CSV_COLUMNS = [
  'enrolment_number',
  'first_name',
  'last_name',
  'date_of_birth',
  'email',
  'qualification_code',
  'qualification_title',
  'document_type',
  'grade',
  'award_date',
  'units',
] as const;

/** Most documents one job may hold. */
export const MAX_JOB_DOCUMENTS = 20_000;

export interface DocumentUnit {
  code: string | null;
  title: string;
}

/** One document of a job sent as JSON (POST /api/admin/jobs). */
export interface IssueDocumentInput {
  enrolmentNumber: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  email?: string | null;
  /** RQF style, e.g. 603/7506/5 */
  qualificationCode: string;
  qualificationTitle: string;
  documentType: DocumentType;
  grade?: string | null;
  /** YYYY-MM-DD */
  awardDate: string;
  units?: DocumentUnit[];
}

/** POST /api/admin/jobs → 201 AdminJobDetail (for systems). 400 IssueJobErrorBody: `line` is the 1-based position in `documents`. */
export interface IssueJobRequest {
  centreId: number;
  documents: IssueDocumentInput[];
}

/** POST /api/admin/jobs/csv → 201 AdminJobDetail. 400 IssueJobErrorBody: `line` as a person counts them in the file (header = 1). */
export interface IssueJobCsvRequest {
  centreId: number;
  csv: string;
}

/** The 400 answer of a job with problems: nothing was issued. */
export interface IssueJobErrorBody extends ApiErrorBody {
  rowErrors: ImportRowError[];
}

/** The Jobs Issued row a centre sees (GET /api/jobs → Page<JobSummary>, newest first). */
export interface JobSummary {
  id: number;
  number: string;
  status: JobStatus;
  documentCount: number;
  createdAt: string;
  issuedAt: string | null;
}

/** GET /api/admin/jobs?centreId=&status=&cursor= → Page<AdminJobSummary>, newest first; GET /api/admin/jobs/:id → AdminJobDetail. */
export interface AdminJobSummary extends JobSummary {
  centre: { id: number; number: string; name: string };
  /** documents rendered and stored so far: progress is renderedCount / documentCount */
  renderedCount: number;
  createdBy: string | null;
}

export interface AdminJobDetail extends AdminJobSummary {
  /** why the job failed, when it did */
  failureReason: string | null;
  /** when the centre's "documents issued" email was queued */
  centreNotifiedAt: string | null;
}

/** GET /api/admin/jobs/:id/documents?cursor=&limit= → Page<AdminJobDocument>: the job's documents in the order they were issued. */
export interface AdminJobDocument {
  id: number;
  documentNumber: string;
  /** the learner's name as printed on the document */
  learnerName: string;
  enrolmentNumber: string;
  qualificationCode: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  /** rendered and stored (its PDF can be served) */
  rendered: boolean;
  /** the code of its public verification page, /verify/<code> */
  verificationCode: string;
}

/* ---------- Jobs Issued and Records (centre staff) ---------- */

export const RECORD_SORTS = ['issued_desc', 'issued_asc', 'name_asc', 'name_desc'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/**
 * The filters of Records (query string of GET /api/records and GET /api/records/count; the
 * `filter` of a selection). Every field is optional; all that are given must match.
 */
export interface RecordFilter {
  /** learner name: every word is a prefix of one of the learner's names, in any order ("smi jo" finds John Smith) */
  name?: string;
  /** exact enrolment number */
  enrolmentNumber?: string;
  /** a qualification code (exact, e.g. 603/7506/5) or words of its title */
  qualification?: string;
  /** exact job number */
  jobNumber?: string;
  type?: DocumentType;
  status?: DocumentStatus;
  /** YYYY-MM-DD, inclusive, in UTC */
  issuedFrom?: string;
  issuedTo?: string;
}

/** GET /api/records?…RecordFilter&sort=&cursor=&limit= (limit 1-200, default 50) → Page<RecordRow>. */
export interface RecordQuery extends RecordFilter {
  sort?: RecordSort;
  cursor?: string;
  limit?: number;
}

/** GET /api/records/count?…RecordFilter → RecordCount: how many records match, for "N records" and "select all N". */
export interface RecordCount {
  total: number;
}

/** A row of Records: one document of the caller's centre. */
export interface RecordRow {
  id: number;
  documentNumber: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  learner: { id: number; enrolmentNumber: string; name: string; hasEmail: boolean };
  qualification: { code: string; title: string };
  grade: string | null;
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  awardDate: string;
  issuedAt: string;
  job: { id: number; number: string };
  /** when the learner was last told about this document (Notify learners), or null */
  lastNotifiedAt: string | null;
  /** reports on this document that are not resolved or rejected */
  openReportCount: number;
}

export type RecordPage = Page<RecordRow>;

/** GET /api/documents/:id → DocumentDetail (centre staff of its centre; support and administrators). */
export interface DocumentDetail extends RecordRow {
  centre: { id: number; number: string; name: string };
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  learnerDateOfBirth: string;
  units: DocumentUnit[];
  /** every version of this document, oldest first (this one included) */
  versions: { id: number; version: number; status: DocumentStatus; issuedAt: string; revokedAt: string | null }[];
  revokedAt: string | null;
  revocationReason: string | null;
  /** the PDF is rendered and stored */
  fileReady: boolean;
}

/**
 * GET /api/documents/:id/view → application/pdf, inline. Centre staff get a copy stamped
 * CENTRE_COPY_STAMP across every page; support and administrators get the same stamped copy.
 * 409 while the PDF is still being rendered.
 */
export const CENTRE_COPY_STAMP = 'Centre copy — not valid for verification';

/** Rows chosen on Records: listed ids, or every row matching a filter (less `exceptIds`). */
export type RecordSelection = { ids: number[] } | { filter: RecordFilter; exceptIds?: number[] };

/** Most records one action (notify, download) may take. */
export const MAX_SELECTION = 10_000;

/** Within this time a second notice to the same learner for the same document needs `confirmRecent`. */
export const RENOTIFY_CONFIRM_HOURS = 24;

/** POST /api/records/notify → 200 NotifyLearnersResponse; 409 RecentNoticeErrorBody when some were notified lately and confirmRecent is not true. */
export interface NotifyLearnersRequest {
  selection: RecordSelection;
  confirmRecent?: boolean;
}

export interface NotifyLearnersResponse {
  /** learners emailed (one email per learner, listing their selected documents) */
  learnersNotified: number;
  documentsNotified: number;
  /** selected documents whose learner has no email address: nobody was told */
  documentsWithoutEmail: number;
  /** selected documents that are not valid (revoked or superseded) and so were left out */
  documentsNotValid: number;
}

export interface RecentNoticeErrorBody extends ApiErrorBody {
  /** documents among the selection whose learner was notified within RENOTIFY_CONFIRM_HOURS */
  recentlyNotified: number;
}

/* ---------- reporting an issue (centre staff) and triage (support staff) ---------- */

export const REPORT_REASONS = [
  'learner_name',
  'date_of_birth',
  'qualification',
  'grade',
  'award_date',
  'units',
  'document_type',
  'duplicate',
  'not_our_learner',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  learner_name: "Learner's name is wrong or misspelt",
  date_of_birth: 'Date of birth is wrong',
  qualification: 'Qualification title or code is wrong',
  grade: 'Grade is wrong',
  award_date: 'Award date is wrong',
  units: 'Units are missing or wrong',
  document_type: 'Wrong type of document',
  duplicate: 'Document issued twice',
  not_our_learner: 'Learner is not from our centre',
  other: 'Something else',
};

export const REPORT_STATUSES = ['new', 'in_progress', 'awaiting_centre', 'resolved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  awaiting_centre: 'Awaiting centre',
  resolved: 'Resolved',
  rejected: 'Rejected',
};

export const REPORT_DESCRIPTION_MAX_LENGTH = 2000;

/** POST /api/documents/:id/reports (centre staff) → 201 ReportSummary. Both fields required ("This field is required."). */
export interface ReportIssueRequest {
  reason: ReportReason;
  description: string;
}

/** The details the guide says are included in the report email, as the Report form shows them. */
export interface ReportDetails {
  reporterName: string;
  reporterEmail: string;
  enrolmentNumber: string;
  /** the qualification code and title, e.g. "603/7506/5 Level 3 Diploma in Light Vehicle Maintenance" */
  qualification: string;
}

/** A report as its centre sees it (GET /api/reports?status=&cursor= → Page<ReportSummary>, newest first). */
export interface ReportSummary {
  id: number;
  reference: string;
  status: ReportStatus;
  reason: ReportReason;
  description: string;
  details: ReportDetails;
  document: { id: number; documentNumber: string; learnerName: string; qualificationCode: string };
  createdAt: string;
  updatedAt: string;
  /** replies support staff sent to the reporter, oldest first */
  replies: { text: string; sentAt: string }[];
}

/** GET /api/admin/reports?status=&reason=&centreId=&olderThanDays=&assignedToMe=&cursor= (support, administrators) → Page<TriageReportSummary>, oldest first. */
export interface TriageReportSummary {
  id: number;
  reference: string;
  status: ReportStatus;
  reason: ReportReason;
  centre: { id: number; number: string; name: string };
  document: { id: number; documentNumber: string; learnerName: string; qualificationCode: string; status: DocumentStatus };
  reporter: { name: string; email: string };
  assignee: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

export const REPORT_ENTRY_KINDS = ['note', 'reply', 'status', 'assignment', 'reissue', 'revocation'] as const;
export type ReportEntryKind = (typeof REPORT_ENTRY_KINDS)[number];

/** The history of a report: internal notes, replies emailed to the reporter, and what was done. */
export interface ReportEntry {
  id: number;
  kind: ReportEntryKind;
  text: string;
  author: { id: number; name: string } | null;
  createdAt: string;
}

/** GET /api/admin/reports/:id → TriageReportDetail. */
export interface TriageReportDetail extends TriageReportSummary {
  description: string;
  details: ReportDetails;
  documentDetail: DocumentDetail;
  entries: ReportEntry[];
}

/** POST /api/admin/reports/:id/assign → 200 TriageReportDetail (assigns to the caller). */
/** POST /api/admin/reports/:id/status → 200 TriageReportDetail. */
export interface ChangeReportStatusRequest {
  status: ReportStatus;
}

/** POST /api/admin/reports/:id/notes (internal, never emailed) → 201 TriageReportDetail. */
export interface AddReportNoteRequest {
  text: string;
}

/** POST /api/admin/reports/:id/replies (emailed to the reporter) → 201 TriageReportDetail. */
export interface ReplyToReportRequest {
  text: string;
}

/**
 * POST /api/admin/documents/:id/reissue (support, administrators) → 201 DocumentDetail of the new
 * version. Only a valid document can be reissued; the old one becomes superseded and keeps its
 * verification code (its page then says it was superseded). Fields left out keep their values.
 */
export interface ReissueDocumentRequest {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  qualificationCode?: string;
  qualificationTitle?: string;
  documentType?: DocumentType;
  grade?: string | null;
  awardDate?: string;
  units?: DocumentUnit[];
  /** what was wrong, for the audit log and the report history (1-500 characters) */
  reason: string;
  /** the report this correction answers; it gets a history entry */
  reportId?: number;
}

/** POST /api/admin/documents/:id/revoke → 200 DocumentDetail. */
export interface RevokeDocumentRequest {
  /** 1-500 characters; shown on the verification page as "revoked" with the date, not the reason */
  reason: string;
  reportId?: number;
}

export type JobPage = Page<JobSummary>;
