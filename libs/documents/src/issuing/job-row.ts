import { DocumentType, DocumentUnit } from '@achievement/contracts';

/** One document of a job, read from a CSV row or a JSON item, before it is checked. Values are trimmed text. */
export interface RawJobRow {
  /** the line as a person counts them (CSV, header = 1) or the 1-based position (JSON) */
  line: number;
  enrolmentNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  qualificationCode: string;
  qualificationTitle: string;
  documentType: string;
  grade: string;
  awardDate: string;
  /** CSV: "code: title; title; …" — JSON: already a list */
  units: string | DocumentUnit[] | null;
}

/** A row that passed every check, ready to write. */
export interface JobRow {
  line: number;
  enrolmentNumber: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  email: string | null;
  qualificationCode: string;
  qualificationTitle: string;
  documentType: DocumentType;
  grade: string | null;
  /** YYYY-MM-DD */
  awardDate: string;
  units: DocumentUnit[];
}

/** The names a problem gives a field: the CSV's column names, or the JSON property names. */
export type FieldNames = Record<Exclude<keyof RawJobRow, 'line'>, string>;

export const CSV_FIELD_NAMES: FieldNames = {
  enrolmentNumber: 'enrolment_number',
  firstName: 'first_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  email: 'email',
  qualificationCode: 'qualification_code',
  qualificationTitle: 'qualification_title',
  documentType: 'document_type',
  grade: 'grade',
  awardDate: 'award_date',
  units: 'units',
};

export const JSON_FIELD_NAMES: FieldNames = {
  enrolmentNumber: 'enrolmentNumber',
  firstName: 'firstName',
  lastName: 'lastName',
  dateOfBirth: 'dateOfBirth',
  email: 'email',
  qualificationCode: 'qualificationCode',
  qualificationTitle: 'qualificationTitle',
  documentType: 'documentType',
  grade: 'grade',
  awardDate: 'awardDate',
  units: 'units',
};
