#!/usr/bin/env node
/**
 * Every test of the portal, in order:
 *   0. checks: lint (zero warnings), Prettier's format check, a type check of every test,
 *      import boundaries between libs (dependency-cruiser), each lib's SQL naming only its own tables,
 *      the OpenAPI document and the web apps' client generated from it up to date with the routes
 *   1. server: jest unit specs and integration tests (real MariaDB, Redis, SMTP sink, files)
 *   2. web: the Angular apps' unit tests (Angular's runner: vitest + jsdom)
 *   3. build: Nest apps and Angular apps, as `npm start` serves them
 *   4. browser: Playwright driving Debian's Chromium against the built portal
 * Prints one closing line "N passed, N failed" and exits non-zero when anything failed.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'ap-test-'));
const only = process.argv.slice(2); // e.g. `npm test -- checks server web`
const totals = { passed: 0, failed: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  console.log(`=== ${label}: exit ${result.status} in ${Math.round((Date.now() - started) / 1000)} s`);
  return result;
}

function jestStep(label, config, extra = []) {
  const file = join(out, `${label}.json`);
  const result = run(label, 'npx', ['jest', '--config', config, '--json', `--outputFile=${file}`, '--forceExit', ...extra]);
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    if (report.numTotalTests === 0) failures.push(`${label}: no test ran`);
  }
  if (result.status !== 0) failures.push(`${label}: exit ${result.status}`);
}

function vitestStep(label, project) {
  const result = run(label, 'npx', ['ng', 'test', project, '--watch=false']);
  const text = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  const line = text.split('\n').find((l) => /^\s*Tests\s+/.test(l)) ?? '';
  const passed = Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
  const failed = Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  if (result.status !== 0) failures.push(`${label}: exit ${result.status}`);
  else if (passed === 0) failures.push(`${label}: no test ran`);
}

const wanted = (step) => only.length === 0 || only.includes(step);

/** A check passes or fails as a whole: it counts as one test. */
function check(label, command, args, hint) {
  const result = run(label, command, args);
  if (result.status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(`${label}: ${hint}`);
  }
}

if (wanted('checks')) {
  check('lint', 'npx', ['eslint', '.', '--max-warnings', '0'], 'see the findings above (npm run lint)');
  check('format', 'npx', ['prettier', '--check', '.'], 'files not in Prettier style (npm run format)');
  check('test types', 'npx', ['tsc', '-p', 'tsconfig.spec.json', '--noEmit'], 'a test does not type-check (see above)');
  check('import boundaries', 'npx', ['depcruise', 'apps', 'libs', 'bench', '--config', '.dependency-cruiser.js'], 'see the violations above');
  check('table ownership', 'node', ['scripts/check-table-ownership.js'], "a lib's SQL names another lib's table (see above)");
  check(
    'api client',
    'npm',
    ['run', '--silent', 'generate:api', '--', '--check'],
    'docs/openapi.json or libs/web/api/generated is stale (npm run generate:api)',
  );
}
if (wanted('server')) {
  jestStep('server', 'jest.config.js');
}
if (wanted('web')) {
  check('icons', 'node', ['scripts/check-icons.js'], 'a template names an icon the app does not bundle (see above)');
  vitestStep('web-portal', 'portal');
  vitestStep('web-admin', 'admin');
}
if (wanted('browser')) {
  const build = run('build', 'npm', ['run', 'build']);
  if (build.status !== 0) failures.push(`build: exit ${build.status}`);
  else jestStep('browser', 'apps/e2e/jest.config.js', ['--runInBand']);
}

console.log('\n=== summary');
for (const f of failures) console.log(`- ${f}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length === 0 && totals.failed === 0 ? 0 : 1);
