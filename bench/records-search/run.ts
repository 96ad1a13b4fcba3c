import { SCHEMA_MIGRATIONS } from '@achievement/schema';
/*
 * Records search benchmark: 1,000,000 documents across 2,000 centres (the large seed), queried
 * as a signed-in user of the largest centre, end to end over HTTP (a real socket), and the same
 * statements as raw SQL in the same run. Prints median and p99 per kind of query.
 *
 *   npm run bench:records-search                 (database ap_bench: seeded when empty, reused after)
 *   BENCH_DB_NAME=other BENCH_ITERATIONS=500 npm run bench:records-search
 *
 * Targets: p99 under 25 ms for every kind; API median no more than 5 ms above the SQL median.
 */
import 'reflect-metadata';
import { RecordFilter, RecordQuery } from '@achievement/contracts';
import { dataSourceOptions, ensureDatabase, loadConfig, runMigrationsLocked } from '@achievement/platform';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import { encodeRecordCursor, issuedKey } from '../../libs/documents/src/records/record-cursor';
import { indexRecordNames } from '../../libs/documents/src/records/record-search-index';
import { countRecordsSql, searchRecordsSql } from '../../libs/documents/src/records/records.service';

const DB_NAME = process.env.BENCH_DB_NAME ?? 'ap_bench';
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 50;
const BENCH_USER = 'bench@achievement.test';
const P99_TARGET_MS = 25;
const MEDIAN_OVERHEAD_TARGET_MS = 5;
const DEEP_PAGE = 500;
const PAGE_SIZE = 50;

interface Kind {
  name: string;
  /** one query per iteration, cycling through varied parameters */
  queries: { path: string; sql: { sql: string; params: unknown[] } }[];
}

/** A browser-like session over one kept-alive connection (node:http: less client work per request than fetch). */
class HttpSession {
  private readonly cookies = new Map<string, string>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  constructor(private readonly port: number) {}

  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
      if (payload) headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair] = c.split(';');
            const eq = pair.indexOf('=');
            this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p99: at(0.99) };
}

async function ensureSeeded(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM documents');
  if (Number(n) === 0) {
    console.log(`Seeding 1,000,000 documents into ${DB_NAME} (a few minutes; reused by later runs)…`);
    const summary = await seedDemoData(ds, { size: 'large', log: (l) => console.log(l) });
    console.log(`Seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s.`);
    return;
  }
  console.log(`Reusing ${DB_NAME}: ${Number(n).toLocaleString('en-GB')} documents.`);
  const [{ w }] = await ds.query('SELECT EXISTS (SELECT 1 FROM record_name_words) AS w');
  if (Number(w) === 0) {
    // a database seeded before the name search existed: fill its rows once
    console.log('Filling record_name_words for the existing documents…');
    let after = 0;
    for (;;) {
      const rows: { id: number; centre_id: number; learner_name: string }[] = await ds.query(
        'SELECT id, centre_id, learner_name FROM documents WHERE id > ? ORDER BY id LIMIT 20000',
        [after],
      );
      if (rows.length === 0) break;
      await ds.transaction((m) =>
        indexRecordNames(
          m,
          rows.map((r) => ({ id: Number(r.id), centreId: Number(r.centre_id), learnerName: r.learner_name })),
        ),
      );
      after = Number(rows[rows.length - 1].id);
    }
  }
}

async function buildKinds(ds: DataSource, centreId: number): Promise<Kind[]> {
  const qs = (q: Record<string, unknown>) =>
    new URLSearchParams(
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ).toString();
  const search = (q: RecordQuery) => ({ path: `/api/records?${qs(q as Record<string, unknown>)}`, sql: searchRecordsSql(centreId, q) });
  const count = (q: RecordFilter) => ({ path: `/api/records/count?${qs(q as Record<string, unknown>)}`, sql: countRecordsSql(centreId, q) });

  // varied parameters, drawn from the centre's own data
  const learners: { first_name: string; last_name: string; enrolment_number: string }[] = await ds.query(
    `SELECT l.first_name, l.last_name, l.enrolment_number FROM documents d JOIN learners l ON l.id = d.learner_id
      WHERE d.centre_id = ? ORDER BY d.id LIMIT 40`,
    [centreId],
  );
  const picked = learners.filter((_, i) => i % 2 === 0).slice(0, 20);
  const quals: { code: string }[] = await ds.query(
    `SELECT q.code FROM qualifications q WHERE q.id IN (SELECT DISTINCT qualification_id FROM documents WHERE centre_id = ?) ORDER BY q.code`,
    [centreId],
  );
  const [range] = await ds.query('SELECT MIN(issued_at) AS lo, MAX(issued_at) AS hi FROM documents WHERE centre_id = ?', [centreId]);
  const hiYear = new Date(range.hi).getUTCFullYear();
  const [deep] = await ds.query('SELECT id, issued_at FROM documents WHERE centre_id = ? ORDER BY issued_at DESC, id DESC LIMIT 1 OFFSET ?', [
    centreId,
    DEEP_PAGE * PAGE_SIZE - 1,
  ]);
  const deepCursor = encodeRecordCursor({ sort: 'issued_desc', key: issuedKey(new Date(deep.issued_at)), id: Number(deep.id) });

  return [
    {
      name: 'name prefix ("smi jo")',
      queries: picked.map((l) => search({ name: `${l.last_name.slice(0, 3)} ${l.first_name.slice(0, 2)}` })),
    },
    { name: 'enrolment number', queries: picked.map((l) => search({ enrolmentNumber: l.enrolment_number })) },
    {
      name: 'qualification + date range',
      queries: quals.flatMap((q) => [
        search({ qualification: q.code, issuedFrom: `${hiYear - 1}-01-01`, issuedTo: `${hiYear - 1}-12-31` }),
        search({ qualification: q.code, issuedFrom: `${hiYear}-01-01`, issuedTo: `${hiYear}-06-30` }),
      ]),
    },
    { name: `page ${DEEP_PAGE + 1} (keyset, ${(DEEP_PAGE * PAGE_SIZE).toLocaleString('en-GB')} rows deep)`, queries: [search({ cursor: deepCursor })] },
    { name: 'count (whole centre)', queries: [count({})] },
  ];
}

/** What any signed-in request costs (session, CSRF, rate limit, routing, JSON), for reading the rows above; no target. */
function baselineKind(): Kind {
  return { name: 'baseline: GET /api/auth/session vs SELECT 1', queries: [{ path: '/api/auth/session', sql: { sql: 'SELECT 1', params: [] } }] };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, {
    DB_NAME,
    REDIS_PREFIX: 'ap_bench',
    LOG_LEVEL: 'silent',
    RUN_WORKERS_IN_API: false,
    RUN_SCHEDULED_TASKS: false,
    RATE_LIMIT_PER_MINUTE: 100_000,
    WEB_DIST_DIR: '/nonexistent',
    COOKIE_SECURE: false,
  });
  await ensureDatabase(config);
  const ds = await new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize();
  let app: NestFastifyApplication | undefined;
  try {
    await runMigrationsLocked(ds);
    await ensureSeeded(ds);
    const [user] = await ds.query('SELECT centre_id FROM users WHERE email = ?', [BENCH_USER]);
    if (!user) throw new Error(`${DB_NAME} has no ${BENCH_USER}: it was not made by "seed --size large"; drop it or use another BENCH_DB_NAME`);
    const centreId = Number(user.centre_id);
    const [{ docs }] = await ds.query('SELECT COUNT(*) AS docs FROM documents WHERE centre_id = ?', [centreId]);

    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const http = new HttpSession(address.port);
    await http.request('GET', '/api/auth/session');
    const signIn = await http.request('POST', '/api/auth/sign-in', { email: BENCH_USER, password: DEMO_PASSWORD });
    if (signIn.status !== 200) throw new Error(`Sign-in failed: ${signIn.status} ${JSON.stringify(signIn.json)}`);

    const kinds = [...(await buildKinds(ds, centreId)), baselineKind()];
    const [pool] = await ds.query(`SELECT @@innodb_buffer_pool_size AS bytes`);
    console.log(
      `innodb_buffer_pool_size: ${Math.round(Number(pool.bytes) / 2 ** 20)} MiB (the data set is ~800 MB; a smaller pool makes the SQL read pages from the OS)`,
    );
    // raw SQL through its own connection, as the api's pool sends it (mysql2, text protocol)
    const runner = ds.createQueryRunner();
    await runner.connect();
    console.log(
      `\nRecords API vs raw SQL — centre ${centreId} (${Number(docs).toLocaleString('en-GB')} documents), ` +
        `${ITERATIONS} timed requests per kind after ${WARMUP} warm-up, one at a time\n`,
    );
    const header = ['kind', 'API median', 'API p99', 'SQL median', 'SQL p99', 'API − SQL median', 'result'];
    const lines: string[][] = [];
    let allMet = true;
    for (const kind of kinds) {
      const api: number[] = [];
      const sql: number[] = [];
      for (let i = 0; i < WARMUP + ITERATIONS; i++) {
        const q = kind.queries[i % kind.queries.length];
        let t0 = performance.now();
        const res = await http.request('GET', q.path);
        const apiMs = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${q.path} answered ${res.status}: ${JSON.stringify(res.json)}`);
        t0 = performance.now();
        await runner.query(q.sql.sql, q.sql.params);
        const sqlMs = performance.now() - t0;
        if (i >= WARMUP) {
          api.push(apiMs);
          sql.push(sqlMs);
        }
      }
      const a = stats(api);
      const s = stats(sql);
      const baseline = kind.name.startsWith('baseline');
      const met = a.p99 < P99_TARGET_MS && s.p99 < P99_TARGET_MS && a.median - s.median <= MEDIAN_OVERHEAD_TARGET_MS;
      if (!baseline) allMet &&= met;
      const ms = (v: number) => `${v.toFixed(2)} ms`;
      lines.push([kind.name, ms(a.median), ms(a.p99), ms(s.median), ms(s.p99), ms(a.median - s.median), baseline ? '-' : met ? 'met' : 'MISSED']);
    }
    await runner.release();
    http.close();
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(row(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const l of lines) console.log(row(l));
    console.log(
      `\nTargets: p99 < ${P99_TARGET_MS} ms for every kind; API median ≤ SQL median + ${MEDIAN_OVERHEAD_TARGET_MS} ms. ${allMet ? 'All met.' : 'Some MISSED.'}`,
    );
    process.exitCode = allMet ? 0 : 1;
  } finally {
    await app?.close();
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
