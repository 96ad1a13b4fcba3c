import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AcceptConnectionRequest,
  AcceptedResponse,
  AddConnectionRequest,
  ConnectionRequestInput,
  ConnectionView,
  InvitationSummary,
  LearnerConnection,
  LearnerDocument,
  LearnerRegistrationRequest,
  LearnerVerificationEntry,
  ThirdPartyConnection,
  ThirdPartyRegistrationRequest,
  UpdateConnectionRequest,
  AccountFactors,
  ChangePasswordRequest,
  FactorAdded,
  RecoveryCodeSet,
  TotpEnrolmentStart,
  DocumentDetail,
  DownloadPage,
  DownloadSummary,
  ForgotPasswordRequest,
  JobPage,
  JobSummary,
  MessageResponse,
  NotifyLearnersRequest,
  NotifyLearnersResponse,
  Page,
  PdfCheckResult,
  Profile,
  RecordCount,
  RecordFilter,
  RecordPage,
  RecordQuery,
  RegisterRequest,
  ReportIssueRequest,
  ReportStatus,
  ReportSummary,
  RequestDownloadRequest,
  ResendVerificationRequest,
  ResetPasswordRequest,
  SessionResponse,
  SignInRequest,
  SupportContacts,
  UpdateProfileRequest,
  VerificationMethod,
  VerificationResult,
  VerifyEmailRequest,
  VerifyEmailResponse,
} from '@achievement/contracts';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { Observable } from 'rxjs';

/** The portal shell's typed client of the API (types from @achievement/contracts). */
@Injectable({ providedIn: 'root' })
export class PortalApiClient {
  private readonly http = inject(HttpClient);

  /** How to contact the awarding body (the Support page; public). */
  getSupportContacts(): Observable<SupportContacts> {
    return this.http.get<SupportContacts>('/api/support');
  }

  /** Who is signed in (user null when nobody is); also hands out the XSRF-TOKEN cookie. */
  getSession(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>('/api/auth/session');
  }

  signIn(credentials: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>('/api/auth/sign-in', credentials);
  }

  signOut(): Observable<void> {
    return this.http.post<void>('/api/auth/sign-out', null);
  }

  /** The second step of sign-in, and step-up: an authenticator app's code. */
  giveTotp(code: string): Observable<SessionResponse> {
    return this.http.post<SessionResponse>('/api/auth/second-factor/totp', { code });
  }

  giveRecoveryCode(code: string): Observable<SessionResponse> {
    return this.http.post<SessionResponse>('/api/auth/second-factor/recovery-code', { code });
  }

  passkeySignInOptions(): Observable<PublicKeyCredentialRequestOptionsJSON> {
    return this.http.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/second-factor/passkey/options', {});
  }

  givePasskey(response: AuthenticationResponseJSON): Observable<SessionResponse> {
    return this.http.post<SessionResponse>('/api/auth/second-factor/passkey', { response });
  }

  /** One's own second factors (reachable while enrolling too). */
  getFactors(): Observable<AccountFactors> {
    return this.http.get<AccountFactors>('/api/account/factors');
  }

  startTotp(): Observable<TotpEnrolmentStart> {
    return this.http.post<TotpEnrolmentStart>('/api/account/factors/totp', {});
  }

  confirmTotp(code: string): Observable<FactorAdded> {
    return this.http.post<FactorAdded>('/api/account/factors/totp/confirm', { code });
  }

  passkeyRegistrationOptions(): Observable<PublicKeyCredentialCreationOptionsJSON> {
    return this.http.post<PublicKeyCredentialCreationOptionsJSON>('/api/account/factors/passkeys/options', {});
  }

  registerPasskey(name: string, response: RegistrationResponseJSON): Observable<FactorAdded> {
    return this.http.post<FactorAdded>('/api/account/factors/passkeys', { name, response });
  }

  removeTotp(): Observable<AccountFactors> {
    return this.http.delete<AccountFactors>('/api/account/factors/totp');
  }

  removePasskey(id: number): Observable<AccountFactors> {
    return this.http.delete<AccountFactors>(`/api/account/factors/passkeys/${id}`);
  }

  replaceRecoveryCodes(): Observable<RecoveryCodeSet> {
    return this.http.post<RecoveryCodeSet>('/api/account/factors/recovery-codes', {});
  }

  /** Ends every session of the user, this one included (204). */
  signOutEverywhere(): Observable<void> {
    return this.http.post<void>('/api/auth/sign-out-everywhere', null);
  }

  /** Registration of centre staff: always 202 with the same answer. */
  register(request: RegisterRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/registrations', request);
  }

  /** Follows the link of the verification email; 400 when the link is not valid, used or expired. */
  verifyEmail(request: VerifyEmailRequest): Observable<VerifyEmailResponse> {
    return this.http.post<VerifyEmailResponse>('/api/registrations/verify', request);
  }

  /** A new verification link: always 202 with the same answer. */
  resendVerification(request: ResendVerificationRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/registrations/resend', request);
  }

  /** A password reset link: always 202 with the same answer. */
  forgotPassword(request: ForgotPasswordRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/auth/forgot-password', request);
  }

  /** Sets a new password with the token of the reset link; every session of the user ends. */
  resetPassword(request: ResetPasswordRequest): Observable<MessageResponse> {
    return this.http.post<MessageResponse>('/api/auth/reset-password', request);
  }

  /** 204; every other session of the user ends. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/change-password', request);
  }

  getProfile(): Observable<Profile> {
    return this.http.get<Profile>('/api/profile');
  }

  updateProfile(changes: UpdateProfileRequest): Observable<Profile> {
    return this.http.patch<Profile>('/api/profile', changes);
  }

  /* ---------- Jobs Issued, Records, the viewer and reports (centre staff) ---------- */

  /** The centre's jobs, newest first (keyset: pass nextCursor back as cursor). */
  listJobs(query: { cursor?: string | null; limit?: number } = {}): Observable<JobPage> {
    return this.http.get<JobPage>('/api/jobs', { params: params(query) });
  }

  getJob(jobId: number): Observable<JobSummary> {
    return this.http.get<JobSummary>(`/api/jobs/${id(jobId)}`);
  }

  /** One page of the centre's records matching the filter, in the sort order. */
  listRecords(query: RecordQuery): Observable<RecordPage> {
    return this.http.get<RecordPage>('/api/records', { params: params(query) });
  }

  /** How many records match the filter ("N records", "Select all N matching"). */
  countRecords(filter: RecordFilter): Observable<RecordCount> {
    return this.http.get<RecordCount>('/api/records/count', { params: params(filter) });
  }

  /** Emails the learners of the selection; 409 RecentNoticeErrorBody until confirmRecent is true when some were told lately. */
  notifyLearners(request: NotifyLearnersRequest): Observable<NotifyLearnersResponse> {
    return this.http.post<NotifyLearnersResponse>('/api/records/notify', request);
  }

  getDocument(documentId: number): Observable<DocumentDetail> {
    return this.http.get<DocumentDetail>(`/api/documents/${id(documentId)}`);
  }

  /** The address of the stamped centre copy (application/pdf, inline; 409 while it is being prepared), for a frame or a link. */
  documentViewUrl(documentId: number): string {
    return `/api/documents/${id(documentId)}/view`;
  }

  /** Reports an issue on a document to the Centre Services team (201 ReportSummary). */
  reportIssue(documentId: number, request: ReportIssueRequest): Observable<ReportSummary> {
    return this.http.post<ReportSummary>(`/api/documents/${id(documentId)}/reports`, request);
  }

  /** The centre's reports, newest first. */
  listReports(query: { status?: ReportStatus | null; cursor?: string | null; limit?: number } = {}): Observable<Page<ReportSummary>> {
    return this.http.get<Page<ReportSummary>>('/api/reports', { params: params(query) });
  }

  /* ---------- Downloads (centre staff): zips of documents, built in the background ---------- */

  /** Asks for a zip of a Records selection or of every document of a job (201; 400 beyond MAX_DOWNLOAD_DOCUMENTS, 429 beyond MAX_DOWNLOADS_IN_FLIGHT). */
  requestDownload(request: RequestDownloadRequest): Observable<DownloadSummary> {
    return this.http.post<DownloadSummary>('/api/downloads', request);
  }

  /** The centre's download requests, newest first (keyset: pass nextCursor back as cursor; the API sets the page size). */
  listDownloads(query: { cursor?: string | null } = {}): Observable<DownloadPage> {
    return this.http.get<DownloadPage>('/api/downloads', { params: params(query) });
  }

  getDownload(downloadId: number): Observable<DownloadSummary> {
    return this.http.get<DownloadSummary>(`/api/downloads/${id(downloadId)}`);
  }

  /** The address of a ready zip (application/zip, attachment), for a plain link the browser streams. */
  downloadFileUrl(downloadId: number): string {
    return `/api/downloads/${id(downloadId)}/file`;
  }

  /* ---------- Smart Verify: the public verification of a document (no sign-in) ---------- */

  /** The document of a verification code and its live status; 404 for an unknown or malformed code, 429 when throttled. */
  verify(code: string, via: Exclude<VerificationMethod, 'upload'>): Observable<VerificationResult> {
    return this.http.get<VerificationResult>(`/api/verify/${encodeURIComponent(code)}`, { params: params({ via }) });
  }

  /** The address of the document's PDF when its verification page may show it (displayEnabled), for a frame or a link. */
  verifiedDocumentUrl(code: string): string {
    return `/api/verify/${encodeURIComponent(code)}/document`;
  }

  /** Whether a PDF file is, byte for byte, a document that was issued (the file itself as an application/pdf body, up to 10 MiB). */
  checkPdf(file: Blob): Observable<PdfCheckResult> {
    return this.http.post<PdfCheckResult>('/api/verify/pdf', file, { headers: { 'Content-Type': 'application/pdf' } });
  }

  /* ---------- Learners and third parties: registration, invitations, connections ---------- */

  /** Registration of a learner by enrolment number and date of birth: always 202 with the same answer. */
  registerLearner(request: LearnerRegistrationRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/learners/register', request);
  }

  /** Registration of a third party (an employer or other body): always 202. */
  registerThirdParty(request: ThirdPartyRegistrationRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/third-parties/register', request);
  }

  /** What a learner's invitation shares (public); 404 when unknown, used or expired. */
  getInvitation(token: string): Observable<InvitationSummary> {
    return this.http.get<InvitationSummary>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  /** The signed-in third party accepts an invitation sent to their address. */
  acceptInvitation(token: string): Observable<ThirdPartyConnection> {
    return this.http.post<ThirdPartyConnection>(`/api/third-party/invitations/${encodeURIComponent(token)}/accept`, null);
  }

  /** The signed-in learner's own documents. */
  listLearnerDocuments(): Observable<LearnerDocument[]> {
    return this.http.get<LearnerDocument[]>('/api/learner/documents');
  }

  /** The address of the learner's own PDF: inline, or as an attachment with download. */
  learnerDocumentFileUrl(documentId: number, download = false): string {
    return `/api/learner/documents/${id(documentId)}/file${download ? '?download=1' : ''}`;
  }

  /** Who checked the learner's documents on Smart Verify. */
  listLearnerVerifications(): Observable<LearnerVerificationEntry[]> {
    return this.http.get<LearnerVerificationEntry[]>('/api/learner/verifications');
  }

  /** The learner's connections: pending requests first, then the rest, newest first. */
  listLearnerConnections(): Observable<LearnerConnection[]> {
    return this.http.get<LearnerConnection[]>('/api/learner/connections');
  }

  /** Shares documents with a third party, who is emailed a link (201). */
  addConnection(request: AddConnectionRequest): Observable<LearnerConnection> {
    return this.http.post<LearnerConnection>('/api/learner/connections', request);
  }

  /** Changes the documents of an active connection and/or how long it lasts. */
  updateConnection(connectionId: number, request: UpdateConnectionRequest): Observable<LearnerConnection> {
    return this.http.patch<LearnerConnection>(`/api/learner/connections/${id(connectionId)}`, request);
  }

  /** Accepts a third party's request, sharing the chosen documents. */
  acceptConnection(connectionId: number, request: AcceptConnectionRequest): Observable<LearnerConnection> {
    return this.http.post<LearnerConnection>(`/api/learner/connections/${id(connectionId)}/accept`, request);
  }

  /** Declines a third party's request. */
  declineConnection(connectionId: number): Observable<LearnerConnection> {
    return this.http.post<LearnerConnection>(`/api/learner/connections/${id(connectionId)}/decline`, null);
  }

  /** Ends the access of a connection now. */
  endConnection(connectionId: number): Observable<LearnerConnection> {
    return this.http.post<LearnerConnection>(`/api/learner/connections/${id(connectionId)}/end`, null);
  }

  /** What the third party of a connection viewed, newest first. */
  listConnectionViews(connectionId: number): Observable<ConnectionView[]> {
    return this.http.get<ConnectionView[]>(`/api/learner/connections/${id(connectionId)}/views`);
  }

  /** A third party asks a learner for access: always 202 with the same answer. */
  requestConnection(request: ConnectionRequestInput): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/third-party/requests', request);
  }

  /** The third party's connections (only active ones carry documents). */
  listThirdPartyConnections(): Observable<ThirdPartyConnection[]> {
    return this.http.get<ThirdPartyConnection[]>('/api/third-party/connections');
  }

  /** The address of a shared PDF (inline; each view is logged). */
  sharedDocumentFileUrl(connectionId: number, documentId: number): string {
    return `/api/third-party/connections/${id(connectionId)}/documents/${id(documentId)}/file`;
  }
}

/** Query parameters of the set values (null, undefined and empty strings are left out). */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

const id = (value: number) => encodeURIComponent(value);
