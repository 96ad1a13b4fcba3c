import { createConnection } from 'mysql2/promise';
import { AppConfig } from '../config/app-config';

/** Creates the configured database if it does not exist yet (utf8mb4, accent- and case-insensitive collation). */
export async function ensureDatabase(config: AppConfig): Promise<void> {
  const connection = await createConnection({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
  });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}
