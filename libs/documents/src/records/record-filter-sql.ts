import { RecordFilter } from '@achievement/contracts';
import { nameSearchWords } from './learner-name-words';

/** A WHERE clause over `documents d` and its parameters; `from` may add a join that drives the query. */
export interface RecordFilterSql {
  from: string;
  fromParams: unknown[];
  where: string[];
  params: unknown[];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const DAY_MS = 86_400_000;
/** An RQF-style code (603/7506/5) is looked up exactly; anything else is the start of a code or words of a title. */
const QUALIFICATION_CODE = /^\d{3}\/\d{4}\/[0-9A-Za-z]$/;

/**
 * The SQL of a Records filter, always scoped to one centre. Each part is index-driven:
 * - name: the longest word is a range of record_name_words (centre_id, word, document_id); the
 *   other words are checked against the same rows' name_words, so only matching documents are read;
 * - enrolment number, job number, qualification: resolved through their unique keys, then
 *   (centre_id, learner_id), (job_id, id), (centre_id, qualification_id, issued_at, id);
 * - issue dates: (centre_id, issued_at, id).
 */
export function recordFilterSql(centreId: number, filter: RecordFilter): RecordFilterSql {
  const out: RecordFilterSql = { from: 'documents d', fromParams: [], where: ['d.centre_id = ?'], params: [centreId] };
  const words = filter.name ? nameSearchWords(filter.name) : [];
  if (filter.name !== undefined && words.length === 0) {
    out.where.push('FALSE'); // only punctuation was typed: nothing has such a name
  }
  if (words.length > 0) {
    // the longest word is an index range; the others are checked in the same rows (name_words)
    const [driver, ...others] = [...words].sort((a, b) => b.length - a.length);
    const also = others.map(() => 'AND nw.name_words LIKE ?').join(' ');
    out.from = `(SELECT DISTINCT nw.document_id FROM record_name_words nw WHERE nw.centre_id = ? AND nw.word LIKE ? ${also}) m
                STRAIGHT_JOIN documents d ON d.id = m.document_id`;
    out.fromParams = [centreId, `${escapeLike(driver)}%`, ...others.map((w) => `% ${escapeLike(w)}%`)];
  }
  if (filter.enrolmentNumber !== undefined) {
    out.where.push('d.learner_id = (SELECT l.id FROM learners l WHERE l.enrolment_number = ?)');
    out.params.push(filter.enrolmentNumber);
  }
  if (filter.jobNumber !== undefined) {
    out.where.push('d.job_id = (SELECT j.id FROM jobs j WHERE j.number = ?)');
    out.params.push(filter.jobNumber);
  }
  if (filter.qualification !== undefined) {
    const text = filter.qualification.trim();
    if (QUALIFICATION_CODE.test(text)) {
      // one qualification: (centre_id, qualification_id, issued_at, id) serves the dates and the order
      out.where.push('d.qualification_id = (SELECT q.id FROM qualifications q WHERE q.code = ?)');
      out.params.push(text);
    } else {
      const titleWords = text.split(/\s+/).filter(Boolean).slice(0, 8);
      const titleMatch = titleWords.map(() => 'q.title LIKE ?').join(' AND ') || 'FALSE';
      // the start of a code ("601/0566" finds 601/0566/2: a range of the code's unique key), or words of a title
      out.where.push(`d.qualification_id IN (SELECT q.id FROM qualifications q WHERE q.code LIKE ? OR (${titleMatch}))`);
      out.params.push(`${escapeLike(text)}%`, ...titleWords.map((w) => `%${escapeLike(w)}%`));
    }
  }
  if (filter.type !== undefined) {
    out.where.push('d.type = ?');
    out.params.push(filter.type);
  }
  if (filter.status !== undefined) {
    out.where.push('d.status = ?');
    out.params.push(filter.status);
  }
  if (filter.issuedFrom !== undefined) {
    out.where.push('d.issued_at >= ?');
    out.params.push(`${filter.issuedFrom} 00:00:00.000`);
  }
  if (filter.issuedTo !== undefined) {
    const next = new Date(Date.parse(`${filter.issuedTo}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    out.where.push('d.issued_at < ?');
    out.params.push(`${next} 00:00:00.000`);
  }
  return out;
}
