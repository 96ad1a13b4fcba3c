import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AddReportNoteRequest,
  AdminJobDetail,
  AdminJobDocument,
  AdminJobSummary,
  AdminUserSummary,
  ApproveRegistrationRequest,
  CentreContact,
  CentreDetail,
  CentreSummary,
  ChangeReportStatusRequest,
  CreateCentreRequest,
  CreateContactRequest,
  DocumentDetail,
  EmailDetail,
  EmailStatus,
  EmailSummary,
  ImportContactsRequest,
  ImportContactsResponse,
  IssueJobCsvRequest,
  JobStatus,
  Page,
  QualificationDisplayRequest,
  QualificationSummary,
  RegistrationDetail,
  RegistrationStatus,
  RegistrationSummary,
  RejectRegistrationRequest,
  ReissueDocumentRequest,
  ReplyToReportRequest,
  ReportReason,
  ReportStatus,
  RevokeDocumentRequest,
  Role,
  SendTestEmailRequest,
  SessionResponse,
  TriageReportDetail,
  TriageReportSummary,
  UpdateCentreRequest,
  UpdateContactRequest,
  UserStatus,
  VerificationLogPage,
} from '@achievement/contracts';
import { Observable } from 'rxjs';

/** Keyset paging of every list: nextCursor of the previous page, and the page size. */
export interface PageQuery {
  /** nextCursor of the previous page. */
  cursor?: string | null;
  limit?: number;
}

/** A query of the Email log: one page, newest first, optionally of one status. */
export interface EmailLogQuery extends PageQuery {
  status?: EmailStatus | null;
}

/** A page of the registrations of one status (the API's default: awaiting_review). */
export interface RegistrationQuery extends PageQuery {
  status?: RegistrationStatus | null;
}

/** A page of centres, ordered by number; q: part of the name, or the start of the number. */
export interface CentreQuery extends PageQuery {
  q?: string | null;
}

/** A page of accounts, newest first; q: the start of the email, or part of the name. */
export interface UserQuery extends PageQuery {
  role?: Role | null;
  status?: UserStatus | null;
  q?: string | null;
}

/** A page of jobs, newest first, optionally of one centre and one status. */
export interface JobQuery extends PageQuery {
  centreId?: number | null;
  status?: JobStatus | null;
}

/**
 * A page of the triage queue, oldest first. Without a status the API lists the open reports
 * (new, in progress, awaiting centre); olderThanDays: reported more than that many days ago.
 */
export interface TriageReportQuery extends PageQuery {
  status?: ReportStatus | null;
  reason?: ReportReason | null;
  centreId?: number | null;
  olderThanDays?: number | null;
  /** Only the reports assigned to the caller (sent only when true). */
  assignedToMe?: boolean | null;
}

/** A page of the verification log, newest first, optionally of one document. */
export interface VerificationLogQuery extends PageQuery {
  documentId?: number | null;
}

/** A page of qualifications, ordered by code; q: the start of the code, or part of the title. */
export interface QualificationQuery extends PageQuery {
  q?: string | null;
}

/** Query parameters of the set values only (false counts as not set: a flag is sent only when true). */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '' && value !== false) {
      result = result.set(key, String(value));
    }
  }
  return result;
}

const id = (value: number) => encodeURIComponent(value);

/**
 * The admin app's typed client of the API (types from @achievement/contracts). Loaded into the
 * portal it uses the portal's HttpClient (XSRF header, 401 handling); run alone, its own.
 */
@Injectable({ providedIn: 'root' })
export class AdminApiClient {
  private readonly http = inject(HttpClient);

  /** Who is signed in, to offer only what the role may do (the API still decides). */
  getSession(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>('/api/auth/session');
  }

  /* ---------- Email log ---------- */

  listEmails(query: EmailLogQuery = {}): Observable<Page<EmailSummary>> {
    return this.http.get<Page<EmailSummary>>('/api/admin/emails', { params: params(query) });
  }

  getEmail(emailId: number): Observable<EmailDetail> {
    return this.http.get<EmailDetail>(`/api/admin/emails/${id(emailId)}`);
  }

  /** Queues the test message to one address; answers 202 with the new outbox email's id. */
  sendTestEmail(request: SendTestEmailRequest): Observable<{ id: number }> {
    return this.http.post<{ id: number }>('/api/admin/emails/test', request);
  }

  /* ---------- review queue ---------- */

  listRegistrations(query: RegistrationQuery = {}): Observable<Page<RegistrationSummary>> {
    return this.http.get<Page<RegistrationSummary>>('/api/admin/registrations', { params: params(query) });
  }

  /** The registration beside the closest held contact records. */
  getRegistration(registrationId: number): Observable<RegistrationDetail> {
    return this.http.get<RegistrationDetail>(`/api/admin/registrations/${id(registrationId)}`);
  }

  approveRegistration(registrationId: number, request: ApproveRegistrationRequest): Observable<RegistrationSummary> {
    return this.http.post<RegistrationSummary>(`/api/admin/registrations/${id(registrationId)}/approve`, request);
  }

  rejectRegistration(registrationId: number, request: RejectRegistrationRequest): Observable<RegistrationSummary> {
    return this.http.post<RegistrationSummary>(`/api/admin/registrations/${id(registrationId)}/reject`, request);
  }

  /* ---------- centres and their contact records ---------- */

  listCentres(query: CentreQuery = {}): Observable<Page<CentreSummary>> {
    return this.http.get<Page<CentreSummary>>('/api/admin/centres', { params: params(query) });
  }

  getCentre(centreId: number): Observable<CentreDetail> {
    return this.http.get<CentreDetail>(`/api/admin/centres/${id(centreId)}`);
  }

  /** 201; 409 when another centre has the number. */
  createCentre(request: CreateCentreRequest): Observable<CentreDetail> {
    return this.http.post<CentreDetail>('/api/admin/centres', request);
  }

  updateCentre(centreId: number, changes: UpdateCentreRequest): Observable<CentreDetail> {
    return this.http.patch<CentreDetail>(`/api/admin/centres/${id(centreId)}`, changes);
  }

  listContacts(centreId: number, query: PageQuery = {}): Observable<Page<CentreContact>> {
    return this.http.get<Page<CentreContact>>(`/api/admin/centres/${id(centreId)}/contacts`, { params: params(query) });
  }

  /** 201; 409 when the centre already has a contact with the email. */
  createContact(centreId: number, request: CreateContactRequest): Observable<CentreContact> {
    return this.http.post<CentreContact>(`/api/admin/centres/${id(centreId)}/contacts`, request);
  }

  updateContact(centreId: number, contactId: number, changes: UpdateContactRequest): Observable<CentreContact> {
    return this.http.patch<CentreContact>(`/api/admin/centres/${id(centreId)}/contacts/${id(contactId)}`, changes);
  }

  deleteContact(centreId: number, contactId: number): Observable<void> {
    return this.http.delete<void>(`/api/admin/centres/${id(centreId)}/contacts/${id(contactId)}`);
  }

  /** All rows or none: a 400 carries rowErrors (ImportContactsErrorBody). */
  importContacts(request: ImportContactsRequest): Observable<ImportContactsResponse> {
    return this.http.post<ImportContactsResponse>('/api/admin/centres/contacts/import', request);
  }

  /* ---------- accounts ---------- */

  listUsers(query: UserQuery = {}): Observable<Page<AdminUserSummary>> {
    return this.http.get<Page<AdminUserSummary>>('/api/admin/users', { params: params(query) });
  }

  /** Deregistration: sessions end, personal details are erased, the audit trail stays (204). */
  deleteUser(userId: number): Observable<void> {
    return this.http.delete<void>(`/api/admin/users/${id(userId)}`);
  }

  /** Removes every second factor of another account (204); asks for one's own factor again first (step-up). */
  resetUserFactors(userId: number): Observable<void> {
    return this.http.post<void>(`/api/admin/users/${id(userId)}/factors/reset`, null);
  }

  /* ---------- jobs (administrators) ---------- */

  listJobs(query: JobQuery = {}): Observable<Page<AdminJobSummary>> {
    return this.http.get<Page<AdminJobSummary>>('/api/admin/jobs', { params: params(query) });
  }

  /** The job with its rendering progress, failure reason and when the centre was told. */
  getJob(jobId: number): Observable<AdminJobDetail> {
    return this.http.get<AdminJobDetail>(`/api/admin/jobs/${id(jobId)}`);
  }

  /** The job's documents in the order they were issued, with their status and whether each is rendered. */
  listJobDocuments(jobId: number, cursor: string | null, limit: number): Observable<Page<AdminJobDocument>> {
    return this.http.get<Page<AdminJobDocument>>(`/api/admin/jobs/${id(jobId)}/documents`, { params: params({ cursor, limit }) });
  }

  /** 201 with the queued job. All rows or none: a 400 carries rowErrors by line of the file (IssueJobErrorBody). */
  issueJobCsv(request: IssueJobCsvRequest): Observable<AdminJobDetail> {
    return this.http.post<AdminJobDetail>('/api/admin/jobs/csv', request);
  }

  /* ---------- reported issues: triage (support staff and administrators) ---------- */

  listReports(query: TriageReportQuery = {}): Observable<Page<TriageReportSummary>> {
    return this.http.get<Page<TriageReportSummary>>('/api/admin/reports', { params: params(query) });
  }

  /** The report, its document and its history. */
  getReport(reportId: number): Observable<TriageReportDetail> {
    return this.http.get<TriageReportDetail>(`/api/admin/reports/${id(reportId)}`);
  }

  /** Assigns the report to the caller. */
  assignReportToMe(reportId: number): Observable<TriageReportDetail> {
    return this.http.post<TriageReportDetail>(`/api/admin/reports/${id(reportId)}/assign`, {});
  }

  changeReportStatus(reportId: number, request: ChangeReportStatusRequest): Observable<TriageReportDetail> {
    return this.http.post<TriageReportDetail>(`/api/admin/reports/${id(reportId)}/status`, request);
  }

  /** An internal note: never emailed. */
  addReportNote(reportId: number, request: AddReportNoteRequest): Observable<TriageReportDetail> {
    return this.http.post<TriageReportDetail>(`/api/admin/reports/${id(reportId)}/notes`, request);
  }

  /** A reply, emailed to the person who reported the issue. */
  replyToReport(reportId: number, request: ReplyToReportRequest): Observable<TriageReportDetail> {
    return this.http.post<TriageReportDetail>(`/api/admin/reports/${id(reportId)}/replies`, request);
  }

  /* ---------- corrections of documents (support staff and administrators) ---------- */

  /** 201 with the new version; the document reissued becomes superseded. */
  reissueDocument(documentId: number, request: ReissueDocumentRequest): Observable<DocumentDetail> {
    return this.http.post<DocumentDetail>(`/api/admin/documents/${id(documentId)}/reissue`, request);
  }

  revokeDocument(documentId: number, request: RevokeDocumentRequest): Observable<DocumentDetail> {
    return this.http.post<DocumentDetail>(`/api/admin/documents/${id(documentId)}/revoke`, request);
  }

  /* ---------- Smart Verify: the verification log and what the verification page shows (administrators) ---------- */

  listVerifications(query: VerificationLogQuery = {}): Observable<VerificationLogPage> {
    return this.http.get<VerificationLogPage>('/api/admin/verifications', { params: params(query) });
  }

  listQualifications(query: QualificationQuery = {}): Observable<Page<QualificationSummary>> {
    return this.http.get<Page<QualificationSummary>>('/api/admin/qualifications', { params: params(query) });
  }

  /** Whether documents of the qualification are shown on their verification page, unless a document overrides it (204). */
  setQualificationDisplay(qualificationId: number, request: QualificationDisplayRequest): Observable<void> {
    return this.http.patch<void>(`/api/admin/qualifications/${id(qualificationId)}/display`, request);
  }

  /** The address of the document's PDF, stamped as a centre copy (opened in a new tab, not fetched). */
  documentViewUrl(documentId: number): string {
    return `/api/documents/${id(documentId)}/view`;
  }
}
