import { RecordSort } from '@achievement/contracts';
import { ApiError } from '@achievement/platform';

/** The sort key of the last row of a page and its id: where the next page starts. */
export interface RecordCursor {
  sort: RecordSort;
  /** issued_*: the issue time as 'YYYY-MM-DD HH:MM:SS.mmm' (UTC); name_*: the learner name */
  key: string;
  id: number;
}

const ISSUED_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

/** Opaque to the client: base64url of the JSON [sort, key, id]. */
export function encodeRecordCursor(cursor: RecordCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeRecordCursor(text: string, sort: RecordSort): RecordCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,1000}$/.test(text)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('it is not a cursor this API made');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw badCursor('it is not a cursor this API made');
  const [s, key, id] = parsed as unknown[];
  if (s !== sort) throw badCursor(`it belongs to the sort "${String(s)}", not "${sort}"; start again from the first page`);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 4294967295) throw badCursor('it is not a cursor this API made');
  const issued = sort === 'issued_asc' || sort === 'issued_desc';
  if (typeof key !== 'string' || (issued ? !ISSUED_KEY.test(key) : key.length < 1 || key.length > 201)) throw badCursor('it is not a cursor this API made');
  return { sort, key, id };
}

function badCursor(why: string): ApiError {
  const message = `The cursor is not valid (${why}). Pass back the nextCursor of the previous page unchanged, with the same filters and sort.`;
  return new ApiError('CURSOR_INVALID', { message, fieldErrors: { cursor: [message] } });
}

/** A DATETIME(3) value as the cursor keeps it. */
export function issuedKey(value: Date): string {
  const iso = value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
