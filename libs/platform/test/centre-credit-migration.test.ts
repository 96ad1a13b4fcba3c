import { AppConfig, dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@achievement/platform';
import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { DataSource } from 'typeorm';

/**
 * The migration that moved a centre's credit settings from the centre form into its credit
 * account: centres as they stood before it (the two centre columns back, filled as an
 * administrator could have left them), then the migration, then what checkout will read.
 */
describe('moving centre credit settings into credit accounts (migration)', () => {
  let config: AppConfig;
  let ds: DataSource;
  const migration = SCHEMA_MIGRATIONS.find((m) => m.name === 'CentreCreditInAccounts1796247181000')!;

  async function run(step: 'up' | 'down'): Promise<void> {
    const runner = ds.createQueryRunner();
    try {
      await new migration()[step](runner);
    } finally {
      await runner.release();
    }
  }

  async function centre(number: string, creditAccount: boolean, limitPence: number): Promise<number> {
    const result = await ds.query(
      `INSERT INTO centres (number, name, central_email, address_line1, town, postcode, country, credit_account, credit_limit_pence, created_at, updated_at)
       VALUES (?, ?, ?, '1 High Street', 'Leeds', 'LS1 1AA', 'GB', ?, ?, NOW(3), NOW(3))`,
      [number, `Centre ${number}`, `c${number}@example.test`, creditAccount ? 1 : 0, limitPence],
    );
    return result.insertId;
  }

  const account = async (centreId: number) =>
    (await ds.query('SELECT limit_pence AS limitPence, owed_pence AS owedPence, open FROM credit_accounts WHERE centre_id = ?', [centreId])).map(
      (r: { limitPence: number; owedPence: number; open: number }) => ({
        limitPence: Number(r.limitPence),
        owedPence: Number(r.owedPence),
        open: Number(r.open),
      }),
    )[0] ?? null;

  beforeAll(async () => {
    config = testConfig();
    await ensureDatabase(config);
    ds = await new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize();
    await runMigrationsLocked(ds);
    expect(migration).toBeDefined();
    await run('down'); // the centre columns as they were before the migration
  });

  afterAll(async () => {
    await ds?.destroy();
    await dropTestArtifacts(config);
  });

  it('gives a centre that had credit settings and no account an account with those settings, keeps existing accounts, and drops the centre columns', async () => {
    const onForm = await centre('91001', true, 220_000);
    const closedOnForm = await centre('91002', false, 50_000);
    const both = await centre('91003', true, 220_000);
    await ds.query('INSERT INTO credit_accounts (centre_id, limit_pence, owed_pence, open) VALUES (?, 50000, 12000, 1)', [both]);
    const none = await centre('91004', false, 0);

    await run('up');

    expect(await account(onForm)).toEqual({ limitPence: 220_000, owedPence: 0, open: 1 });
    expect(await account(closedOnForm)).toEqual({ limitPence: 50_000, owedPence: 0, open: 0 });
    // the limit checkout was enforcing stays, and what the centre owes is untouched
    expect(await account(both)).toEqual({ limitPence: 50_000, owedPence: 12_000, open: 1 });
    expect(await account(none)).toBeNull();
    const columns = await ds.query(
      `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'centres' AND COLUMN_NAME LIKE 'credit%'`,
      [config.DB_NAME],
    );
    expect(columns).toEqual([]);
  });
});
