import { centreSummary } from '@achievement/identity';
import { DOCUMENT_TYPE_LABELS, DocumentType } from '@achievement/contracts';
import { EmailAttachment, EmailToSend } from '@achievement/notifications';
import { FileStorage } from '@achievement/platform';
import { EntityManager } from 'typeorm';

/** Up to this many documents the email lists them; above, it gives a summary and attaches the list as CSV. */
export const LISTED_DOCUMENTS_LIMIT = 50;

interface IssuedRow {
  document_number: string;
  learner_name: string;
  enrolment_number: string;
  qualification_code: string;
  qualification_title: string;
  type: DocumentType;
}

/** A CSV value, quoted when needed; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
function csvValue(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The "documents issued" email to a centre's central address, written in the transaction that
 * marks the job issued (so it is written once). For a large job the CSV list is stored first
 * (key from internal ids) and attached by key.
 */
export async function jobIssuedEmail(
  manager: EntityManager,
  storage: FileStorage,
  job: { id: number; number: string; centreId: number },
  publicUrl: string,
): Promise<EmailToSend> {
  const centre = await centreSummary(manager, job.centreId);
  if (!centre) throw new Error(`job ${job.id}: its centre ${job.centreId} is gone`);
  const docs: IssuedRow[] = await manager.query(
    `SELECT d.document_number, d.learner_name, l.enrolment_number, q.code AS qualification_code, q.title AS qualification_title, d.type
       FROM documents d JOIN learners l ON l.id = d.learner_id JOIN qualifications q ON q.id = d.qualification_id
      WHERE d.job_id = ? AND d.status = 'valid' ORDER BY d.learner_name, d.id`,
    [job.id],
  );
  const listed = docs.length <= LISTED_DOCUMENTS_LIMIT;
  const data: Record<string, unknown> = {
    centreName: centre.name,
    centreNumber: centre.number,
    jobNumber: job.number,
    documentCount: docs.length,
    single: docs.length === 1,
    listed,
    jobUrl: `${publicUrl.replace(/\/+$/, '')}/jobs/${job.id}`,
  };
  let attachments: EmailAttachment[] | undefined;
  if (listed) {
    data.documents = docs.map((d) => ({
      learnerName: d.learner_name,
      enrolmentNumber: d.enrolment_number,
      qualificationCode: d.qualification_code,
      qualificationTitle: d.qualification_title,
      typeLabel: DOCUMENT_TYPE_LABELS[d.type],
      documentNumber: d.document_number,
    }));
  } else {
    const groups = new Map<
      string,
      {
        count: number;
        typeLabel: string;
        qualificationCode: string;
        qualificationTitle: string;
      }
    >();
    for (const d of docs) {
      const key = `${d.type}\u0000${d.qualification_code}`;
      const g = groups.get(key) ?? {
        count: 0,
        typeLabel: DOCUMENT_TYPE_LABELS[d.type],
        qualificationCode: d.qualification_code,
        qualificationTitle: d.qualification_title,
      };
      g.count++;
      groups.set(key, g);
    }
    data.summary = [...groups.values()].sort((a, b) => b.count - a.count || a.qualificationCode.localeCompare(b.qualificationCode));
    const filename = `${job.number.toLowerCase()}-documents.csv`;
    const lines = ['learner,enrolment_number,qualification_code,qualification_title,document_type,document_number'];
    for (const d of docs) {
      lines.push(
        [d.learner_name, d.enrolment_number, d.qualification_code, d.qualification_title, DOCUMENT_TYPE_LABELS[d.type], d.document_number]
          .map(csvValue)
          .join(','),
      );
    }
    const storageKey = `jobs/${job.centreId}/${job.id}-documents.csv`;
    // a byte-order mark so spreadsheet programs read the names as UTF-8
    await storage.put(storageKey, Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'));
    data.attachmentName = filename;
    attachments = [{ filename, contentType: 'text/csv; charset=utf-8', storageKey }];
  }
  return {
    to: centre.centralEmail,
    template: 'job-documents-issued',
    data,
    eventKey: `job.issued:${job.id}`,
    attachments,
  };
}
