import { convertToParamMap } from '@angular/router';
import { isEmptyRecordFilter, recordFilterFromParams, recordQueryParams, recordSortFromParams } from './record-filter-params';
import { notifySummary } from './notify-summary';

describe('Records filters in the URL', () => {
  it('reads every filter of the query', () => {
    const params = convertToParamMap({
      name: ' smi jo ',
      enrolmentNumber: '0002124',
      qualification: '603/7506/5',
      jobNumber: 'J0000005',
      type: 'unit_certificate',
      status: 'revoked',
      issuedFrom: '2026-01-01',
      issuedTo: '2026-12-31',
      sort: 'name_asc',
    });

    expect(recordFilterFromParams(params)).toEqual({
      name: 'smi jo',
      enrolmentNumber: '0002124',
      qualification: '603/7506/5',
      jobNumber: 'J0000005',
      type: 'unit_certificate',
      status: 'revoked',
      issuedFrom: '2026-01-01',
      issuedTo: '2026-12-31',
    });
    expect(recordSortFromParams(params)).toBe('name_asc');
  });

  it('leaves out what the API would refuse: unknown types, statuses, sorts and dates that are no dates', () => {
    const params = convertToParamMap({ type: 'diploma', status: 'lost', issuedFrom: '2026-02-30', issuedTo: 'yesterday', sort: 'random', name: '   ' });

    expect(recordFilterFromParams(params)).toEqual({});
    expect(recordSortFromParams(params)).toBe('issued_desc');
    expect(isEmptyRecordFilter(recordFilterFromParams(params))).toBe(true);
  });

  it('writes a search as query parameters, removing the empty ones and the default sort', () => {
    expect(recordQueryParams({ name: ' smith ', status: 'valid', type: undefined }, 'issued_desc')).toEqual({
      name: 'smith',
      enrolmentNumber: null,
      qualification: null,
      jobNumber: null,
      type: null,
      status: 'valid',
      issuedFrom: null,
      issuedTo: null,
      sort: null,
    });
    expect(recordQueryParams({}, 'name_desc')['sort']).toBe('name_desc');
  });
});

describe('notifySummary', () => {
  it('says how many learners were notified and how many documents had no email', () => {
    expect(notifySummary({ learnersNotified: 3, documentsNotified: 4, documentsWithoutEmail: 1, documentsNotValid: 0 })).toBe(
      '3 learners notified; 1 document had no email address.',
    );
  });

  it('also says how many were left out as not valid', () => {
    expect(notifySummary({ learnersNotified: 1, documentsNotified: 1, documentsWithoutEmail: 0, documentsNotValid: 2 })).toBe(
      '1 learner notified; 0 documents had no email address; 2 documents were not valid and left out.',
    );
  });
});
