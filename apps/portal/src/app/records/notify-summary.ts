import { NotifyLearnersResponse } from '@achievement/contracts';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What Notify learners did, for the snackbar: learners emailed, documents without an email, documents left out. */
export function notifySummary(result: NotifyLearnersResponse): string {
  const parts = [
    `${count(result.learnersNotified, 'learner', 'learners')} notified`,
    `${count(result.documentsWithoutEmail, 'document', 'documents')} had no email address`,
  ];
  if (result.documentsNotValid > 0) {
    parts.push(`${count(result.documentsNotValid, 'document was', 'documents were')} not valid and left out`);
  }
  return `${parts.join('; ')}.`;
}
