import { DocumentType, DocumentUnit } from '@achievement/contracts';

/** What a certificate prints: everything comes from the document, its learner, qualification and centre. */
export interface CertificateContent {
  type: DocumentType;
  documentNumber: string;
  /** "First Last" as printed */
  learnerName: string;
  enrolmentNumber: string;
  qualificationCode: string;
  qualificationTitle: string;
  grade: string | null;
  /** YYYY-MM-DD */
  awardDate: string;
  units: DocumentUnit[];
  centreName: string;
  centreNumber: string;
  /** version 2 and later are corrected reissues; the certificate says so */
  version: number;
  /** `${PUBLIC_URL}/verify/<verificationCode>`: what the QR code encodes */
  verificationUrl: string;
}
