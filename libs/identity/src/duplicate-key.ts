/** Whether a database error is a unique-key clash (or the deadlock two racing inserts of one key can end in). */
export function isDuplicateKey(err: unknown, alsoDeadlock = false): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || (alsoDeadlock && code === 'ER_LOCK_DEADLOCK');
}
