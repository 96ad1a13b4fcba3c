/** Whether an error is InnoDB giving up on a lock (a deadlock, or a lock wait timeout): the transaction was rolled back and can be run again. */
export function isLockConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * Runs a whole transaction again when InnoDB chose it as a deadlock's victim (it was rolled back,
 * so running it again is safe), a few times with a short random pause; other errors pass through.
 */
export async function retryOnDeadlock<T>(
  work: () => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !isLockConflict(err)) throw err;
      await new Promise((resolve) =>
        setTimeout(resolve, 5 + Math.random() * 20 * attempt),
      );
    }
  }
}
