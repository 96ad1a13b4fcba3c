import { DownloadSummary } from '@achievement/contracts';
import { downloadFileKey } from '@achievement/downloads';
import { createUser, eventually, TestUser } from '@achievement/testing';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, createManyDocuments, DownloadsTestApp, SHARED_CENTRE_COPY_KEY, signedIn, startDownloadsApp, storeSharedPdf } from './download-factory';

/*
 * A worker process killed (SIGKILL) half-way through a large zip, with a second worker running,
 * as in production: the api runs without queue processors, and each worker is a real child
 * process of the worker module. The second worker takes the zip over within 60 s of the kill (the
 * promise: work a killed process held is taken up again within 60 s), and only one build runs at a
 * time. The zip's download answers 409 until the request is ready, and then serves a whole zip; the
 * dead build's temporary file is removed.
 */

const DOCUMENTS = 5000;
/** From the kill until another worker starts building the zip. */
const TAKE_OVER_LIMIT_MS = 60_000;

interface WorkerProcess {
  child: ChildProcess;
  /** The requests whose zip jobs this worker started, in order. */
  building: number[];
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
    const building: number[] = [];
    child.on('message', (m: { building?: number }) => {
      if (typeof m === 'object' && m?.building !== undefined) building.push(m.building);
    });
    const failed = (code: number | null) => reject(new Error(`the worker exited with ${code} before it was ready`));
    child.once('exit', failed);
    child.once('message', (m) => {
      child.off('exit', failed);
      if (m !== 'ready') return reject(new Error(`unexpected message from the worker: ${JSON.stringify(m)}`));
      resolve({
        child,
        building,
        request: <T>(message: string) =>
          new Promise<T>((answer) => {
            const reply = (r: unknown) => {
              if (typeof r === 'object' && r !== null && 'building' in r) return;
              child.off('message', reply);
              answer(r as T);
            };
            child.on('message', reply);
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
    staff = await createUser(t.ds, 'centre_staff', {
      firstName: 'Kim',
      lastName: 'Osei',
    });
    client = await signedIn(t.app, staff);
    env = { ...process.env };
    for (const [key, value] of Object.entries(t.config)) if (value !== undefined) env[key] = String(value);
  });

  afterAll(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('never serves half a zip, and the other worker takes the zip over within 60 s of the kill and builds it whole', async () => {
    const centreCopySha256 = await storeSharedPdf(t.storage);
    const jobId = await createManyDocuments(t.ds, staff.centreId!, DOCUMENTS, centreCopySha256);
    const pool = await Promise.all([startWorker(env), startWorker(env)]);
    workers.push(...pool);

    const res = await client.post('/api/downloads', {
      name: 'Killed half-way',
      purpose: 'audit',
      includeManifest: true,
      jobId,
    });
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
    try {
      await killAndTakeOver();
    } finally {
      watching = false; // also when the test fails: no request after the api closed
      await watcher.catch(() => undefined);
    }

    async function killAndTakeOver(): Promise<void> {
      // kill the worker building the zip as soon as it reported progress, before the zip is ready
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
      const first = pool.find((w) => w.building.includes(id))!;
      const second = pool.find((w) => w !== first)!;
      expect(first).toBeDefined();
      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      await new Promise((resolve) => first.child.once('exit', resolve));
      expect(progress).toBeLessThan(DOCUMENTS);

      // what the dead build left: building, part-way, a half-written temporary file, nothing at the final key
      const [dead] = await t.ds.query('SELECT status, processed_count, attempt FROM download_requests WHERE id = ?', [id]);
      expect(dead.status).toBe('building');
      expect(Number(dead.processed_count)).toBeLessThan(DOCUMENTS);
      expect(readdirSync(folder).filter((f) => f.startsWith(`${id}.zip.`) && f.endsWith('.partial'))).toHaveLength(1);
      expect(await t.storage.stat(key)).toBeNull();
      const refused = await client.getRaw(`/api/downloads/${id}/file`);
      expect(refused.statusCode).toBe(409);
      expect(JSON.parse(refused.body).code).toBe('DOWNLOAD_NOT_READY');

      // the other worker takes the request over (a new attempt) within the limit, counted from the kill
      await eventually(
        async () => {
          const [row] = await t.ds.query('SELECT status, attempt FROM download_requests WHERE id = ?', [id]);
          expect(Number(row.attempt)).toBeGreaterThan(Number(dead.attempt));
        },
        TAKE_OVER_LIMIT_MS + 1_000,
        50,
      );
      const takeOverMs = Date.now() - killedAt;
      console.log(`zip taken over ${(takeOverMs / 1000).toFixed(1)} s after its worker was killed`);
      expect(takeOverMs).toBeLessThanOrEqual(TAKE_OVER_LIMIT_MS);
      expect(second.building).toContain(id);

      const ready = await eventually(async () => {
        const r = (await client.get(`/api/downloads/${id}`)).body as DownloadSummary;
        if (r.status === 'failed')
          throw Object.assign(new Error(`failed: ${r.failureReason}`), {
            final: true,
          });
        expect(r.status).toBe('ready');
        return r;
      }, 60_000);
      expect(ready.processedCount).toBe(DOCUMENTS);
      await eventually(() => expect(seen.zip).toBeDefined(), 10_000);
      watching = false;
      await watcher;

      // every answer before the zip was ready was 409; what was served is the whole zip, of centre copies
      expect(answers.length).toBeGreaterThan(1);
      expect(answers.slice(0, -1).every((s) => s === 409)).toBe(true);
      expect(answers[answers.length - 1]).toBe(200);
      const zip = seen.zip!;
      expect(zip.length).toBe(ready.sizeBytes);
      expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50); // end of central directory
      const path = join(work, `${id}.zip`);
      writeFileSync(path, zip);
      expect(
        execFileSync('unzip', ['-t', path], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        }),
      ).toContain('No errors detected');
      const names = execFileSync('unzip', ['-Z1', path], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
        .split('\n')
        .filter(Boolean);
      expect(names).toHaveLength(DOCUMENTS + 1);
      expect(names).toContain('manifest.csv');
      const entry = execFileSync('unzip', ['-p', path, names[0]], {
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(entry.equals(readFileSync(join(t.config.STORAGE_DIR, SHARED_CENTRE_COPY_KEY)))).toBe(true);

      // one build after the dead one, and nothing left behind
      const [done] = await t.ds.query('SELECT attempt FROM download_requests WHERE id = ?', [id]);
      expect(Number(done.attempt)).toBe(Number(dead.attempt) + 1);
      expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    }
  }, 240_000); // two worker processes start under ts-node: slow on a busy two-core machine
});
