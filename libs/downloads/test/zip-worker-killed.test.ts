import { DownloadSummary } from '@achievement/contracts';
import { DOWNLOAD_LEASE_MS, downloadFileKey } from '@achievement/downloads';
import { createUser, eventually, TestUser } from '@achievement/testing';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, createManyDocuments, DownloadsTestApp, signedIn, startDownloadsApp } from './download-factory';

/*
 * A worker process killed (SIGKILL) half-way through a large zip, then a new worker: the api runs
 * without queue processors, and each worker is a real child process of the worker module, as in
 * production. The zip's download answers 409 until the request is ready, and then serves a whole
 * zip; the dead build's temporary file is removed.
 */

const DOCUMENTS = 5000;

interface WorkerProcess {
  child: ChildProcess;
  request<T>(message: string): Promise<T>;
  stop(): Promise<void>;
}

function startWorker(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'zip-worker.process.ts'), [], {
      env,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const failed = (code: number | null) => reject(new Error(`the worker exited with ${code} before it was ready`));
    child.once('exit', failed);
    child.once('message', (m) => {
      child.off('exit', failed);
      if (m !== 'ready') return reject(new Error(`unexpected message from the worker: ${JSON.stringify(m)}`));
      resolve({
        child,
        request: <T>(message: string) =>
          new Promise<T>((answer) => {
            child.once('message', (reply) => answer(reply as T));
            child.send(message);
          }),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.send('stop');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
}

describe('Downloads: a worker killed half-way through a zip', () => {
  let t: DownloadsTestApp;
  let staff: TestUser;
  let client: Client;
  let env: NodeJS.ProcessEnv;
  const workers: WorkerProcess[] = [];
  const work = mkdtempSync(join(tmpdir(), 'ap-zip-kill-'));

  beforeAll(async () => {
    t = await startDownloadsApp({ RUN_WORKERS_IN_API: false });
    staff = await createUser(t.ds, 'centre_staff', { firstName: 'Kim', lastName: 'Osei' });
    client = await signedIn(t.app, staff);
    env = { ...process.env };
    for (const [key, value] of Object.entries(t.config)) if (value !== undefined) env[key] = String(value);
  });

  afterAll(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('never serves half a zip, and a new worker builds the whole zip after the reconciler hands the request back', async () => {
    const jobId = await createManyDocuments(t.ds, staff.centreId!, DOCUMENTS);
    await t.storage.put('documents/shared/one.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8 * 1024), Buffer.from('\n%%EOF\n')]));
    const first = await startWorker(env);
    workers.push(first);

    const res = await client.post('/api/downloads', { name: 'Killed half-way', purpose: 'audit', includeManifest: true, jobId });
    expect(res.status).toBe(201);
    const id = res.body.id as number;
    const key = downloadFileKey(staff.centreId!, id);
    const folder = join(t.config.STORAGE_DIR, 'downloads', String(staff.centreId));

    // every answer of the download endpoint, all along: 409 until the zip is ready, then the whole zip
    const answers: number[] = [];
    const seen: { zip?: Buffer } = {};
    let watching = true;
    const watcher = (async () => {
      while (watching && !seen.zip) {
        const r = await client.getRaw(`/api/downloads/${id}/file`);
        answers.push(r.statusCode);
        if (r.statusCode === 200) seen.zip = r.rawPayload;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();

    // kill the worker as soon as it reported progress, before the zip is ready
    const progress = await eventually(
      async () => {
        const [row] = await t.ds.query('SELECT status, processed_count FROM download_requests WHERE id = ?', [id]);
        expect(row.status).toBe('building');
        expect(Number(row.processed_count)).toBeGreaterThan(0);
        return Number(row.processed_count);
      },
      20_000,
      2,
    );
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(progress).toBeLessThan(DOCUMENTS);

    // what the dead build left: building, part-way, a half-written temporary file, nothing at the final key
    const [dead] = await t.ds.query('SELECT status, processed_count, attempt FROM download_requests WHERE id = ?', [id]);
    expect(dead.status).toBe('building');
    expect(Number(dead.processed_count)).toBeLessThan(DOCUMENTS);
    const leftOver = readdirSync(folder).filter((f) => f.startsWith(`${id}.zip.`) && f.endsWith('.partial'));
    expect(leftOver).toHaveLength(1);
    expect(await t.storage.stat(key)).toBeNull();
    const refused = await client.getRaw(`/api/downloads/${id}/file`);
    expect(refused.statusCode).toBe(409);
    expect(JSON.parse(refused.body).message).toBe('This zip is not ready yet. The Downloads page shows its progress.');

    // a new worker, after the lease ran out: its reconciler hands the request back, and it builds the zip afresh
    const second = await startWorker({ ...env, CLOCK_OFFSET_MS: String(DOWNLOAD_LEASE_MS + 60_000) });
    workers.push(second);
    expect(await second.request<{ reconciled: number }>('reconcile')).toEqual({ reconciled: 1 });
    expect(existsSync(join(folder, leftOver[0]))).toBe(false);

    const ready = await eventually(
      async () => {
        const r = (await client.get(`/api/downloads/${id}`)).body as DownloadSummary;
        if (r.status === 'failed') throw Object.assign(new Error(`failed: ${r.failureReason}`), { final: true });
        expect(r.status).toBe('ready');
        return r;
      },
      20_000,
    );
    expect(ready.processedCount).toBe(DOCUMENTS);
    await eventually(() => expect(seen.zip).toBeDefined(), 10_000);
    watching = false;
    await watcher;

    // every answer before the zip was ready was 409; what was served is the whole zip
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.slice(0, -1).every((s) => s === 409)).toBe(true);
    expect(answers[answers.length - 1]).toBe(200);
    const zip = seen.zip!;
    expect(zip.length).toBe(ready.sizeBytes);
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50); // end of central directory
    const path = join(work, `${id}.zip`);
    writeFileSync(path, zip);
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).toContain('No errors detected');
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').filter(Boolean);
    expect(names).toHaveLength(DOCUMENTS + 1);
    expect(names).toContain('manifest.csv');

    const [done] = await t.ds.query('SELECT attempt FROM download_requests WHERE id = ?', [id]);
    expect(Number(done.attempt)).toBe(Number(dead.attempt) + 1);
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 180_000); // two worker processes start under ts-node: slow on a busy two-core machine
});
