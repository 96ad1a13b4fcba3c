import { DOCUMENT_STATUSES, DOCUMENT_TYPES, DocumentStatus, DocumentType, RECORD_SORTS, RecordFilter, RecordSort } from '@achievement/contracts';
import { ParamMap, Params } from '@angular/router';
import { isCalendarDate } from '@achievement/web';

/*
 * The filters and sort of Records live in the URL's query (?name=smi&status=valid&sort=name_asc),
 * so a search can be bookmarked and Back returns to the previous one.
 */

/** The query parameters of RecordFilter, in the order of the filter form. */
export const RECORD_FILTER_KEYS = [
  'name',
  'enrolmentNumber',
  'qualification',
  'jobNumber',
  'type',
  'status',
  'issuedFrom',
  'issuedTo',
] as const satisfies readonly (keyof RecordFilter)[];

export const DEFAULT_RECORD_SORT: RecordSort = 'issued_desc';

/** The API's limits for the text filters (RecordFilterDto). */
export const RECORD_FILTER_MAX_LENGTHS = { name: 100, enrolmentNumber: 20, qualification: 255, jobNumber: 20 } as const;

/** The filter a URL asks for; values the API would refuse (an unknown type, a date that is no date) are left out. */
export function recordFilterFromParams(params: ParamMap): RecordFilter {
  const filter: RecordFilter = {};
  for (const key of ['name', 'enrolmentNumber', 'qualification', 'jobNumber'] as const) {
    const value = params.get(key)?.trim();
    if (value) {
      filter[key] = value.slice(0, RECORD_FILTER_MAX_LENGTHS[key]);
    }
  }
  const type = params.get('type');
  if (type && (DOCUMENT_TYPES as readonly string[]).includes(type)) {
    filter.type = type as DocumentType;
  }
  const status = params.get('status');
  if (status && (DOCUMENT_STATUSES as readonly string[]).includes(status)) {
    filter.status = status as DocumentStatus;
  }
  for (const key of ['issuedFrom', 'issuedTo'] as const) {
    const value = params.get(key);
    if (value && isCalendarDate(value)) {
      filter[key] = value;
    }
  }
  return filter;
}

export function recordSortFromParams(params: ParamMap): RecordSort {
  const sort = params.get('sort');
  return sort && (RECORD_SORTS as readonly string[]).includes(sort) ? (sort as RecordSort) : DEFAULT_RECORD_SORT;
}

/** The query of a search: every filter key (null removes it from the URL), and the sort unless it is the default. */
export function recordQueryParams(filter: RecordFilter, sort: RecordSort): Params {
  const query: Params = {};
  for (const key of RECORD_FILTER_KEYS) {
    const value = filter[key]?.trim();
    query[key] = value ? value : null;
  }
  query['sort'] = sort === DEFAULT_RECORD_SORT ? null : sort;
  return query;
}

export function isEmptyRecordFilter(filter: RecordFilter): boolean {
  return RECORD_FILTER_KEYS.every((key) => !filter[key]);
}
