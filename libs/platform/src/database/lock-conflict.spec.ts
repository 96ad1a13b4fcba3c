import { toErrorBody } from '../http/api-exception.filter';
import { BusyException, isLockConflict, retryOnLockConflict } from './lock-conflict';

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK' });
const lockWait = () =>
  Object.assign(new Error('Lock wait timeout exceeded'), {
    driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' },
  });

describe('retryOnLockConflict', () => {
  it('runs the work again after a deadlock or a lock wait timeout, and returns its result', async () => {
    const failures = [deadlock(), lockWait()];
    let runs = 0;
    const result = await retryOnLockConflict(
      async () => {
        runs++;
        const failure = failures.shift();
        if (failure) throw failure;
        return 'done';
      },
      { baseDelayMs: 1 },
    );
    expect(result).toBe('done');
    expect(runs).toBe(3);
  });

  it('gives up after its attempts with a 409 "try again", never a 500', async () => {
    let runs = 0;
    const failing = retryOnLockConflict(
      async () => {
        runs++;
        throw deadlock();
      },
      { attempts: 3, baseDelayMs: 1 },
    );
    await expect(failing).rejects.toBeInstanceOf(BusyException);
    expect(runs).toBe(3);
    expect(toErrorBody(new BusyException())).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/try again/i),
    });
  });

  it('does not retry other errors', async () => {
    let runs = 0;
    await expect(
      retryOnLockConflict(async () => {
        runs++;
        throw Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' });
      }),
    ).rejects.toThrow('dup');
    expect(runs).toBe(1);
  });

  it('answers a lock conflict that escaped every retry with 409, not 500', () => {
    expect(isLockConflict(lockWait())).toBe(true);
    expect(toErrorBody(deadlock())).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
    });
    expect(toErrorBody(new Error('boom')).statusCode).toBe(500);
  });
});
