import { DocumentStatus, DocumentType } from './documents';

/*
 * Learners and third parties: learner accounts and their documents, connections (a learner shares
 * chosen documents with a third party until a date), connection requests from third parties, and
 * the log of what third parties viewed. Paths are under /api.
 *
 * Public:
 *   POST /api/learners/register          LearnerRegistrationRequest → 202 { message } (the same answer whatever matched)
 *   POST /api/third-parties/register     ThirdPartyRegistrationRequest → 202 { message }
 *   (both verify the address with the Identity issue's link: POST /api/registrations/verify { token })
 *   GET  /api/invitations/:token         → InvitationSummary (404 when unknown, used or expired)
 *
 * Learner (role learner):
 *   GET  /api/learner/documents                  → LearnerDocument[]
 *   GET  /api/learner/documents/:id/file         → the learner's own PDF (unstamped), inline; ?download=1 as attachment
 *   GET  /api/learner/verifications              → LearnerVerificationEntry[] (who checked their documents on Smart Verify)
 *   GET  /api/learner/connections                → LearnerConnection[] (pending requests first, then the rest, newest first)
 *   POST /api/learner/connections                AddConnectionRequest → 201 LearnerConnection (the third party is emailed a link)
 *   PATCH /api/learner/connections/:id           UpdateConnectionRequest → 200 LearnerConnection (documents, extend)
 *   POST /api/learner/connections/:id/accept     AcceptConnectionRequest → 200 LearnerConnection (a pending request)
 *   POST /api/learner/connections/:id/decline    → 200 LearnerConnection (a pending request)
 *   POST /api/learner/connections/:id/end        → 200 LearnerConnection (access ends now)
 *   GET  /api/learner/connections/:id/views      → ConnectionView[] (newest first)
 *
 * Third party (role third_party):
 *   POST /api/third-party/invitations/:token/accept → 200 ThirdPartyConnection (the signed-in third party's
 *        email must be the one the invitation was sent to)
 *   POST /api/third-party/requests               ConnectionRequestInput → 202 { message } (the same answer whether or not
 *        such a learner exists)
 *   GET  /api/third-party/connections            → ThirdPartyConnection[] (only active ones show documents)
 *   GET  /api/third-party/connections/:id/documents/:documentId/file → the shared PDF, inline (each view logged)
 */

export const ACCESS_PERIODS = ['week', 'month', 'three_months', 'six_months', 'year', 'date'] as const;
export type AccessPeriod = (typeof ACCESS_PERIODS)[number];
export const ACCESS_PERIOD_LABELS: Record<AccessPeriod, string> = {
  week: 'A week',
  month: 'A month',
  three_months: 'Three months',
  six_months: 'Six months',
  year: 'A year',
  date: 'Until a date',
};
/** The latest date a connection may run to, from today. */
export const MAX_ACCESS_DAYS = 366 * 2;

export interface LearnerRegistrationRequest {
  /** as printed on the learner's documents */
  enrolmentNumber: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  email: string;
  password: string;
}

export interface ThirdPartyRegistrationRequest {
  firstName: string;
  lastName: string;
  /** the employer or body they act for (optional) */
  organisation?: string;
  email: string;
  password: string;
}

/** How long a connection lasts: a period from now, or until a date (YYYY-MM-DD, the end of that day, UTC). */
export interface AccessLength {
  period: AccessPeriod;
  /** required when period is "date": a day after today and within MAX_ACCESS_DAYS */
  until?: string;
}

/** What a learner and the third parties they share with both see of a document. */
export interface DocumentFacts {
  id: number;
  documentNumber: string;
  type: DocumentType;
  qualification: { code: string; title: string };
  grade: string | null;
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  awardDate: string;
  issuedAt: string;
  centreName: string;
  /** live */
  status: DocumentStatus;
  /** the Smart Verify code printed under the QR code */
  verificationCode: string;
}

/** One of the learner's documents on their dashboard. */
export interface LearnerDocument extends DocumentFacts {
  /** when superseded: the id of the current version */
  currentVersionId: number | null;
  /** the PDF exists (rendering finished) */
  available: boolean;
}

export interface LearnerVerificationEntry {
  at: string;
  documentId: number;
  documentNumber: string;
  method: 'qr' | 'code' | 'upload';
  /** coarse: browser family, platform, network */
  client: string;
  /** identical checks within one second are one entry */
  hits: number;
}

export const CONNECTION_STATUSES = ['pending', 'active', 'declined', 'ended', 'expired'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
  expired: 'Expired',
};

/** A connection as the learner manages it. */
export interface LearnerConnection {
  id: number;
  /** who asked: the learner (an invitation) or the third party (a request) */
  origin: 'learner' | 'third_party';
  status: ConnectionStatus;
  thirdParty: { name: string; email: string; organisation: string | null };
  /** the third party has an account and is linked to this connection */
  thirdPartyJoined: boolean;
  /** the third party's message with a request */
  message: string | null;
  documentIds: number[];
  /** when access ends (ISO); null while pending */
  accessEndsAt: string | null;
  createdAt: string;
  /** when it was accepted, declined, ended or expired */
  decidedAt: string | null;
  /** how many times the third party has viewed a shared document */
  viewCount: number;
}

export interface AddConnectionRequest extends AccessLength {
  /** the third party's name, 1-100 characters */
  name: string;
  email: string;
  /** at least one of the learner's own documents */
  documentIds: number[];
}

/** Change the shared documents and/or extend (or shorten) the access of an active connection. */
export interface UpdateConnectionRequest {
  documentIds?: number[];
  access?: AccessLength;
}

export interface AcceptConnectionRequest extends AccessLength {
  documentIds: number[];
}

export interface ConnectionView {
  at: string;
  documentId: number;
  documentNumber: string;
}

export interface InvitationSummary {
  learnerName: string;
  /** the address the invitation was sent to (the third party must sign in or register with it) */
  email: string;
  accessEndsAt: string | null;
  documentCount: number;
}

/** A third party asks a learner for access: by the learner's email, or by enrolment number and date of birth. */
export interface ConnectionRequestInput {
  learnerEmail?: string;
  enrolmentNumber?: string;
  dateOfBirth?: string;
  /** shown to the learner, up to 500 characters */
  message?: string;
}

/** A shared document as a third party sees it: the facts and the live verification status. */
export interface SharedDocument extends DocumentFacts {
  revokedAt: string | null;
  /** whether its PDF can be opened (valid and rendered) */
  viewable: boolean;
}

export interface ThirdPartyConnection {
  id: number;
  /**
   * the learner's name once they have shared with you (an invitation, or your request accepted);
   * null until then: a request shows only what you typed, whether or not such a learner exists
   */
  learnerName: string | null;
  /** what you typed when you asked (the learner's email, or the enrolment number); null for an invitation */
  requestedAs: string | null;
  status: ConnectionStatus;
  accessEndsAt: string | null;
  createdAt: string;
  /** empty unless the connection is active and not past its end */
  documents: SharedDocument[];
}
