/*
 * Checkout benchmark: 50 different staff of one centre add to their baskets at the same moment,
 * then check out on the centre's one credit account at the same moment (over real HTTP against a
 * listening api with the production pool of 10 database connections), while an unrelated public
 * verification look-up is timed during the checkouts. Prints the status counts and the p99 of
 * each batch beside the targets, and whether the credit limit held.
 *
 *   npm run bench:checkout
 *   BENCH_SHOPPERS=100 BENCH_AFFORDABLE=40 npm run bench:checkout
 *
 * Targets (issue 12): no 5xx answer; every request succeeds or gets a clear 4xx; the limit holds;
 * p99 under 2 s at 50 at once. Exits 1 when one is missed. Uses a throw-away database
 * (ap_test_bench_checkout_<pid>), Redis prefix and storage folder, all removed at the end.
 */
import 'reflect-metadata';
import { loadConfig } from '@achievement/platform';
import { dropTestArtifacts } from '@achievement/testing';
import { mkdtempSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createDocument } from '../../libs/documents/test/document-factory';
import { addToBasketsAtOnce, checkoutsAtOnce, ledgerOf, p99, prepareLoadWorld, statusCounts, Timed } from '../../libs/commerce/test/checkout-load';

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 50);
const AFFORDABLE = Number(process.env.BENCH_AFFORDABLE ?? 20);
const TARGET_P99_MS = 2000;

function report(name: string, results: Timed[]): boolean {
  const counts = statusCounts(results);
  const fivexx = results.filter((r) => r.status >= 500).length;
  const worst = p99(results);
  const ok = fivexx === 0 && worst < TARGET_P99_MS;
  const shown = Object.entries(counts)
    .map(([s, n]) => `${s}×${n}`)
    .join(', ');
  console.log(
    `${name.padEnd(26)} statuses ${shown.padEnd(18)} 5xx ${fivexx} (target 0)   p99 ${worst.toFixed(0).padStart(5)} ms (target < ${TARGET_P99_MS})   ${ok ? 'met' : 'NOT met'}`,
  );
  return ok;
}

async function main(): Promise<void> {
  const id = `${process.pid}`;
  const config = loadConfig({
    ...process.env,
    DB_NAME: `ap_test_bench_checkout_${id}`,
    REDIS_PREFIX: `ap_test_bench_checkout_${id}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'ap-bench-checkout-')),
    LOG_LEVEL: 'warn',
    RUN_SCHEDULED_TASKS: 'false',
    SMTP_URL: '',
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    TRUST_PROXY: 'true',
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  console.log(`checkout benchmark: ${SHOPPERS} shoppers of one centre at once, credit for ${AFFORDABLE} orders, ${config.DB_POOL_SIZE} database connections`);
  const app = await createApiApp(config);
  let ok = true;
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const ds = app.get(DataSource);
    const world = await prepareLoadWorld(ds, base, SHOPPERS, AFFORDABLE);
    const unrelated = await createDocument(ds, {
      centreId: world.centreId,
      firstName: 'Vera',
      lastName: 'Fication',
    });
    const [{ verification_code: code }] = await ds.query('SELECT verification_code FROM documents WHERE id = ?', [unrelated.id]);

    ok = report(`add to basket ×${SHOPPERS}`, await addToBasketsAtOnce(world)) && ok;

    const lookup = (async () => {
      await new Promise((r) => setTimeout(r, 50));
      const started = performance.now();
      const res = await fetch(`${base}/api/verify/${code}`);
      await res.text();
      return { status: res.status, ms: performance.now() - started };
    })();
    const checkouts = await checkoutsAtOnce(world, `bench-${id}`);
    ok = report(`checkout ×${SHOPPERS} (credit)`, checkouts) && ok;
    const counts = statusCounts(checkouts);
    const unclear = checkouts.filter((r) => r.status !== 201 && !(r.status === 409 && typeof r.body?.message === 'string')).length;
    const verify = await lookup;
    console.log(`verification look-up during the checkouts: ${verify.status} in ${verify.ms.toFixed(0)} ms`);

    const ledger = await ledgerOf(ds, world.centreId);
    const held = ledger.debits <= ledger.limitPence && ledger.owedPence <= ledger.limitPence;
    console.log(
      `credit: limit ${ledger.limitPence} p, debited ${ledger.debits} p in ${ledger.entries} orders (${counts[201] ?? 0} placed, ${counts[409] ?? 0} refused with 409); limit held: ${held ? 'yes' : 'NO'}; ledger consistent: ${ledger.consistent ? 'yes' : 'NO'}; answers neither 201 nor a clear 409: ${unclear}`,
    );
    ok = ok && held && ledger.consistent && unclear === 0;
  } finally {
    await app.close();
    await dropTestArtifacts(config);
  }
  console.log(ok ? 'all targets met' : 'a target was missed');
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
