import { SCHEMA_MIGRATIONS } from '@achievement/schema';
/*
 * Smart Verify benchmark: GET /api/verify/:code (JSON) and the page /verify/<code> (the portal's
 * index.html served by the api), each under 50 connections with autocannon on loopback, against a
 * plain node:http server answering a fixed JSON body, in the same run. The api runs in a process
 * of its own as in production (NODE_ENV=production, LOG_LEVEL=warn, no in-process workers), with
 * its per-address verification limit raised through the environment (VERIFY_LOOKUPS_PER_MINUTE),
 * not disabled; every look-up is still counted and logged.
 *
 * Both routes are answered at the server's front door (libs/platform/src/http/front-door.ts), and
 * the look-up of a code verified a moment ago comes from memory (VerifiableDocumentCache, dropped
 * at once by any change): the bench looks up one code, so after the first request it measures that
 * cached path, which is what a QR code scanned again and again costs. The first look-up of a code
 * reads the database (answers of the same moment share one statement). Every look-up is logged;
 * identical ones (same document, way and client) within a second count on one row, so this
 * bench's single client writes a log row a second (many clients write a row each per second).
 *
 *   npm run bench:verify                          (database ap_bench_verify: created and seeded when needed)
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CONNECTIONS=100 npm run bench:verify
 *
 * Target: at least 0.5 of plain node:http's requests/second, with p99 under 25 ms at 50 connections.
 */
import 'reflect-metadata';
import { dataSourceOptions, ensureDatabase, loadConfig, runMigrationsLocked } from '@achievement/platform';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { freePort, productionSettings, ROOT, startApi, startProcess } from '../support/production-api';

const DB_NAME = process.env.BENCH_DB_NAME ?? 'ap_bench_verify';
/** The database user the bench's api signs in as (production needs one with a password). */
const BENCH_DB_USER = 'ap_bench_verify';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 3;
const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 25;
/** 24 bytes of base64url, fixed so that a reused database keeps its bench document */
const BENCH_CODE = 'BenchVerifyCode_0123456789abcdef'.slice(0, 32);

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
// autocannon ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: { url: string; connections: number; duration: number; pipelining: number }) => Promise<AutocannonResult>;

const STAND_IN_INDEX = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Achievement Portal</title>
  <base href="/">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/x-icon" href="favicon.ico">
  <link rel="stylesheet" href="styles.css">
</head>
<body class="mat-typography">
  <app-root></app-root>
  <script src="polyfills.js" type="module"></script>
  <script src="main.js" type="module"></script>
</body>
</html>
`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The database migrated, with one rendered-looking valid document whose code is BENCH_CODE. */
async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  await ensureDatabase(config);
  const ds = await new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize();
  try {
    await runMigrationsLocked(ds);
    // each run starts with an empty verification log, so runs compare (inserts into a table of millions of rows cost more)
    await ds.query('TRUNCATE verification_log');
    const [found] = await ds.query('SELECT id FROM documents WHERE verification_code = ?', [BENCH_CODE]);
    if (found) return;
    const centre = await ds.query(`INSERT INTO centres (number, name, central_email, address_line1, town, postcode, created_at, updated_at)
       VALUES ('C99001', 'Bench College', 'bench@college.example', '1 Bench Road', 'Benchton', 'BE1 1CH', NOW(3), NOW(3))`);
    const qualification = await ds.query(
      `INSERT INTO qualifications (code, title, level, display_on_verify) VALUES ('603/7506/5', 'Level 3 Diploma in Light Vehicle Maintenance', 3, 1)`,
    );
    const learner = await ds.query(
      `INSERT INTO learners (enrolment_number, first_name, last_name, date_of_birth, email, created_at) VALUES ('B0000001', 'Bench', 'Learner', '2002-02-02', NULL, NOW(3))`,
    );
    const job = await ds.query(
      `INSERT INTO jobs (number, centre_id, status, document_count, rendered_count, created_at, issued_at) VALUES ('JBENCH1', ?, 'issued', 1, 1, NOW(3), NOW(3))`,
      [centre.insertId],
    );
    await ds.query(
      `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, learner_name, grade, award_date, issued_at)
       VALUES (?, ?, ?, ?, 'certificate', 'D100000001', ?, 'valid', 1, 'Bench Learner', 'Merit', '2025-07-14', NOW(3))`,
      [job.insertId, centre.insertId, learner.insertId, qualification.insertId, BENCH_CODE],
    );
  } finally {
    await ds.destroy();
  }
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(name: string, url: string, seconds: number): Promise<Figures> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
  });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function main(): Promise<void> {
  const apiPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(await productionSettings(DB_NAME, BENCH_DB_USER)),
    NODE_ENV: 'production',
    DB_NAME,
    REDIS_PREFIX: 'ap_bench_verify',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    LOG_LEVEL: 'warn',
    RUN_WORKERS_IN_API: 'false',
    RUN_SCHEDULED_TASKS: 'false',
    COOKIE_SECURE: 'false',
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, 'var', 'bench-verify-files'),
    // raised for the load (one client address sends everything), not disabled: every request is still counted
    VERIFY_LOOKUPS_PER_MINUTE: '10000000',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  const webDist = resolve(ROOT, env.WEB_DIST_DIR ?? 'dist/apps');
  const hasPortal = existsSync(join(webDist, 'portal', 'browser', 'index.html'));
  if (!hasPortal) {
    // the portal is not built (or is being rebuilt): a stand-in index.html of the same kind, so the page route is still measured
    const standIn = mkdtempSync(join(tmpdir(), 'ap-bench-web-'));
    mkdirSync(join(standIn, 'portal', 'browser'), { recursive: true });
    writeFileSync(join(standIn, 'portal', 'browser', 'index.html'), STAND_IN_INDEX);
    env.WEB_DIST_DIR = standIn;
  }
  console.log(`Preparing ${DB_NAME}…`);
  await prepareDatabase(env);

  const children: ChildProcess[] = [];
  try {
    const plain = await startProcess(process.execPath, [join(__dirname, 'plain-server.js')], env, /listening (\d+)/);
    children.push(plain.child);
    const plainPort = Number(/listening (\d+)/.exec(plain.line)![1]);
    console.log('Starting the api (NODE_ENV=production, LOG_LEVEL=warn)…');
    children.push(await startApi(env));

    const base = `http://127.0.0.1:${apiPort}`;
    const check = await fetch(`${base}/api/verify/${BENCH_CODE}`);
    if (check.status !== 200) throw new Error(`GET /api/verify/<code> answered ${check.status}: ${await check.text()}`);
    const page = await fetch(`${base}/verify/${BENCH_CODE}`);
    const pageText = await page.text();
    if (page.status !== 200 || !pageText.includes('<')) throw new Error(`GET /verify/<code> answered ${page.status}`);
    if (!hasPortal) console.log(`(the portal is not built in ${webDist}: /verify/<code> serves a stand-in index.html; build the portal for the real page)`);

    const targets: [string, string][] = [
      ['plain node:http (fixed JSON)', `http://127.0.0.1:${plainPort}/`],
      ['GET /api/verify/:code (JSON)', `${base}/api/verify/${BENCH_CODE}?via=qr`],
      ['GET /verify/<code> (page)', `${base}/verify/${BENCH_CODE}`],
    ];
    // warm every target up, then measure them in turns (round after round), so that a busy moment of the machine
    // falls on all of them alike; each figure is the median of the rounds, each ratio the median of the rounds' ratios
    for (const [name, url] of targets) {
      process.stdout.write(`${name}: warming up ${WARMUP_SECONDS}s…\n`);
      await load(name, url, WARMUP_SECONDS);
    }
    const rounds: Figures[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      process.stdout.write(`round ${round} of ${ROUNDS}: each target ${SECONDS}s at ${CONNECTIONS} connections…\n`);
      const figures: Figures[] = [];
      for (const [name, url] of targets) figures.push(await load(name, url, SECONDS));
      rounds.push(figures);
    }
    const results = targets.map(([name], i) => {
      const all = rounds.map((r) => r[i]);
      return {
        name,
        rps: median(all.map((f) => f.rps)),
        p50: median(all.map((f) => f.p50)),
        p99: median(all.map((f) => f.p99)),
        ratio: median(rounds.map((r) => r[i].rps / r[0].rps)),
        non2xx: all.reduce((n, f) => n + f.non2xx, 0),
        errors: all.reduce((n, f) => n + f.errors, 0),
      };
    });
    console.log('');
    console.log(
      `${'target'.padEnd(32)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`,
    );
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${r.ratio.toFixed(2).padStart(6)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}`,
      );
    }
    console.log(`(medians of ${ROUNDS} rounds; ratio: the median of each round's req/s over plain node:http's in the same round)`);
    console.log('');
    let missed = false;
    for (const r of results.slice(1)) {
      const ok = r.ratio >= RATIO_TARGET && r.p99 < P99_TARGET_MS && r.non2xx === 0 && r.errors === 0;
      if (!ok) missed = true;
      console.log(`${r.name}: ${ok ? 'meets' : 'MISSES'} the target (≥ ${RATIO_TARGET} of plain node:http, p99 < ${P99_TARGET_MS} ms, no errors)`);
    }
    if (missed) process.exitCode = 1;
    const logged = await (async () => {
      const config = loadConfig(env);
      const ds = await new DataSource(dataSourceOptions(config)).initialize();
      try {
        return Number((await ds.query('SELECT COUNT(*) AS n FROM verification_log'))[0].n);
      } finally {
        await ds.destroy();
      }
    })();
    console.log(`verification_log rows in ${DB_NAME}: ${logged} (every look-up is logged, in batches)`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
