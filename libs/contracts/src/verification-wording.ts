import { bodyDayText } from './body-time-zone';
import { calendarDateText } from './calendar-date';
import { DOCUMENT_TYPE_LABELS, DocumentStatus } from './documents';
import { VerificationResult } from './verification';

/*
 * What a verification says, in one place: the page a QR code opens is written by the server
 * (libs/verification), and the portal's Check a PDF shows the same status and facts.
 */

/** The large status of a verified document: its title and the sentence under it. */
export function verificationStatusWords(result: Pick<VerificationResult, 'status' | 'revokedAt'>): { title: string; text: string } {
  const words: Record<DocumentStatus, { title: string; text: string }> = {
    valid: { title: 'Valid', text: 'The awarding body issued this document, and it is current.' },
    revoked: {
      title: result.revokedAt ? `Revoked on ${bodyDayText(result.revokedAt, 'long')}` : 'Revoked',
      text: 'The awarding body withdrew this document. It must not be relied on.',
    },
    superseded: { title: 'Superseded', text: 'A corrected version of this document was issued and replaces it.' },
  };
  return words[result.status];
}

/** One of the key facts: a term, its detail, and the machine-readable date when it is one. */
export interface VerificationFact {
  term: string;
  detail: string;
  /** YYYY-MM-DD, for a <time datetime> */
  date?: string;
}

/** The key facts of a verified document, in the order the page lists them. */
export function verificationFacts(result: VerificationResult): VerificationFact[] {
  return [
    { term: 'Learner', detail: result.learnerName },
    { term: 'Qualification', detail: result.qualification.title },
    { term: 'Qualification number', detail: result.qualification.code },
    { term: 'Document', detail: DOCUMENT_TYPE_LABELS[result.type] },
    { term: 'Grade', detail: result.grade ?? '—' },
    { term: 'Award date', detail: calendarDateText(result.awardDate), date: result.awardDate },
    { term: 'Centre', detail: `${result.centre.name} (${result.centre.number})` },
    { term: 'Document number', detail: result.documentNumber },
    { term: 'Issued', detail: bodyDayText(result.issuedAt, 'long') },
  ];
}

/** An unknown code and a malformed one get the same answer (404). */
export const VERIFICATION_CODE_NOT_FOUND = 'We could not find a document with this code. Check it and try again.';
/** The public checks are rate limited per network (429). */
export const VERIFICATION_TOO_MANY_CHECKS = 'Too many checks from your network; try again in a minute.';
/** When the look-up itself failed (the database is away): nothing is known of the document. */
export const VERIFICATION_NOT_CHECKED = 'The document could not be checked. Try again in a moment.';
