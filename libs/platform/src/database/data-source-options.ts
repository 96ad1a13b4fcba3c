import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** TypeORM options for the portal's database. Times are UTC; text is utf8mb4. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
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
    migrations: MIGRATIONS,
    logging: ['error'],
    // DATE columns (award dates, dates of birth) come back as their YYYY-MM-DD text, never as an
    // instant that a time zone could move to the day before (apps/api/test/calendar-dates.test.ts)
    extra: { connectionLimit: config.DB_POOL_SIZE, dateStrings: ['DATE'] },
  };
}
