import { AppConfig } from '@achievement/platform';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { rm } from 'node:fs/promises';

/** Drops what a test file made: its database, its Redis keys and its storage folder. Refuses anything not named as a test's. */
export async function dropTestArtifacts(config: AppConfig): Promise<void> {
  if (!config.DB_NAME.startsWith('ap_test_') || !config.REDIS_PREFIX.startsWith('ap_test_')) {
    throw new Error(`Refusing to drop ${config.DB_NAME} / ${config.REDIS_PREFIX}: not a test database`);
  }
  const db = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  try {
    await db.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
  } finally {
    await db.end();
  }
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // a test that stopped its own Redis has nothing left there to drop
  } finally {
    redis.disconnect();
  }
  await rm(config.STORAGE_DIR, { recursive: true, force: true });
}
