import { MAX_SELECTION, Page, RecordCount, RecordFilter, RecordQuery, RecordRow, RecordSort } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeRecordCursor, encodeRecordCursor, issuedKey } from './record-cursor';
import { recordFilterSql } from './record-filter-sql';
import { RECORD_COLUMNS, RECORD_JOINS, RecordSqlRow, toRecordRow } from './record-row';
import { ApiError } from '@achievement/platform';

export const DEFAULT_RECORD_LIMIT = 50;

/** A RecordSelection as it arrives (validated): ids, or a filter less exceptIds. */
export interface SelectionInput {
  ids?: number[];
  filter?: RecordFilter;
  exceptIds?: number[];
}

const ORDER: Record<RecordSort, { column: string; direction: 'ASC' | 'DESC' }> = {
  issued_desc: { column: 'd.issued_at', direction: 'DESC' },
  issued_asc: { column: 'd.issued_at', direction: 'ASC' },
  // by surname, then first name: learner_sort_name is "surname + name" (a generated column)
  name_asc: { column: 'd.learner_sort_name', direction: 'ASC' },
  name_desc: { column: 'd.learner_sort_name', direction: 'DESC' },
};

/**
 * Records: the documents of the caller's centre, searched, sorted and paged by keyset (the next
 * page starts after the last row's sort key and id, so a deep page costs what the first does).
 * Every query is scoped by the caller's centre here, whatever the controller checked.
 */
@Injectable()
export class RecordsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async searchRecords(user: AuthenticatedUser, query: RecordQuery): Promise<Page<RecordRow>> {
    const sort = query.sort ?? 'issued_desc';
    const limit = query.limit ?? DEFAULT_RECORD_LIMIT;
    const { sql, params } = searchRecordsSql(centreOf(user), query);
    const rows: RecordSqlRow[] = await this.dataSource.query(sql, params);
    const items = rows.slice(0, limit).map(toRecordRow);
    const last = rows.length > limit ? rows[limit - 1] : null;
    const nextCursor = last
      ? encodeRecordCursor({ sort, key: sort.startsWith('issued') ? issuedKey(new Date(last.issued_at)) : last.learner_sort_name, id: Number(last.id) })
      : null;
    return { items, nextCursor };
  }

  async countRecords(user: AuthenticatedUser, filter: RecordFilter): Promise<RecordCount> {
    const { sql, params } = countRecordsSql(centreOf(user), filter);
    const [row] = await this.dataSource.query(sql, params);
    return { total: Number(row.total) };
  }

  /**
   * The ids a selection stands for, all of the caller's centre, in id order. Listed ids of another
   * centre (or none) answer 404, as if they did not exist; more than MAX_SELECTION answers 400.
   */
  async resolveSelection(user: AuthenticatedUser, selection: SelectionInput, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const centreId = centreOf(user);
    if (selection.ids !== undefined && selection.filter !== undefined) {
      throw new ApiError('SELECTION_AMBIGUOUS', 'Give either the ids of the selected records or a filter for "select all", not both.');
    }
    if (selection.ids !== undefined || selection.filter === undefined) {
      const wanted = [...new Set(selection.ids ?? [])];
      if (wanted.length === 0) throw new ApiError('SELECTION_EMPTY', 'Select at least one record.');
      if (wanted.length > MAX_SELECTION) throw tooMany(wanted.length);
      const rows: { id: number }[] = await manager.query(
        `SELECT id FROM documents WHERE centre_id = ? AND id IN (${wanted.map(() => '?').join(',')}) ORDER BY id`,
        [centreId, ...wanted],
      );
      if (rows.length !== wanted.length) {
        const found = new Set(rows.map((r) => Number(r.id)));
        const missing = wanted.filter((id) => !found.has(id));
        throw new ApiError('RECORD_NOT_FOUND', `There is no record ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} of your centre.`);
      }
      return rows.map((r) => Number(r.id));
    }
    const f = recordFilterSql(centreId, selection.filter);
    const where = [...f.where];
    const params = [...f.params];
    const except = [...new Set(selection.exceptIds ?? [])];
    if (except.length > 0) {
      where.push(`d.id NOT IN (${except.map(() => '?').join(',')})`);
      params.push(...except);
    }
    const rows: { id: number }[] = await manager.query(`SELECT d.id FROM ${f.from} WHERE ${where.join(' AND ')} ORDER BY d.id LIMIT ?`, [
      ...f.fromParams,
      ...params,
      MAX_SELECTION + 1,
    ]);
    if (rows.length > MAX_SELECTION) throw tooMany(null);
    if (rows.length === 0) throw new ApiError('SELECTION_EMPTY', 'No records match the selection.');
    return rows.map((r) => Number(r.id));
  }
}

/** The caller's centre; staff without one (not yet attached) see nothing. */
export function centreOf(user: AuthenticatedUser): number {
  if (user.role !== 'centre_staff' || user.centreId === null) throw new ApiError('NOT_CENTRE_STAFF', 'Records are for staff of a centre.');
  return user.centreId;
}

function tooMany(count: number | null): ApiError {
  const message = `A selection may hold at most ${MAX_SELECTION.toLocaleString('en-GB')} records${count ? ` (this one has ${count.toLocaleString('en-GB')})` : ''}: narrow the filter or select fewer.`;
  return new ApiError('SELECTION_TOO_LARGE', { message, fieldErrors: { selection: [message] } });
}

/** The statement of one Records page (limit + 1 rows, to know whether there is a next page). Exported for the benchmark. */
export function searchRecordsSql(centreId: number, query: RecordQuery): { sql: string; params: unknown[] } {
  const sort = query.sort ?? 'issued_desc';
  const limit = query.limit ?? DEFAULT_RECORD_LIMIT;
  const f = recordFilterSql(centreId, query);
  const { column, direction } = ORDER[sort];
  const where = [...f.where];
  const params = [...f.params];
  if (query.cursor) {
    const cursor = decodeRecordCursor(query.cursor, sort);
    const op = direction === 'DESC' ? '<' : '>';
    where.push(`(${column} ${op} ? OR (${column} = ? AND d.id ${op} ?))`);
    params.push(cursor.key, cursor.key, cursor.id);
  }
  // a deferred join: the page's ids are found from the indexes alone, then only those rows are joined
  return {
    sql: `SELECT ${RECORD_COLUMNS}
            FROM (SELECT d.id FROM ${f.from}
                   WHERE ${where.join(' AND ')}
                   ORDER BY ${column} ${direction}, d.id ${direction}
                   LIMIT ?) page
            STRAIGHT_JOIN documents d ON d.id = page.id ${RECORD_JOINS}
           ORDER BY ${column} ${direction}, d.id ${direction}`,
    params: [...f.fromParams, ...params, limit + 1],
  };
}

const FILTER_FIELDS = ['name', 'enrolmentNumber', 'qualification', 'jobNumber', 'type', 'status', 'issuedFrom', 'issuedTo'] as const;

/**
 * The statement of a Records count. Exported for the benchmark. With no filter (the count the
 * Records screen opens with) it adds up the centre's jobs' document counts: a job's
 * document_count is written in the transaction that inserts its documents (issuing, the seeder)
 * and raised by a reissue, and documents are never deleted, so the sum is the number of document
 * rows, read from a few hundred job rows rather than tens of thousands of index entries.
 */
export function countRecordsSql(centreId: number, filter: RecordFilter): { sql: string; params: unknown[] } {
  if (FILTER_FIELDS.every((field) => filter[field] === undefined)) {
    return { sql: 'SELECT COALESCE(SUM(j.document_count), 0) AS total FROM jobs j WHERE j.centre_id = ?', params: [centreId] };
  }
  const f = recordFilterSql(centreId, filter);
  return { sql: `SELECT COUNT(*) AS total FROM ${f.from} WHERE ${f.where.join(' AND ')}`, params: [...f.fromParams, ...f.params] };
}
