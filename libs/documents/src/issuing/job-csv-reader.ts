import { ImportRowError, JOB_CSV_COLUMNS, MAX_JOB_DOCUMENTS } from '@achievement/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { IssueJobError } from './issue-job.error';
import { RawJobRow } from './job-row';

type Column = (typeof JOB_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = [
  'enrolment_number',
  'first_name',
  'last_name',
  'date_of_birth',
  'qualification_code',
  'qualification_title',
  'document_type',
  'award_date',
];

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** The line a record starts on: csv-parse tells where it ends; a quoted value may hold line breaks. */
function startLine(r: ParsedRecord): number {
  const body = r.raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
  const breaks = body.match(/\r\n|\n|\r/g)?.length ?? 0;
  return r.info.lines - breaks;
}

/**
 * Reads a job's CSV (csv-parse: RFC 4180, any line ends, a byte-order mark) into rows with the
 * line each starts on (header = line 1). Problems with the file's shape (syntax, header, counts of
 * values) end the reading with every such problem listed; the values are checked afterwards.
 */
export function readJobCsv(csv: string): RawJobRow[] {
  let records: ParsedRecord[];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRecord[];
  } catch (err) {
    if (err instanceof CsvError) {
      const line = Number((err as CsvError & { lines?: number }).lines) || 1;
      const message =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'A quoted value is not closed: add the closing double quote (")'
          : err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'INVALID_OPENING_QUOTE'
            ? 'A double quote (") appears inside a value: put the whole value in quotes, and write a quote inside it as ""'
            : `The file is not valid CSV: ${err.message}`;
      throw new IssueJobError([{ line, field: 'row', message }]);
    }
    throw err;
  }
  const [header, ...body] = records;
  if (!header)
    throw new IssueJobError([
      {
        line: 1,
        field: 'row',
        message: `The file is empty: it needs a header row naming the columns ${JOB_CSV_COLUMNS.join(', ')}`,
      },
    ]);
  const headerLine = startLine(header);
  const positions = readHeader(headerLine, header.record);
  if (body.length === 0)
    throw new IssueJobError([
      {
        line: headerLine,
        field: 'row',
        message: 'The file has a header but no rows of documents below it',
      },
    ]);
  if (body.length > MAX_JOB_DOCUMENTS) {
    throw new IssueJobError([
      {
        line: startLine(body[MAX_JOB_DOCUMENTS]),
        field: 'row',
        message: `A job can hold at most ${MAX_JOB_DOCUMENTS} documents; split the file into several jobs`,
      },
    ]);
  }
  const problems: ImportRowError[] = [];
  const rows: RawJobRow[] = [];
  for (const r of body) {
    const line = startLine(r);
    if (r.record.length !== header.record.length) {
      problems.push({
        line,
        field: 'row',
        message: `The row has ${r.record.length} values but the header names ${header.record.length} columns`,
      });
      continue;
    }
    const value = (column: Column) => (positions[column] === undefined ? '' : r.record[positions[column]!].trim());
    rows.push({
      line,
      enrolmentNumber: value('enrolment_number'),
      firstName: value('first_name'),
      lastName: value('last_name'),
      dateOfBirth: value('date_of_birth'),
      email: value('email'),
      qualificationCode: value('qualification_code'),
      qualificationTitle: value('qualification_title'),
      documentType: value('document_type'),
      grade: value('grade'),
      awardDate: value('award_date'),
      units: value('units'),
    });
  }
  if (problems.length) throw new IssueJobError(problems);
  return rows;
}

function readHeader(line: number, fields: string[]): Partial<Record<Column, number>> {
  const names = fields.map((f) => f.trim().toLowerCase().replace(/\s+/g, '_'));
  const problems: ImportRowError[] = [];
  const positions: Partial<Record<Column, number>> = {};
  for (const column of JOB_CSV_COLUMNS) {
    const at = names.indexOf(column);
    if (at >= 0) positions[column] = at;
    else if (REQUIRED.includes(column)) {
      problems.push({
        line,
        field: column,
        message: `The header has no ${column} column (it needs ${REQUIRED.join(', ')}; email, grade and units are optional)`,
      });
    }
  }
  names.forEach((name, at) => {
    if (!(JOB_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        line,
        field: name || `column ${at + 1}`,
        message: `The header names a column a job does not have: "${fields[at].slice(0, 50)}"`,
      });
    } else if (names.indexOf(name) !== at)
      problems.push({
        line,
        field: name,
        message: `The header names the column ${name} twice`,
      });
  });
  if (problems.length) throw new IssueJobError(problems);
  return positions;
}
