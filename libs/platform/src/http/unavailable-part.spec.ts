import { unavailablePartOf } from './unavailable-part';

const err = (props: Record<string, unknown>, message = 'failed') => Object.assign(new Error(message), props);

describe('unavailablePartOf', () => {
  it('knows the database by mysql2 codes, directly or under TypeORM and Node wrappers', () => {
    expect(unavailablePartOf(err({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }))).toBe('database');
    expect(unavailablePartOf(err({ code: 'ER_CON_COUNT_ERROR', errno: 1040 }))).toBe('database');
    expect(unavailablePartOf(err({ name: 'QueryFailedError', driverError: err({ code: 'ECONNREFUSED' }) }))).toBe('database');
    expect(unavailablePartOf(err({ sql: 'SELECT 1', code: 'ETIMEDOUT' }))).toBe('database');
    expect(unavailablePartOf(err({ cause: err({ code: 'ER_SERVER_SHUTDOWN' }) }))).toBe('database');
    expect(unavailablePartOf(new AggregateError([err({ code: 'ECONNREFUSED', sql: 'SELECT 1' })]))).toBe('database');
    expect(unavailablePartOf(err({}, 'Timeout acquiring a connection. The pool is probably full.'))).toBe('database');
  });

  it('knows Redis by what ioredis says', () => {
    expect(
      unavailablePartOf(
        err(
          { name: 'MaxRetriesPerRequestError' },
          'Reached the max retries per request limit (which is 2). Refer to "maxRetriesPerRequest" option for details.',
        ),
      ),
    ).toBe('redis');
    expect(unavailablePartOf(err({}, 'Connection is closed.'))).toBe('redis');
  });

  it('leaves every other error alone', () => {
    expect(unavailablePartOf(err({ code: 'ER_DUP_ENTRY' }))).toBeNull();
    expect(unavailablePartOf(err({ code: 'ER_PARSE_ERROR', sql: 'SELEC' }))).toBeNull();
    expect(unavailablePartOf(new TypeError('x is undefined'))).toBeNull();
    expect(unavailablePartOf('a string')).toBeNull();
    expect(unavailablePartOf(null)).toBeNull();
  });
});
