/*
 * Issue-job benchmark: one job of 10,000 documents issued to a centre, rendered to PDF through the
 * render queue by separate worker processes (the real worker module), each PDF stored with its
 * SHA-256, until the job is issued and the centre's email is in the outbox. Prints documents
 * issued per second, end to end (from the issuing call to the job's status "issued").
 *
 *   npm run bench:issue-job
 *   BENCH_DOCUMENTS=2000 BENCH_WORKERS=2 npm run bench:issue-job
 *
 * Target: at least 150 documents per second on the 2-core development machine. Uses a throw-away
 * database (ap_bench_issue_<pid>), Redis prefix and storage folder, all removed at the end.
 */
import 'reflect-metadata';
import { IssueDocumentInput } from '@achievement/contracts';
import { JobIssuingService } from '@achievement/documents';
import { loadConfig, SYSTEM_ACTOR } from '@achievement/platform';
import { createCentre, dropTestArtifacts } from '@achievement/testing';
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const TARGET_PER_SECOND = 150;
/** Extra node options of the worker processes, e.g. BENCH_WORKER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const WORKER_NODE_OPTIONS = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);

const FIRST = ['Łukasz', 'Γιώργος', 'Zoë', 'Anna', 'Siobhán', 'Олександр', 'José', 'Mohammed', 'Chloé', 'Björn', '小明', 'Priya'];
const LAST = ['Wójcik', 'Παπαδόπουλος', 'Müller', 'Smith', "O'Brien", 'Шевченко', 'García', 'Khan', 'Dubois', 'Ångström', '王', 'Shah'];
const QUALIFICATIONS = [
  ['603/7506/5', 'Level 3 Diploma in Light Vehicle Maintenance and Repair Principles'],
  ['601/1234/7', 'Level 2 Certificate in Welding'],
  ['610/0001/2', 'Level 1 Award in Health and Safety in the Workplace'],
];
const UNITS = [
  { code: 'F/617/5038', title: 'Health and safety in the automotive workshop' },
  { code: 'J/617/5039', title: 'Brakes: inspection and repair' },
  { code: 'L/617/5040', title: 'Tyres, wheels and steering' },
  { code: null, title: 'Electrical and electronic systems' },
];

function documents(n: number): IssueDocumentInput[] {
  return Array.from({ length: n }, (_, i) => {
    const [code, title] = QUALIFICATIONS[i % QUALIFICATIONS.length];
    const type = (['certificate', 'unit_certificate', 'record_of_achievement'] as const)[i % 3];
    return {
      enrolmentNumber: `B${String(i).padStart(7, '0')}`,
      firstName: FIRST[i % FIRST.length],
      lastName: `${LAST[(i * 7) % LAST.length]}${i % 5 === 0 ? '-Kowalska' : ''}`,
      dateOfBirth: `${1990 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`,
      email: `learner${i}@example.test`,
      qualificationCode: code,
      qualificationTitle: title,
      documentType: type,
      grade: ['Pass', 'Merit', 'Distinction', null][i % 4],
      awardDate: '2025-07-14',
      units: type === 'certificate' ? [] : UNITS.slice(0, 2 + (i % 3)),
    };
  });
}

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'worker.ts'), [], {
      env,
      execArgv: [...WORKER_NODE_OPTIONS, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: 'inherit',
    });
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const id = `${process.pid}`;
  const settings = {
    DB_NAME: `ap_test_bench_issue_${id}`,
    REDIS_PREFIX: `ap_test_bench_issue_${id}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'ap-bench-issue-')),
    LOG_LEVEL: 'warn',
    RUN_WORKERS_IN_API: 'false',
    RUN_SCHEDULED_TASKS: 'false',
    SMTP_URL: '',
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
  };
  const env = { ...process.env, ...settings };
  const config = loadConfig(env);
  console.log(`issue-job benchmark: ${DOCUMENTS.toLocaleString('en-GB')} documents, ${WORKERS} worker process${WORKERS === 1 ? '' : 'es'}`);

  // the api (no processors in it) creates and migrates the database; then the workers start
  const app = await createApiApp(config);
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(env));
    const ds = app.get(DataSource);
    const centreId = await createCentre(ds, { name: 'Benchmark College' });
    const input = documents(DOCUMENTS);

    const started = performance.now();
    const job = await app.get(JobIssuingService).issueJob(centreId, input, SYSTEM_ACTOR);
    const committed = performance.now();
    let last = -1;
    for (;;) {
      const [row] = await ds.query('SELECT status, rendered_count, failure_reason FROM jobs WHERE id = ?', [job.id]);
      if (row.status === 'issued') break;
      if (row.status === 'failed') throw new Error(`The job failed: ${row.failure_reason}`);
      const pct = Math.floor((100 * Number(row.rendered_count)) / DOCUMENTS / 10) * 10;
      if (pct !== last) {
        last = pct;
        console.log(`  ${Number(row.rendered_count).toLocaleString('en-GB')} rendered (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const finished = performance.now();

    const [check] = await ds.query(
      'SELECT COUNT(*) AS n, COUNT(file_key) AS stored, COUNT(sha256) AS hashed, COUNT(centre_copy_sha256) AS copies FROM documents WHERE job_id = ?',
      [job.id],
    );
    const stored = readdirSync(join(config.STORAGE_DIR, 'documents', String(centreId))).filter((f) => f.endsWith('.pdf'));
    const copyFiles = stored.filter((f) => f.endsWith('-centre-copy.pdf')).length;
    const files = stored.length - copyFiles;
    const [mail] = await ds.query('SELECT COUNT(*) AS n FROM outbox_emails WHERE event_key = ?', [`job.issued:${job.id}`]);
    const seconds = (finished - started) / 1000;
    const perSecond = DOCUMENTS / seconds;
    console.log(`issuing (checks + one transaction + queueing): ${((committed - started) / 1000).toFixed(2)} s`);
    console.log(
      `documents stored: ${check.stored} of ${check.n} (files on disk: ${files}, with SHA-256: ${check.hashed}); centre copies: ${check.copies} (files: ${copyFiles}); centre email written: ${Number(mail.n) === 1 ? 'yes' : 'no'}`,
    );
    console.log(
      `end to end: ${seconds.toFixed(2)} s → ${perSecond.toFixed(1)} documents issued per second (target ${TARGET_PER_SECOND}: ${perSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'})`,
    );
    if (Number(check.stored) !== DOCUMENTS || files !== DOCUMENTS || Number(check.copies) !== DOCUMENTS || copyFiles !== DOCUMENTS) process.exitCode = 1;
  } finally {
    const cpu = workers.map((w) => new Promise<number>((r) => w.once('message', (m: { cpuMs?: number }) => r(m.cpuMs ?? 0))));
    for (const w of workers) w.send('stop');
    const cpuMs = (await Promise.race([Promise.all(cpu), new Promise<number[]>((r) => setTimeout(() => r([]), 5000))])).reduce((a, b) => a + b, 0);
    if (cpuMs) {
      // the workers' own CPU time (rendering, storing, queue and database calls), whatever else the machine was doing
      const perDoc = cpuMs / DOCUMENTS;
      console.log(
        `worker CPU: ${perDoc.toFixed(1)} ms per document (all workers, start-up included) → at most ${((1000 * WORKERS) / perDoc).toFixed(0)} documents per second on ${WORKERS} otherwise idle core${WORKERS === 1 ? '' : 's'}`,
      );
    }
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await app.close();
    await dropTestArtifacts(config);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
