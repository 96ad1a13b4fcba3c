import { DocumentStatus, DocumentType } from '@achievement/contracts';

/** What the public verification of a document may know about it (no learner DOB, email or internal ids beyond the document's own). */
export interface VerifiableDocument {
  /** internal id: for the verification log and the PDF, never shown publicly */
  id: number;
  verificationCode: string;
  status: DocumentStatus;
  revokedAt: Date | null;
  /** when superseded: the verification code of the current version (the end of the chain of reissues) */
  currentVersionCode: string | null;
  learnerName: string;
  qualificationCode: string;
  qualificationTitle: string;
  type: DocumentType;
  grade: string | null;
  /** YYYY-MM-DD */
  awardDate: string;
  centreNumber: string;
  centreName: string;
  documentNumber: string;
  issuedAt: Date;
  /** the document's own setting, else its qualification's */
  displayOnVerify: boolean;
  /** the PDF has been rendered and stored */
  rendered: boolean;
}

/** A document as the verification log names it (administrators). */
export interface VerifiableDocumentSummary {
  id: number;
  documentNumber: string;
  learnerName: string;
}
