/*
 * What the benches that run the api as in production share: a free port, a child process started
 * and awaited until it prints a line, and the settings production insists on (a database user with
 * a password, real secrets) made for one run.
 */
import { dataSourceOptions, loadConfig } from '@achievement/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';

export const ROOT = resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

/** Starts a process in the repository's root, resolved once its output matches `ready` (rejected if it exits first). */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m) ok({ child, line: m[0] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(c));
    child.on('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

/** Starts the api from its sources (ts-node, transpile only) with `env`, resolved once it listens. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const { child } = await startProcess(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    { ...env, TS_NODE_TRANSPILE_ONLY: '1' },
    /is listening on/,
  );
  return child;
}

/**
 * Production refuses a database user without a password and the built-in secrets, as it should. A
 * bench that runs the api as in production makes a database user of its own with a password
 * (through the development connection, root on this machine), and gives the api secrets made for
 * this run. The gateway addresses are never called.
 */
export async function productionSettings(dbName: string, dbUser: string): Promise<NodeJS.ProcessEnv> {
  const password = randomBytes(18).toString('base64url');
  const root = await new DataSource(dataSourceOptions(loadConfig({ ...process.env, NODE_ENV: 'development', DB_NAME: 'mysql' }))).initialize();
  try {
    await root.query(`CREATE USER IF NOT EXISTS '${dbUser}'@'%' IDENTIFIED BY '${password}'`);
    await root.query(`ALTER USER '${dbUser}'@'%' IDENTIFIED BY '${password}'`);
    await root.query(`GRANT ALL PRIVILEGES ON \`${dbName}\`.* TO '${dbUser}'@'%'`);
  } finally {
    await root.destroy();
  }
  const secret = () => randomBytes(32).toString('base64url');
  return {
    DB_NAME: dbName,
    DB_USER: dbUser,
    DB_PASSWORD: password,
    DEVICE_COOKIE_SECRET: secret(),
    SECOND_FACTOR_KEY: secret(),
    OPAYO_ENCRYPTION_PASSWORD: randomBytes(12).toString('base64url'),
    OPAYO_FORM_URL: 'https://opayo.bench.invalid/gateway/service/vspform-register.vsp',
    OPAYO_REPORTING_URL: 'https://opayo.bench.invalid/access/access.htm',
    OPAYO_REPORTING_USER: 'benchreporter',
    OPAYO_REPORTING_PASSWORD: secret(),
  };
}
