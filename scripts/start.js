#!/usr/bin/env node
/**
 * `npm start`: builds what is out of date, makes sure the database exists with demo data, and
 * starts the portal (api with the queue processors in the same process) on http://localhost:3000.
 * Settings come from the environment (see README); none are needed on a development machine.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const API_MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(root, 'dist/apps/worker/apps/worker/src/main.js');
const CLI = join(root, 'dist/apps/api/apps/api/src/cli.js');
const PORTAL_INDEX = join(root, 'dist/apps/portal/browser/index.html');
const ADMIN_ENTRY = join(root, 'dist/apps/admin/browser/remoteEntry.json');

/** Files the builds themselves write into the source folders: not a reason to build again. */
const GENERATED = new Set(['tsconfig.federation.json']);

/** The newest modification time of the source files under a path (directories' own times are left out: a build that rewrites a generated file touches them). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.') || GENERATED.has(entry)) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function step(label, command, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const serverSources = Math.max(
  newest(join(root, 'apps/api/src')),
  newest(join(root, 'apps/worker/src')),
  newest(join(root, 'libs')),
  newest(join(root, 'tsconfig.json')),
);
const webSources = Math.max(
  newest(join(root, 'apps/portal')),
  newest(join(root, 'apps/admin')),
  newest(join(root, 'libs/contracts')),
  newest(join(root, 'angular.json')),
);

if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN) || !existsSync(CLI) || serverSources > Math.min(newest(API_MAIN), newest(WORKER_MAIN))) {
  step('Building the api and the worker', 'npm', ['run', 'build:api', '--silent']);
  step('', 'npm', ['run', 'build:worker', '--silent']);
} else {
  console.log('The api and the worker are up to date.');
}
if (!existsSync(PORTAL_INDEX) || !existsSync(ADMIN_ENTRY) || webSources > Math.min(newest(PORTAL_INDEX), newest(ADMIN_ENTRY))) {
  step('Building the portal and the admin micro-frontend', 'npm', ['run', 'build:web', '--silent']);
} else {
  console.log('The portal and the admin micro-frontend are up to date.');
}

step('Preparing the database and demo data', process.execPath, [CLI, 'seed', '--size', 'small', '--if-empty']);

console.log('\n> Starting the portal');
const api = spawn(process.execPath, [API_MAIN], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
