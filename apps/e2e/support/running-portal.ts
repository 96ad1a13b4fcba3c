import { AppConfig, dataSourceOptions } from '@achievement/platform';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const ROOT = join(__dirname, '..', '..', '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment a process gets for a config, as the operator would set it. */
export function envOf(config: AppConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [k, v] of Object.entries(config)) if (v !== undefined && typeof v !== 'function') env[k] = String(v);
  return env;
}

/**
 * The built api as `npm start` runs it (one process with the queue processors), on a free port,
 * against a database, Redis prefix and storage folder of this test file's own.
 */
export class RunningPortal {
  config!: AppConfig;
  url = '';
  db!: DataSource;
  private proc?: ChildProcess;
  output = '';

  async start(overrides: Partial<Record<keyof AppConfig, unknown>> = {}): Promise<this> {
    const port = await freePort();
    this.url = `http://localhost:${port}`;
    this.config = testConfig({ PORT: port, PUBLIC_URL: this.url, WEB_DIST_DIR: join(ROOT, 'dist/apps'), LOG_LEVEL: 'warn', ...overrides });
    this.proc = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env: envOf(this.config), stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d) => (this.output += d));
    this.proc.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.proc.exitCode !== null) throw new Error(`The api exited with ${this.proc.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The api did not become healthy:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    this.db = await new DataSource(dataSourceOptions(this.config)).initialize();
    return this;
  }

  async stop(): Promise<void> {
    await this.db?.destroy();
    const proc = this.proc;
    if (proc && proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    }
    if (this.config) await dropTestArtifacts(this.config);
  }
}
