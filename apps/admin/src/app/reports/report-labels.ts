import { AdminIcon } from '../icons';
import { DocumentStatus, DocumentUnit, ReportEntryKind, ReportStatus } from '@achievement/contracts';

/** The statuses of a report still to be dealt with: the triage queue's default. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['new', 'in_progress', 'awaiting_centre'];

export const REPORT_ENTRY_KIND_LABELS: Record<ReportEntryKind, string> = {
  note: 'Internal note',
  reply: 'Reply emailed to the reporter',
  status: 'Status changed',
  assignment: 'Assigned',
  reissue: 'Document reissued',
  revocation: 'Document revoked',
};

export const REPORT_ENTRY_KIND_ICONS: Record<ReportEntryKind, AdminIcon> = {
  note: 'sticky_note_2',
  reply: 'forward_to_inbox',
  status: 'flag',
  assignment: 'person_add',
  reissue: 'autorenew',
  revocation: 'block',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  valid: 'Valid',
  superseded: 'Superseded',
  revoked: 'Revoked',
};

/** How long ago something happened, roughly: "5 minutes", "3 hours", "12 days". */
export function ageOf(time: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(time).getTime()) / 60_000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

/**
 * A learner's name as one text, split as a reissue asks for it: the last word is the last name,
 * the words before it the first name ("Mary Ann Smith": "Mary Ann", "Smith").
 */
export function splitLearnerName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/** Units as lines to edit: "code: title", or the title alone when it has no code. */
export function unitsToText(units: readonly DocumentUnit[]): string {
  return units.map((unit) => (unit.code ? `${unit.code}: ${unit.title}` : unit.title)).join('\n');
}

/**
 * Lines back into units: "F/601/2345: Health and safety" has a code (a first word without spaces,
 * followed by a colon); any other line is a title alone. Empty lines are left out.
 */
export function parseUnits(text: string): DocumentUnit[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(\S+?):\s+(.+)$/.exec(line);
      return match ? { code: match[1], title: match[2].trim() } : { code: null, title: line };
    });
}
