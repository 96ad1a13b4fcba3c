import { AppConfig, loadConfig } from '@achievement/platform';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Settings for one test file: its own database (ap_test_…), its own Redis key prefix and its own
 * storage folder, so test files run in parallel and leave nothing behind (see dropTestArtifacts).
 */
export function testConfig(overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  return loadConfig(process.env, {
    NODE_ENV: 'test',
    DB_NAME: `ap_test_${id}`,
    DB_POOL_SIZE: 4,
    REDIS_PREFIX: `ap_test_${id}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'ap-files-')),
    LOG_LEVEL: 'silent',
    RUN_WORKERS_IN_API: true,
    RUN_SCHEDULED_TASKS: false,
    RATE_LIMIT_PER_MINUTE: 100000,
    // the journeys' tests sign in with a password alone; the second factor's own tests (and the
    // demo, and production) require it of administrators and support
    SECOND_FACTOR_ROLES: 'none',
    ...overrides,
  });
}
