import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, DocumentType, DocumentUnit, ImportRowError } from '@achievement/contracts';
import { isEmail } from 'class-validator';
import { IssueJobError } from './issue-job.error';
import { CONTROL_CHARACTERS as CONTROL } from '@achievement/platform';
import { unprintableProblem } from '../rendering/printable-text';
import { FieldNames, JobRow, RawJobRow } from './job-row';

export const MAX_REPORTED_PROBLEMS = 500;
const MAX_UNITS = 200;

/** YYYY-MM-DD (or DD/MM/YYYY) of a real calendar day, as YYYY-MM-DD; null otherwise. */
export function parseDay(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "certificate", "Unit certificate", "record of achievement", "unit-certificate"… → the type; null when none. */
export function parseDocumentType(text: string): DocumentType | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  for (const type of DOCUMENT_TYPES) {
    if (type === key || DOCUMENT_TYPE_LABELS[type].toLowerCase().replace(/\s+/g, '_') === key) return type;
  }
  return null;
}

/** "F/617/5038: Health and safety; Tyres" → units; a code is what comes before the first ": ". */
export function parseUnits(text: string): DocumentUnit[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([^:]{1,20}):\s*(.+)$/.exec(part);
      return m ? { code: m[1].trim(), title: m[2].trim() } : { code: null, title: part };
    });
}

/** The printed text of a document's units, for the check that every character prints. */
function unitText(units: DocumentUnit[]): string {
  return units.map((u) => `${u.code ?? ''} ${u.title}`).join(' ');
}

/** Names as a person compares them: same letters, ignoring case, accents in other normal forms and extra spaces. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
  return n(a) === n(b);
}

/**
 * Checks every value of every row and the rows against each other (the same document twice, one
 * enrolment number with two names, one qualification code with two titles). Throws IssueJobError
 * listing every problem; returns the rows when there is none.
 */
export function checkJobRows(rows: RawJobRow[], names: FieldNames, today: string): JobRow[] {
  const problems: ImportRowError[] = [];
  const checked: JobRow[] = [];
  for (const raw of rows) {
    const problem = (field: keyof FieldNames, message: string) => problems.push({ line: raw.line, field: names[field], message });
    const before = problems.length;
    const text = (field: 'firstName' | 'lastName' | 'qualificationTitle' | 'grade', value: string, min: number, max: number) => {
      if (value.length < min || value.length > max)
        problem(field, min ? `${names[field]} must be ${min} to ${max} characters` : `${names[field]} must be at most ${max} characters`);
      else if (CONTROL.test(value)) problem(field, `${names[field]} must not contain control characters`);
      else {
        const unprintable = unprintableProblem(names[field], value);
        if (unprintable) problem(field, unprintable);
      }
    };
    if (!/^[A-Za-z0-9][A-Za-z0-9/-]{0,19}$/.test(raw.enrolmentNumber))
      problem('enrolmentNumber', `${names.enrolmentNumber} is required: 1 to 20 letters, digits, '-' or '/'`);
    text('firstName', raw.firstName, 1, 100);
    text('lastName', raw.lastName, 1, 100);
    const dateOfBirth = parseDay(raw.dateOfBirth);
    if (!dateOfBirth)
      problem(
        'dateOfBirth',
        `${names.dateOfBirth} must be a date as YYYY-MM-DD (or DD/MM/YYYY)${raw.dateOfBirth ? `, not "${raw.dateOfBirth.slice(0, 30)}"` : ''}`,
      );
    else if (dateOfBirth < '1900-01-01' || dateOfBirth >= today) problem('dateOfBirth', `${names.dateOfBirth} must be a date in the past, after 1900`);
    const email = raw.email.toLowerCase();
    if (email && (email.length > 320 || !isEmail(email))) problem('email', `${names.email} must be an email address (or left empty)`);
    if (!/^[A-Za-z0-9][A-Za-z0-9/.-]{0,15}$/.test(raw.qualificationCode))
      problem('qualificationCode', `${names.qualificationCode} is required: up to 16 letters, digits, '/', '.' or '-' (e.g. 603/7506/5)`);
    text('qualificationTitle', raw.qualificationTitle, 1, 255);
    const type = parseDocumentType(raw.documentType);
    if (!type)
      problem(
        'documentType',
        `${names.documentType} must be one of ${DOCUMENT_TYPES.join(', ')}${raw.documentType ? `, not "${raw.documentType.slice(0, 40)}"` : ''}`,
      );
    text('grade', raw.grade, 0, 40);
    const awardDate = parseDay(raw.awardDate);
    if (!awardDate)
      problem('awardDate', `${names.awardDate} must be a date as YYYY-MM-DD (or DD/MM/YYYY)${raw.awardDate ? `, not "${raw.awardDate.slice(0, 30)}"` : ''}`);
    else if (awardDate > today) problem('awardDate', `${names.awardDate} must not be in the future`);
    else if (awardDate < '1950-01-01') problem('awardDate', `${names.awardDate} must be after 1950`);
    else if (dateOfBirth && awardDate <= dateOfBirth) problem('awardDate', `${names.awardDate} must be after the date of birth`);
    const units = typeof raw.units === 'string' ? parseUnits(raw.units) : (raw.units ?? []);
    if (units.length > MAX_UNITS) problem('units', `A document can list at most ${MAX_UNITS} units`);
    else if (
      units.some((u) => !u.title || u.title.length > 200 || CONTROL.test(u.title) || (u.code !== null && (u.code.length > 20 || CONTROL.test(u.code))))
    ) {
      problem('units', 'Each unit needs a title of up to 200 characters and, optionally, a code of up to 20 (in CSV: "code: title", separated by ";")');
    } else if (unprintableProblem(names.units, unitText(units))) {
      problem('units', unprintableProblem(names.units, unitText(units))!);
    } else if (type && type !== 'certificate' && units.length === 0)
      problem('units', `A ${DOCUMENT_TYPE_LABELS[type].toLowerCase()} lists the units achieved: give at least one`);
    if (problems.length > before) continue;
    checked.push({
      line: raw.line,
      enrolmentNumber: raw.enrolmentNumber.toUpperCase(),
      firstName: raw.firstName.normalize('NFC'),
      lastName: raw.lastName.normalize('NFC'),
      dateOfBirth: dateOfBirth!,
      email: email || null,
      qualificationCode: raw.qualificationCode.toUpperCase(),
      qualificationTitle: raw.qualificationTitle.normalize('NFC').replace(/\s+/g, ' '),
      documentType: type!,
      grade: raw.grade || null,
      awardDate: awardDate!,
      units: units.map((u) => ({
        code: u.code || null,
        title: u.title.normalize('NFC'),
      })),
    });
  }
  checkAgainstEachOther(checked, names, problems);
  throwIfAny(problems);
  return checked;
}

function checkAgainstEachOther(rows: JobRow[], names: FieldNames, problems: ImportRowError[]): void {
  const documents = new Map<string, number>();
  const learners = new Map<string, JobRow>();
  const qualifications = new Map<string, JobRow>();
  for (const row of rows) {
    const key = `${row.enrolmentNumber}\u0000${row.qualificationCode}\u0000${row.documentType}`;
    const first = documents.get(key);
    if (first !== undefined) {
      problems.push({
        line: row.line,
        field: 'row',
        message: `Line ${first} already issues this learner a ${DOCUMENT_TYPE_LABELS[row.documentType].toLowerCase()} for ${row.qualificationCode}: the same document twice`,
      });
    } else documents.set(key, row.line);
    const learner = learners.get(row.enrolmentNumber);
    if (!learner) learners.set(row.enrolmentNumber, row);
    else if (!sameName(learner.firstName, row.firstName) || !sameName(learner.lastName, row.lastName) || learner.dateOfBirth !== row.dateOfBirth) {
      problems.push({
        line: row.line,
        field: names.enrolmentNumber,
        message: `Line ${learner.line} gives enrolment number ${row.enrolmentNumber} to ${learner.firstName} ${learner.lastName} (born ${learner.dateOfBirth}): one enrolment number is one learner`,
      });
    }
    const qualification = qualifications.get(row.qualificationCode);
    if (!qualification) qualifications.set(row.qualificationCode, row);
    else if (!sameName(qualification.qualificationTitle, row.qualificationTitle)) {
      problems.push({
        line: row.line,
        field: names.qualificationTitle,
        message: `Line ${qualification.line} gives qualification ${row.qualificationCode} the title "${qualification.qualificationTitle}": one code, one title`,
      });
    }
  }
}

export function throwIfAny(problems: ImportRowError[]): void {
  if (!problems.length) return;
  problems.sort((a, b) => a.line - b.line);
  throw new IssueJobError(problems.slice(0, MAX_REPORTED_PROBLEMS), problems.length);
}
