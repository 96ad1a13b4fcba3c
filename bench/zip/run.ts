/*
 * Zip benchmark: a download of 1,000 and of 10,000 documents built through the real queue by a
 * separate worker process (the real worker module), from the request to "ready"; in the same run,
 * `zip -0` of the same PDF files. Prints MB/s of both, their ratio, and the worker's peak memory
 * (VmHWM of /proc/<pid>/status; a fresh worker per size, so each peak is that build's).
 *
 *   npm run bench:zip
 *   BENCH_SIZES=1000,10000 npm run bench:zip
 *
 * Target: at least 0.4 of zip -0's throughput, and a peak memory that does not grow with the
 * number of documents. The PDFs are not rendered 10,000 times: one certificate is rendered by the
 * real renderer and copied to each document's file key. Uses a throw-away database, Redis prefix
 * and storage folder, all removed at the end. Needs Debian's `zip`.
 */
import 'reflect-metadata';
import { DocumentPdfRenderer } from '@achievement/documents';
import { DownloadsService } from '@achievement/downloads';
import { AuthenticatedUser, loadConfig } from '@achievement/platform';
import { createCentre, createUser, dropTestArtifacts } from '@achievement/testing';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const TARGET_RATIO = 0.4;
const MB = 1024 * 1024;

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'worker.ts'), [], {
      env,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: 'inherit',
    });
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function stopWorker(w: ChildProcess): Promise<void> {
  const exited = new Promise((r) => w.once('exit', r));
  w.send('stop');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (w.exitCode === null) w.kill('SIGKILL');
}

function memoryOf(pid: number): { hwmMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { hwmMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function main(): Promise<void> {
  const id = `${process.pid}`;
  const settings = {
    DB_NAME: `ap_test_bench_zip_${id}`,
    REDIS_PREFIX: `ap_test_bench_zip_${id}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'ap-bench-zip-')),
    LOG_LEVEL: 'warn',
    RUN_WORKERS_IN_API: 'false',
    RUN_SCHEDULED_TASKS: 'false',
    SMTP_URL: '',
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
  };
  const env = { ...process.env, ...settings };
  const config = loadConfig(env);
  const work = mkdtempSync(join(tmpdir(), 'ap-bench-zip-out-'));
  const app = await createApiApp(config);
  try {
    const ds = app.get(DataSource);
    const centreId = await createCentre(ds, { name: 'Benchmark College' });
    const staff = await createUser(ds, 'centre_staff', { centreId });
    const user: AuthenticatedUser = {
      id: staff.id,
      email: staff.email,
      name: 'Bench Mark',
      role: 'centre_staff',
      centreId,
      sessionId: 'bench',
    };

    const pdf = await new DocumentPdfRenderer().render({
      type: 'unit_certificate',
      documentNumber: 'D100000000',
      learnerName: 'Łukasz Wójcik',
      enrolmentNumber: '0000001',
      qualificationCode: '603/7506/5',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair Principles',
      grade: 'Distinction',
      awardDate: '2025-07-14',
      units: [
        {
          code: 'F/617/5038',
          title: 'Health and safety in the automotive workshop',
        },
        { code: 'J/617/5039', title: 'Brakes: inspection and repair' },
      ],
      centreName: 'Benchmark College',
      centreNumber: 'C00001',
      version: 1,
      verificationUrl: `${config.PUBLIC_URL}/verify/${'0'.repeat(32)}`,
    });
    const source = join(work, 'one.pdf');
    writeFileSync(source, pdf);
    console.log(`zip benchmark: one rendered certificate (${(pdf.length / 1024).toFixed(1)} KB) copied under each document's file key (not rendered per document)`);

    const [learner, qualification] = [
      Number(
        (await ds.query(`INSERT INTO learners (enrolment_number, first_name, last_name, date_of_birth, created_at) VALUES ('B0000001', 'Łukasz', 'Wójcik', '2001-01-01', NOW(3))`))
          .insertId,
      ),
      Number((await ds.query(`INSERT INTO qualifications (code, title, level, display_on_verify) VALUES ('603/7506/5', 'Level 3 Diploma', 3, 1)`)).insertId),
    ];

    for (const size of SIZES) {
      // the documents of one job, each with its own PDF file
      const job = await ds.query(
        `INSERT INTO jobs (number, centre_id, status, document_count, rendered_count, created_at, issued_at) VALUES (?, ?, 'issued', ?, ?, NOW(3), NOW(3))`,
        [`JB${size}`, centreId, size, size],
      );
      const jobId = Number(job.insertId);
      await ds.query(
        `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, learner_name, grade, award_date, issued_at)
         SELECT ?, ?, ?, ?, 'certificate', CONCAT('B', ?, '-', LPAD(seq, 6, '0')), CONCAT(?, LPAD(seq, 26, '0')), 'valid', 1, 'Łukasz Wójcik', 'Pass', '2025-07-01', NOW(3)
           FROM seq_1_to_${size}`,
        [jobId, centreId, learner, qualification, size, String(size).padStart(6, '0')],
      );
      await ds.query(`UPDATE documents SET file_key = CONCAT('documents/', centre_id, '/', id, '-v1.pdf') WHERE job_id = ?`, [jobId]);
      const rows: { file_key: string }[] = await ds.query('SELECT file_key FROM documents WHERE job_id = ? ORDER BY id', [jobId]);
      mkdirSync(join(config.STORAGE_DIR, 'documents', String(centreId)), {
        recursive: true,
      });
      for (const r of rows) copyFileSync(source, join(config.STORAGE_DIR, r.file_key));
      const totalMb = (rows.length * pdf.length) / MB;

      const worker = await startWorker(env);
      try {
        const before = memoryOf(worker.pid!);
        const started = performance.now();
        const request = await app.get(DownloadsService).requestDownload(user, {
          name: `Bench ${size}`,
          purpose: 'audit',
          includeManifest: true,
          jobId,
        });
        let row: {
          status: string;
          size_bytes: string;
          failure_reason: string | null;
          started_at: Date;
          ready_at: Date;
        };
        for (;;) {
          [row] = await ds.query('SELECT status, size_bytes, failure_reason, started_at, ready_at FROM download_requests WHERE id = ?', [request.id]);
          if (row.status === 'ready' || row.status === 'failed') break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const seconds = (performance.now() - started) / 1000;
        if (row.status !== 'ready') throw new Error(`The zip failed: ${row.failure_reason}`);
        const after = memoryOf(worker.pid!);
        const zipPath = join(config.STORAGE_DIR, 'downloads', String(centreId), `${request.id}.zip`);
        const tested = execFileSync('unzip', ['-tqq', zipPath], {
          encoding: 'utf8',
        }).trim();

        // zip -0 of the same files, from the storage folder
        const list = rows.map((r) => r.file_key).join('\n');
        const out = join(work, `zip0-${size}.zip`);
        const zipStarted = performance.now();
        execFileSync('zip', ['-0', '-q', '-@', out], {
          cwd: config.STORAGE_DIR,
          input: list,
        });
        const zipSeconds = (performance.now() - zipStarted) / 1000;
        rmSync(out);

        const ours = totalMb / seconds;
        const theirs = totalMb / zipSeconds;
        console.log(
          `\n${size.toLocaleString('en-GB')} documents (${totalMb.toFixed(1)} MB of PDFs, zip ${(Number(row.size_bytes) / MB).toFixed(1)} MB, with manifest; unzip -t: ${tested === '' ? 'ok' : tested})`,
        );
        console.log(`  worker (request → ready, through the queue): ${seconds.toFixed(2)} s → ${ours.toFixed(1)} MB/s`);
        const buildSeconds = (new Date(row.ready_at).getTime() - new Date(row.started_at).getTime()) / 1000;
        console.log(
          `  of which the build (started_at → ready_at):   ${buildSeconds.toFixed(2)} s → ${(totalMb / buildSeconds).toFixed(1)} MB/s, ${(totalMb / buildSeconds / theirs).toFixed(2)} of zip -0`,
        );
        console.log(`  zip -0:                                      ${zipSeconds.toFixed(2)} s → ${theirs.toFixed(1)} MB/s`);
        console.log(`  ratio: ${(ours / theirs).toFixed(2)} of zip -0 (target ${TARGET_RATIO}: ${ours / theirs >= TARGET_RATIO ? 'met' : 'NOT met'})`);
        console.log(`  worker memory: peak (VmHWM) ${after.hwmMb.toFixed(0)} MB, after start-up ${before.hwmMb.toFixed(0)} MB, RSS now ${after.rssMb.toFixed(0)} MB`);
        statSync(zipPath);
      } finally {
        await stopWorker(worker);
      }
    }
  } finally {
    await app.close();
    await dropTestArtifacts(config);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
