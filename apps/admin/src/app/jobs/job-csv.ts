import { JOB_CSV_COLUMNS, MAX_JOB_DOCUMENTS } from '@achievement/contracts';

/** The columns a job's file must have (the others may be left out or empty). */
export const REQUIRED_JOB_CSV_COLUMNS: readonly string[] = [
  'enrolment_number',
  'first_name',
  'last_name',
  'date_of_birth',
  'qualification_code',
  'qualification_title',
  'document_type',
  'award_date',
];

/** What each column holds, as the "The file" section explains it. */
export const JOB_CSV_COLUMN_NOTES: Record<(typeof JOB_CSV_COLUMNS)[number], string> = {
  enrolment_number: "The learner's enrolment number at the centre",
  first_name: "The learner's first name",
  last_name: "The learner's last name",
  date_of_birth: 'YYYY-MM-DD (DD/MM/YYYY is accepted too)',
  email: "The learner's email address, for notices",
  qualification_code: 'RQF style, e.g. 603/7506/5',
  qualification_title: 'The title printed on the document',
  document_type: 'certificate, unit_certificate or record_of_achievement',
  grade: 'e.g. Distinction',
  award_date: 'YYYY-MM-DD (DD/MM/YYYY is accepted too)',
  units: 'Separated by “;”, each “code: title” or just a title',
};

/** A small file with the header row and two learners, to download and fill in. */
export const EXAMPLE_JOB_CSV =
  [
    JOB_CSV_COLUMNS.join(','),
    'E1001,Ada,Lovelace,1985-04-23,ada@example.org,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance,certificate,Distinction,2026-07-15,"F/601/2345: Health and safety; F/601/2346: Engine systems"',
    'E1002,Alan,Turing,1990-06-23,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance,record_of_achievement,,2026-07-15,',
  ].join('\n') + '\n';

export const EXAMPLE_JOB_CSV_FILE_NAME = 'job-example.csv';

/** The most data lines a job's file may have. */
export const MAX_JOB_LINES = MAX_JOB_DOCUMENTS;

/**
 * The lines of learners in the text (those not empty, the header aside), counted as a person
 * sees them; a quoted field spanning lines counts once.
 */
export function countDataLines(csv: string): number {
  let lines = 0;
  let quoted = false;
  let content = false;
  for (const char of csv) {
    if (char === '"') {
      quoted = !quoted;
      content = true;
    } else if ((char === '\n' || char === '\r') && !quoted) {
      if (content) lines++;
      content = false;
    } else if (char.trim() !== '' && char !== ',') {
      content = true;
    }
  }
  if (content) lines++;
  return Math.max(0, lines - 1);
}
