import { ConflictException } from '@nestjs/common';

/** MySQL / MariaDB answers that mean "another transaction holds what this one needs": safe to run the whole transaction again. */
const LOCK_CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export const BUSY_MESSAGE = 'Many changes arrived at the same moment and this one could not be made: nothing was changed. Try again in a moment.';

/** The 409 a request gets when its transaction still meets a deadlock or lock wait after its retries. */
export class BusyException extends ConflictException {
  constructor() {
    super({ message: BUSY_MESSAGE, code: 'BUSY' });
  }
}

/** Whether the error is a deadlock or a lock wait timeout (TypeORM's QueryFailedError carries the driver's code). */
export function isLockConflict(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  return !!e && (LOCK_CONFLICT_CODES.has(String(e.code)) || LOCK_CONFLICT_CODES.has(String(e.driverError?.code)));
}

export interface LockConflictRetryOptions {
  /** how many times the work runs at most (default 4) */
  attempts?: number;
  /** the first wait; each next one doubles, with full jitter (default 25 ms) */
  baseDelayMs?: number;
}

/**
 * Runs a whole transaction (`work` must begin and end it) again when the database answers with a
 * deadlock or a lock wait timeout, after a jittered, growing pause, a few times; then gives up
 * with a BusyException (409, "try again"), never a 500. InnoDB rolls back the victim of a
 * deadlock entirely, so running the work again from its start is safe.
 */
export async function retryOnLockConflict<T>(work: () => Promise<T>, options: LockConflictRetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isLockConflict(err)) throw err;
      if (attempt >= attempts) throw new BusyException();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * base * 2 ** (attempt - 1)));
    }
  }
}
