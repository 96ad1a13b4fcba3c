import { DocumentStatus, DocumentType } from './documents';
import { Page } from './paging';

/*
 * Smart Verify: the public verification of a document by its code (QR or typed) or by its PDF.
 * The page is `${PUBLIC_URL}/verify/<code>` (VERIFY_PATH in documents.ts); no sign-in.
 */

/** How a verification reached us. */
export const VERIFICATION_METHODS = ['qr', 'code', 'upload'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/**
 * GET /api/verify/:code?via=qr|code (public, rate limited per address) → 200 VerificationResult.
 * An unknown code and a malformed one get the same 404 body.
 */
export interface VerificationResult {
  status: DocumentStatus;
  /** ISO time the document was revoked, when it was */
  revokedAt: string | null;
  /** when superseded: the verification code of the current version (its page says the rest) */
  currentVersionCode: string | null;
  learnerName: string;
  qualification: { code: string; title: string };
  type: DocumentType;
  grade: string | null;
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  awardDate: string;
  centre: { number: string; name: string };
  documentNumber: string;
  /** ISO time */
  issuedAt: string;
  /** the document may be shown on the page: GET /api/verify/:code/document gives the PDF */
  displayEnabled: boolean;
}

/** POST /api/verify/pdf (public, multipart field "file" or raw application/pdf body, up to 10 MiB) → 200 PdfCheckResult. */
/**
 * What an uploaded file is: `genuine`, byte for byte a document that was issued; `centre-copy`,
 * byte for byte the centre copy of one (the copy centre staff view and download, stamped "Centre
 * copy — not valid for verification"): it tells whose document it is, but it is not the document;
 * `not-issued`, neither.
 */
export const PDF_CHECK_KINDS = ['genuine', 'centre-copy', 'not-issued'] as const;
export type PdfCheckKind = (typeof PDF_CHECK_KINDS)[number];

export interface PdfCheckResult {
  kind: PdfCheckKind;
  /** true when the file is, byte for byte, a document that was issued (kind genuine); a centre copy is not */
  genuine: boolean;
  /** the document's facts and live status: of the document itself when genuine, of the document it is a copy of when a centre copy; else null */
  document: VerificationResult | null;
  /** the SHA-256 of the uploaded file, hex */
  sha256: string;
}

/** A row of a verification log: GET /api/admin/verifications?documentId=&cursor= (administrators) → Page<VerificationLogEntry>. */
export interface VerificationLogEntry {
  id: number;
  at: string;
  method: VerificationMethod;
  /** coarse: the browser family and platform, and the client address truncated (/24 IPv4, /48 IPv6) */
  client: string;
  /** how many identical verifications (same document, way and client) this row stands for, within one second */
  hits: number;
  document: { id: number; documentNumber: string; learnerName: string } | null;
}

export type VerificationLogPage = Page<VerificationLogEntry>;

/** PATCH /api/admin/qualifications/:id/display (administrators) → 204: the default for documents of the qualification. */
export interface QualificationDisplayRequest {
  displayOnVerify: boolean;
}

/** PATCH /api/admin/documents/:id/display (administrators) → 204: null follows the qualification's setting. */
export interface DocumentDisplayRequest {
  displayOnVerify: boolean | null;
}

/** A row of GET /api/admin/qualifications?q=&cursor= (administrators) → Page<QualificationSummary>, ordered by code. */
export interface QualificationSummary {
  id: number;
  code: string;
  title: string;
  /** the document is shown on its verification page unless a document overrides it */
  displayOnVerify: boolean;
}
