import { decodeRecordCursor, encodeRecordCursor, issuedKey } from './record-cursor';

describe('record cursors', () => {
  it('round-trips the sort key and id of the last row', () => {
    const issued = { sort: 'issued_desc' as const, key: issuedKey(new Date('2025-01-10T10:00:00.123Z')), id: 42 };
    expect(issued.key).toBe('2025-01-10 10:00:00.123');
    expect(decodeRecordCursor(encodeRecordCursor(issued), 'issued_desc')).toEqual(issued);
    const named = { sort: 'name_asc' as const, key: "Mary-Jane O'Neill", id: 7 };
    expect(decodeRecordCursor(encodeRecordCursor(named), 'name_asc')).toEqual(named);
  });

  it.each([
    ['not base64url', '***'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['a bad id', Buffer.from('["name_asc","A",-1]').toString('base64url')],
    ['a bad time', Buffer.from('["issued_desc","yesterday",1]').toString('base64url')],
  ])('refuses %s with a 400', (_, text) => {
    expect(() => decodeRecordCursor(text, text.startsWith('WyJu') ? 'name_asc' : 'issued_desc')).toThrow(/The cursor is not valid/);
  });

  it('refuses a cursor of another sort', () => {
    const cursor = encodeRecordCursor({ sort: 'name_asc', key: 'A', id: 1 });
    expect(() => decodeRecordCursor(cursor, 'name_desc')).toThrow(/belongs to the sort "name_asc", not "name_desc"/);
  });
});
