import { SCHEMA_MIGRATIONS } from '@achievement/schema';
/*
 * Web benchmark: the public pages as a phone on mobile data sees them. The api runs in a process of
 * its own as in production (NODE_ENV=production, the built web apps, demo data), and Debian's
 * Chromium opens each page with the phone profile Lighthouse uses for mobile: 150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 4×, a 390×844 screen. Each page is opened cold
 * (a new browser context: empty cache) and again warm (the same context).
 *
 *   npm run build:web && npm run bench:web
 *   BENCH_WEB_RUNS=5 npm run bench:web          (figures are the medians of the runs; default 3)
 *   BENCH_WEB_LIGHTHOUSE=0 npm run bench:web    (skip Lighthouse)
 *
 * Figures (see the issue's targets, printed beside each):
 * - readable / usable: from the start of the navigation until the element that answers the
 *   visitor is in the page and laid out (the verification status and key facts; the sign-in form's
 *   button; for the admin area, its first rows, against the shell's top bar of the same visit);
 * - transferred: the bytes on the wire (headers and compressed bodies) until the network is idle;
 * - console errors and the cumulative layout shift (CLS) of the visit;
 * - warm: how many files with hashed names were asked for again (a 200 from the network or a 304).
 * Lighthouse 12 (mobile, its own simulated throttling) scores the two public pages as well.
 */
import 'reflect-metadata';
import { dataSourceOptions, ensureDatabase, loadConfig, runMigrationsLocked, webFileCacheControl } from '@achievement/platform';
import { ChildProcess, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { totpCodeAt } from '@achievement/identity';
import { DEMO_PASSWORD, seedDemoData } from '../../apps/api/src/seed/demo-seeder';
import { freePort, productionSettings, ROOT, startApi } from '../support/production-api';

const DB_NAME = process.env.BENCH_DB_NAME ?? 'ap_bench_web';
const DB_USER = 'ap_bench_web';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE = process.env.BENCH_WEB_LIGHTHOUSE !== '0';

/** Lighthouse's mobile profile (its "slow 4G"), applied by the browser itself. */
const PHONE = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 },
};

interface Visit {
  /** ms from the navigation's start until the answer's element was laid out */
  readyMs: number;
  /** the same for a second element (the shell's top bar, for the admin area), else null */
  shellMs: number | null;
  lcpMs: number | null;
  cls: number;
  bytes: number;
  requests: number;
  /** files with hashed names the browser asked the server for (200 from the network, or 304) */
  hashedFetched: number;
  errors: string[];
}

/** Watches for `selector` (and `shellSelector`) from the first byte of the page: when each is in the page with a size. */
function watchScript(selector: string, shellSelector: string | null): string {
  return `(() => {
    const w = window;
    w.__bench = { ready: null, shell: null, cls: 0, lcp: null };
    const laidOut = (sel) => { const el = document.querySelector(sel); return !!el && el.getBoundingClientRect().height > 0; };
    const check = () => {
      const now = performance.now();
      if (w.__bench.ready === null && laidOut(${JSON.stringify(selector)})) w.__bench.ready = now;
      ${shellSelector ? `if (w.__bench.shell === null && laidOut(${JSON.stringify(shellSelector)})) w.__bench.shell = now;` : ''}
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) w.__bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  })();`;
}

async function phoneContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    userAgent: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
    storageState,
  });
}

/** One visit of `url` in `page` (throttled as a phone), measured until the network is idle. */
async function visit(page: Page, url: string, selector: string, shellSelector: string | null = null): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBytesPerSecond,
    uploadThroughput: PHONE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  await cdp.send('Page.enable');
  const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: watchScript(selector, shellSelector) });

  let bytes = 0;
  let requests = 0;
  const fromCache = new Set<string>();
  const hashedFetched = new Set<string>();
  const pending = new Set<string>();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests++;
    pending.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    pending.delete(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    const path = new URL(e.response.url).pathname;
    const cached = e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker || fromCache.has(e.requestId);
    if (!cached && path.includes('.') && webFileCacheControl(path).includes('immutable')) hashedFetched.add(path);
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    pending.delete(e.requestId);
    lastActivity = Date.now();
  });
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(m.text());
  };
  const onError = (e: Error) => errors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const withShell = shellSelector !== null;
    await page.waitForFunction(
      (shell) => {
        const bench = (window as unknown as { __bench?: { ready: number | null; shell: number | null } }).__bench;
        return !!bench && bench.ready !== null && (!shell || bench.shell !== null);
      },
      withShell,
      { timeout: 120_000, polling: 100 },
    );
    // idle: no request open, and none started or ended for a second (Playwright's networkidle can miss a long font download)
    const deadline = Date.now() + 120_000;
    while (pending.size > 0 || Date.now() - lastActivity < 1000) {
      if (Date.now() > deadline) throw new Error(`${url}: the network never went idle (${pending.size} requests open)`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const figures = await page.evaluate(
      () => (window as unknown as { __bench: { ready: number; shell: number | null; cls: number; lcp: number | null } }).__bench,
    );
    return {
      readyMs: figures.ready,
      shellMs: figures.shell,
      lcpMs: figures.lcp,
      cls: figures.cls,
      bytes,
      requests,
      hashedFetched: hashedFetched.size,
      errors,
    };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/** A cold visit in a new context, then a warm one (a new page of the same context, so the same HTTP cache). */
async function coldAndWarm(
  browser: Browser,
  url: string,
  selector: string,
  shellSelector: string | null = null,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<{ cold: Visit; warm: Visit }> {
  const context = await phoneContext(browser, storageState);
  try {
    const cold = await visit(await context.newPage(), url, selector, shellSelector);
    const warm = await visit(await context.newPage(), url, selector, shellSelector);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The database made afresh with the small demo data; a verification code of a valid document in it. */
async function prepareDatabase(): Promise<string> {
  // through the development connection (root on this machine), as the api's own user may not drop databases
  const development = { ...process.env, NODE_ENV: 'development' };
  const root = await new DataSource(dataSourceOptions(loadConfig({ ...development, DB_NAME: 'mysql' }))).initialize();
  try {
    await root.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  } finally {
    await root.destroy();
  }
  const config = loadConfig({ ...development, DB_NAME });
  await ensureDatabase(config);
  const ds = await new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS)).initialize();
  try {
    await runMigrationsLocked(ds);
    await seedDemoData(ds, { size: 'small' });
    const [doc] = await ds.query(`SELECT verification_code AS code FROM documents WHERE status = 'valid' ORDER BY id LIMIT 1`);
    return doc.code as string;
  } finally {
    await ds.destroy();
  }
}

/** The signed-in state of `email` (its session cookie), through the sign-in page on a fast, unthrottled browser. */
async function signedIn(browser: Browser, base: string, email: string): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // an administrator sets up a second factor at the first sign-in: an authenticator app, its code worked out here
    await page.waitForURL((u) => u.pathname === '/sign-in/set-up', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code from your authenticator app').fill(await totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByRole('button', { name: 'I have saved my codes, continue' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Lighthouse's mobile performance score (0–100) of a page, with its own Chromium from CHROME_PATH. */
async function lighthouseScore(url: string): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'ap-bench-lh-'));
  try {
    const report = join(out, 'report.json');
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve('lighthouse/cli/index.js'),
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
    );
    const result = JSON.parse(readFileSync(report, 'utf8')) as { categories: { performance: { score: number } } };
    return Math.round(result.categories.performance.score * 100);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface Row {
  figure: string;
  value: string;
  target: string;
  ok: boolean;
}

async function main(): Promise<void> {
  const webDist = resolve(ROOT, process.env.WEB_DIST_DIR ?? 'dist/apps');
  if (!existsSync(join(webDist, 'portal', 'browser', 'index.html')) || !existsSync(join(webDist, 'admin', 'browser'))) {
    throw new Error(`The web apps are not built in ${webDist}: run npm run build:web first.`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(await productionSettings(DB_NAME, DB_USER)),
    NODE_ENV: 'production',
    REDIS_PREFIX: 'ap_bench_web',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    RUN_WORKERS_IN_API: 'false',
    RUN_SCHEDULED_TASKS: 'false',
    COOKIE_SECURE: 'false',
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, 'var', 'bench-web-files'),
    VERIFY_LOOKUPS_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  console.log(`Preparing ${DB_NAME} (small demo data)…`);
  const code = await prepareDatabase();

  let api: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    console.log('Starting the api (NODE_ENV=production, built web apps)…');
    api = await startApi(env);
    const admin = await signedIn(browser, base, 'admin@achievement.test');

    const verifyUrl = `${base}/verify/${code}`;
    const signInUrl = `${base}/sign-in`;
    const pages = {
      verify: [] as { cold: Visit; warm: Visit }[],
      signIn: [] as { cold: Visit; warm: Visit }[],
      admin: [] as { cold: Visit; warm: Visit }[],
    };
    for (let run = 1; run <= RUNS; run++) {
      process.stdout.write(`run ${run} of ${RUNS}: verification page, sign-in page, admin area…\n`);
      pages.verify.push(await coldAndWarm(browser, verifyUrl, '[data-testid="verify-status"] ~ * [data-testid="verify-facts"], [data-testid="verify-facts"]'));
      pages.signIn.push(await coldAndWarm(browser, signInUrl, 'form button[type="submit"]'));
      pages.admin.push(
        await coldAndWarm(browser, `${base}/admin/emails`, '[data-testid="email-row"], [data-testid="email-log-empty"]', 'header a.product', admin),
      );
    }

    const m = (visits: Visit[], pick: (v: Visit) => number) => median(visits.map(pick));
    const cold = (k: keyof typeof pages) => pages[k].map((p) => p.cold);
    const warm = (k: keyof typeof pages) => pages[k].map((p) => p.warm);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const verifyErrors = cold('verify').flatMap((v) => v.errors);
    const adminExtra = m(cold('admin'), (v) => v.readyMs - (v.shellMs ?? 0));
    const rows: Row[] = [
      {
        figure: 'verification page, cold: status and facts readable',
        value: s(m(cold('verify'), (v) => v.readyMs)),
        target: '≤ 2.50 s',
        ok: m(cold('verify'), (v) => v.readyMs) <= 2500,
      },
      {
        figure: 'verification page, cold: transferred',
        value: kb(m(cold('verify'), (v) => v.bytes)),
        target: '≤ 150 KB',
        ok: m(cold('verify'), (v) => v.bytes) <= 150 * 1024,
      },
      { figure: 'verification page, cold: console errors', value: String(verifyErrors.length), target: '0', ok: verifyErrors.length === 0 },
      {
        figure: 'verification page, cold: layout shift (CLS)',
        value: m(cold('verify'), (v) => v.cls).toFixed(3),
        target: '< 0.1',
        ok: m(cold('verify'), (v) => v.cls) < 0.1,
      },
      {
        figure: 'sign-in page, cold: transferred',
        value: kb(m(cold('signIn'), (v) => v.bytes)),
        target: '≤ 350 KB',
        ok: m(cold('signIn'), (v) => v.bytes) <= 350 * 1024,
      },
      {
        figure: 'sign-in page, cold: usable',
        value: s(m(cold('signIn'), (v) => v.readyMs)),
        target: '≤ 3.50 s',
        ok: m(cold('signIn'), (v) => v.readyMs) <= 3500,
      },
      ...(['verify', 'signIn', 'admin'] as const).map((k) => {
        const most = Math.max(...warm(k).map((v) => v.hashedFetched));
        return {
          figure: `${k === 'verify' ? 'verification page' : k === 'signIn' ? 'sign-in page' : 'admin area'}, warm: hashed files fetched again`,
          value: String(most),
          target: '0',
          ok: most === 0,
        };
      }),
      { figure: 'admin area (administrator), cold: usable after the shell', value: `+${s(adminExtra)}`, target: '≤ +2.00 s', ok: adminExtra <= 2000 },
    ];
    if (LIGHTHOUSE) {
      process.stdout.write('Lighthouse (mobile) on the two public pages…\n');
      for (const [name, url] of [
        ['verification page', verifyUrl],
        ['sign-in page', signInUrl],
      ] as const) {
        const score = await lighthouseScore(url);
        rows.push({ figure: `${name}: Lighthouse mobile performance`, value: String(score), target: '≥ 95', ok: score >= 95 });
      }
    }

    console.log('');
    console.log(`${'figure'.padEnd(58)} ${'value'.padStart(9)}   target`);
    for (const r of rows) console.log(`${r.figure.padEnd(58)} ${r.value.padStart(9)}   ${r.target.padEnd(10)} ${r.ok ? 'meets' : 'MISSES'}`);
    const info = (k: keyof typeof pages) =>
      `cold ${kb(m(cold(k), (v) => v.bytes))} in ${m(cold(k), (v) => v.requests)} requests, LCP ${s(m(cold(k), (v) => v.lcpMs ?? 0))}; warm ${kb(m(warm(k), (v) => v.bytes))} in ${m(warm(k), (v) => v.requests)} requests`;
    console.log('');
    console.log(`(medians of ${RUNS} runs) verification page: ${info('verify')}`);
    console.log(`(medians of ${RUNS} runs) sign-in page: ${info('signIn')}`);
    console.log(`(medians of ${RUNS} runs) admin area: ${info('admin')}; shell at ${s(m(cold('admin'), (v) => v.shellMs ?? 0))}`);
    for (const e of verifyErrors) console.log(`console error on the verification page: ${e}`);
    if (rows.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    api?.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
