import { DataSource } from 'typeorm';

const LOCK_TIMEOUT_SECONDS = 120;

/**
 * Applies pending migrations under a database-wide named lock, so several api and worker
 * processes starting at once apply each migration exactly once.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockName = `${dataSource.driver.database}.migrations`.slice(0, 64);
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [lockName, LOCK_TIMEOUT_SECONDS]);
    if (Number(row.got) !== 1) {
      throw new Error(`Could not take the migration lock "${lockName}" within ${LOCK_TIMEOUT_SECONDS}s`);
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    await runner.release();
  }
}
