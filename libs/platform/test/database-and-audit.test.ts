import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { AppConfig, AuditService, dataSourceOptions, ensureDatabase, PlatformModule, runMigrationsLocked, SYSTEM_ACTOR } from '@achievement/platform';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

describe('database start-up', () => {
  let config: AppConfig;

  beforeAll(() => {
    config = testConfig();
  });

  afterAll(async () => {
    await dropTestArtifacts(config);
  });

  it('creates the database when missing, and applies each migration once when several processes start together', async () => {
    await ensureDatabase(config);
    const sources = await Promise.all([0, 1, 2].map(() => new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize()));
    try {
      const applied = await Promise.all(sources.map((ds) => runMigrationsLocked(ds)));
      expect(applied.flat().sort()).toEqual(SCHEMA_MIGRATIONS.map((m) => m.name).sort());
      const rows = await sources[0].query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r: { name: string }) => r.name)).toEqual(SCHEMA_MIGRATIONS.map((m) => m.name));
      const [charset] = await sources[0].query(
        'SELECT DEFAULT_CHARACTER_SET_NAME AS cs, DEFAULT_COLLATION_NAME AS co FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
        [config.DB_NAME],
      );
      expect(charset).toEqual({ cs: 'utf8mb4', co: 'utf8mb4_unicode_ci' });
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
    }
  });

  it('can revert every migration and apply them again', async () => {
    const ds = await new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize();
    try {
      for (let i = 0; i < SCHEMA_MIGRATIONS.length; i++) await ds.undoLastMigration();
      const tables = await ds.query('SHOW TABLES');
      expect(tables.map((t: Record<string, string>) => Object.values(t)[0])).toEqual(['migrations']);
      await runMigrationsLocked(ds);
      expect(await ds.query('SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: String(SCHEMA_MIGRATIONS.length) }]);
    } finally {
      await ds.destroy();
    }
  });
});

describe('audit log', () => {
  let config: AppConfig;
  let moduleRef: TestingModule;
  let audit: AuditService;
  let ds: DataSource;

  beforeAll(async () => {
    config = testConfig();
    moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ config, migrations: SCHEMA_MIGRATIONS, scheduledTasks: false })],
    }).compile();
    await moduleRef.init();
    audit = moduleRef.get(AuditService);
    ds = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await dropTestArtifacts(config);
  });

  it('records who did what to which subject, with before and after, and never a secret', async () => {
    await audit.record(
      { userId: 7, role: 'administrator', ip: '203.0.113.9', requestId: 'req-1234567' },
      {
        action: 'centre.credit_changed',
        subjectType: 'centre',
        subjectId: 42,
        centreId: 42,
        before: { creditLimitPence: 1000 },
        after: { creditLimitPence: 5000, passwordHash: 'x', nested: { resetToken: 'y', kept: 1 } },
      },
    );
    const [row] = await audit.trailOf('centre', 42);
    expect(row).toMatchObject({
      actorUserId: 7,
      actorRole: 'administrator',
      action: 'centre.credit_changed',
      subjectId: '42',
      centreId: 42,
      clientIp: '203.0.113.9',
      requestId: 'req-1234567',
      before: { creditLimitPence: 1000 },
      after: { creditLimitPence: 5000, nested: { kept: 1 } },
    });
    expect(row.occurredAt).toBeInstanceOf(Date);
  });

  it('rolls back with the change it describes', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await audit.record(SYSTEM_ACTOR, { action: 'user.deleted', subjectType: 'user', subjectId: 99 }, manager);
        throw new Error('the deletion failed');
      }),
    ).rejects.toThrow('the deletion failed');
    expect(await audit.trailOf('user', 99)).toEqual([]);
  });
});
