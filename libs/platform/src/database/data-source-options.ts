import { DataSourceOptions, MigrationInterface } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** Migrations as each lib exports them (IDENTITY_MIGRATIONS, …); TypeORM runs them in the order of their timestamps. */
export type MigrationList = readonly (new () => MigrationInterface)[];

/**
 * TypeORM options for the portal's database. Times are UTC; text is utf8mb4. `migrations` are
 * those runMigrationsLocked applies: every lib's, from @achievement/schema, for whatever migrates
 * (the api, the worker, the CLI, tests); a connection that only queries may leave them out.
 */
export function dataSourceOptions(config: AppConfig, migrations: MigrationList = []): DataSourceOptions {
  return {
    type: 'mysql',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: config.DB_POOL_SIZE,
    synchronize: false,
    migrationsRun: false,
    migrations: [...migrations],
    logging: ['error'],
    // DATE columns (award dates, dates of birth) come back as their YYYY-MM-DD text, never as an
    // instant that a time zone could move to the day before (apps/api/test/calendar-dates.test.ts)
    extra: { connectionLimit: config.DB_POOL_SIZE, dateStrings: ['DATE'] },
  };
}
