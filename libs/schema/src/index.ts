import { COMMERCE_MIGRATIONS } from '@achievement/commerce';
import { DOCUMENTS_MIGRATIONS } from '@achievement/documents';
import { DOWNLOADS_MIGRATIONS } from '@achievement/downloads';
import { IDENTITY_MIGRATIONS } from '@achievement/identity';
import { PLATFORM_MIGRATIONS } from '@achievement/platform';
import { SHARING_MIGRATIONS } from '@achievement/sharing';
import { VERIFICATION_MIGRATIONS } from '@achievement/verification';

/**
 * The portal's database schema: every lib's migrations, which each lib keeps beside its code
 * (libs/<lib>/src/migrations) for the tables it owns. Whatever migrates the database (the api,
 * the worker, the CLI, tests, benchmarks) migrates with this one list; TypeORM applies the
 * migrations in the order of their timestamps, whichever lib they come from. notifications has
 * no migration of its own: its outbox table came with the platform's first.
 */
export const SCHEMA_MIGRATIONS = [
  ...PLATFORM_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...DOCUMENTS_MIGRATIONS,
  ...VERIFICATION_MIGRATIONS,
  ...DOWNLOADS_MIGRATIONS,
  ...SHARING_MIGRATIONS,
  ...COMMERCE_MIGRATIONS,
].sort((a, b) => timestampOf(a.name) - timestampOf(b.name));

function timestampOf(migrationName: string): number {
  const match = /(\d{13})$/.exec(migrationName);
  if (!match) throw new Error(`${migrationName}: a migration's class name ends with its 13-digit timestamp`);
  return Number(match[1]);
}
