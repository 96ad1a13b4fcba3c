/**
 * Whether an error means that a part the api depends on is not answering, and which: the database
 * (mysql2 through TypeORM) or Redis (ioredis, as sessions, rate limits and queues use it), or a
 * connection to something else that failed at the network level. These are answered 503 (try again
 * soon), not 500: nothing is wrong with the request or the code, and the part comes back.
 */
export type UnavailablePart = 'database' | 'redis' | 'network';

/** mysql2's codes for a server that cannot be reached, went away, or has no connection to give. */
const DATABASE_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_READ_ERROR',
  'ER_NET_WRITE_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_HOST_IS_BLOCKED',
  'POOL_CLOSED',
]);

/** Node's codes for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** ioredis' own words when it has no connection to send a command on. */
const REDIS_MESSAGES = [/^Connection is closed\.?$/, /Stream isn't writeable/, /max retries per request/i];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  sql?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The part that is not answering, or null when the error is something else. Looks through the
 * wrappers (TypeORM's driverError, Node's cause, AggregateError's errors): a network failure under
 * a database error is the database's.
 */
export function unavailablePartOf(error: unknown, within: UnavailablePart | null = null, depth = 0): UnavailablePart | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const isDatabaseError = e.sql !== undefined || e.driverError !== undefined || e.name === 'QueryFailedError';
  if (DATABASE_CODES.has(code) || /timeout acquiring a connection|acquire connection timeout/i.test(message)) return 'database';
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((m) => m.test(message))) return 'redis';
  if (NETWORK_CODES.has(code)) return isDatabaseError ? 'database' : (within ?? 'network');
  for (const inner of [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const part = unavailablePartOf(inner, isDatabaseError ? 'database' : within, depth + 1);
    if (part) return part;
  }
  return null;
}
