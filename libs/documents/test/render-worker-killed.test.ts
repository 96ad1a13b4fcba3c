import { IssueDocumentInput } from '@achievement/contracts';
import { JobIssuingService } from '@achievement/documents';
import { AppConfig, SYSTEM_ACTOR } from '@achievement/platform';
import { createCentre, dropTestArtifacts, eventually, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/create-api-app';

/*
 * A render worker killed (SIGKILL) while it renders batches of a job, with a second worker
 * running: the batches the dead worker held are taken up again by the other within 60 s of the
 * kill (Bull's stalled-job recovery), and the job is issued with every document rendered once.
 */

const DOCUMENTS = 800;
const TAKE_OVER_LIMIT_MS = 60_000;

interface RenderWorker {
  child: ChildProcess;
  active: Set<string>;
  completed: Set<string>;
  /** when each job id became active in this worker */
  activeAt: Map<string, number>;
  stop(): Promise<void>;
}

function startWorker(env: NodeJS.ProcessEnv): Promise<RenderWorker> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'render-worker.process.ts'), [], {
      env,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: RenderWorker = {
      child,
      active: new Set(),
      completed: new Set(),
      activeAt: new Map(),
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.send('stop');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
    child.on('message', (m: { active?: string; completed?: string } | string) => {
      if (m === 'ready') return resolve(worker);
      if (typeof m !== 'object') return;
      if (m.active) {
        worker.active.add(m.active);
        worker.activeAt.set(m.active, Date.now());
      }
      if (m.completed) worker.completed.add(m.completed);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
  });
}

function rows(n: number): IssueDocumentInput[] {
  return Array.from({ length: n }, (_, i) => ({
    enrolmentNumber: `K${String(i).padStart(7, '0')}`,
    firstName: 'Kit',
    lastName: `Renderer${i}`,
    dateOfBirth: '2002-05-17',
    qualificationCode: '603/7506/5',
    qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
    documentType: 'certificate',
    grade: 'Pass',
    awardDate: '2025-07-14',
  }));
}

describe('Rendering: a worker killed while it renders a job', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let ds: DataSource;
  const workers: RenderWorker[] = [];

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent', RUN_WORKERS_IN_API: false });
    app = await createApiApp(config);
    ds = app.get(DataSource);
  });

  afterAll(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await app?.close();
    await dropTestArtifacts(config);
  });

  it('the batches the killed worker held are taken up by the other worker within 60 s, and the job is issued', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
    const pool = await Promise.all([startWorker(env), startWorker(env)]);
    workers.push(...pool);
    const centreId = await createCentre(ds, { name: 'Killed Render College' });
    const job = await app.get(JobIssuingService).issueJob(centreId, rows(DOCUMENTS), SYSTEM_ACTOR);

    // kill a worker as soon as it holds a batch it has not finished
    const first = await eventually(
      () => {
        const busy = pool.find((w) => [...w.active].some((id) => !w.completed.has(id)));
        expect(busy).toBeDefined();
        return busy!;
      },
      30_000,
      5,
    );
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => first.child.once('exit', resolve));
    const held = [...first.active].filter((id) => !first.completed.has(id));
    expect(held.length).toBeGreaterThan(0);
    const second = pool.find((w) => w !== first)!;

    // every batch the dead worker held starts again in the other worker within the limit
    await eventually(
      () => expect(held.filter((id) => !second.activeAt.has(id) || second.activeAt.get(id)! < killedAt)).toEqual([]),
      TAKE_OVER_LIMIT_MS + 1_000,
      50,
    );
    const takeOverMs = Math.max(...held.map((id) => second.activeAt.get(id)! - killedAt));
    console.log(`render batches taken over ${(takeOverMs / 1000).toFixed(1)} s after their worker was killed`);
    expect(takeOverMs).toBeLessThanOrEqual(TAKE_OVER_LIMIT_MS);

    // and the job is issued, every document rendered and counted once
    const done = await eventually(
      async () => {
        const [row] = await ds.query('SELECT status, rendered_count, document_count FROM jobs WHERE id = ?', [job.id]);
        expect(row.status).toBe('issued');
        return row;
      },
      120_000,
      250,
    );
    expect(Number(done.rendered_count)).toBe(DOCUMENTS);
    const [count] = await ds.query('SELECT COUNT(*) AS n, COUNT(file_key) AS stored, COUNT(centre_copy_sha256) AS copies FROM documents WHERE job_id = ?', [
      job.id,
    ]);
    expect([Number(count.n), Number(count.stored), Number(count.copies)]).toEqual([DOCUMENTS, DOCUMENTS, DOCUMENTS]);
  }, 240_000);
});
