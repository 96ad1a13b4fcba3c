/*
 * The API's contract, and the web apps' client generated from it.
 *
 *   npm run generate:api            writes docs/openapi.json and libs/web/api/generated/
 *   npm run generate:api -- --check  changes nothing; exits 1 when either is out of date (npm test runs it)
 *
 * The OpenAPI document is the one the api serves at /api/docs/openapi.json, built from the routes'
 * decorators (libs/platform/src/http/openapi-document.ts); the api is started against a scratch
 * database to read it, so MariaDB and Redis must be up. The client is ng-openapi-gen's: one
 * function per operation (tree-shaken into each app) called through its Api service on Angular's
 * HttpClient, so the apps' interceptors (XSRF, step-up, signed-out) see every call.
 */
import 'reflect-metadata';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { NgOpenApiGen } from 'ng-openapi-gen';
import type { OpenAPIObject } from 'ng-openapi-gen/lib/openapi-typings';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createApiApp } from '../apps/api/src/create-api-app';

const ROOT = resolve(__dirname, '..');
const DOCUMENT = join(ROOT, 'docs', 'openapi.json');
const CLIENT = join(ROOT, 'libs', 'web', 'api', 'generated');

/** The document the api serves, as the api builds it. */
async function readDocument(): Promise<string> {
  const config = testConfig({ WEB_DIST_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const app = await createApiApp(config);
  try {
    const res = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/docs/openapi.json answered ${res.statusCode}`);
    return JSON.stringify(JSON.parse(res.body), null, 2) + '\n';
  } finally {
    await app.close();
    await dropTestArtifacts(config);
  }
}

/** Writes the client of `documentFile` into `outDir` (emptied first), formatted as the rest of the code. */
async function generateClient(documentFile: string, outDir: string): Promise<void> {
  const openApi = JSON.parse(readFileSync(documentFile, 'utf8')) as OpenAPIObject;
  rmSync(outDir, { recursive: true, force: true });
  new NgOpenApiGen(openApi, {
    input: documentFile,
    output: outDir,
    silent: true,
    promises: false,
    services: false,
    apiService: 'Api',
    indexFile: true,
    enumStyle: 'alias',
    enumArray: false,
    removeStaleFiles: true,
  }).generate();
  const prettier = await resolveConfig(join(ROOT, 'libs', 'web', 'api', 'index.ts'));
  for (const file of filesUnder(outDir)) {
    const path = join(outDir, file);
    writeFileSync(path, await format(readFileSync(path, 'utf8'), { ...prettier, filepath: path }));
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The files that differ between two folders (added, removed or changed). */
function differences(expected: string, actual: string): string[] {
  const a = filesUnder(expected);
  const b = filesUnder(actual);
  const all = [...new Set([...a, ...b])].sort();
  return all.filter((f) => !a.includes(f) || !b.includes(f) || readFileSync(join(expected, f), 'utf8') !== readFileSync(join(actual, f), 'utf8'));
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const document = await readDocument();
  if (!check) {
    mkdirSync(dirname(DOCUMENT), { recursive: true });
    writeFileSync(DOCUMENT, document);
    await generateClient(DOCUMENT, CLIENT);
    console.log(`wrote ${relative(ROOT, DOCUMENT)} and ${relative(ROOT, CLIENT)}/ (${filesUnder(CLIENT).length} files)`);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ap-api-client-'));
  try {
    const stale: string[] = [];
    const committed = existsSync(DOCUMENT) ? readFileSync(DOCUMENT, 'utf8') : '';
    if (committed !== document) stale.push(relative(ROOT, DOCUMENT));
    const documentFile = join(scratch, 'openapi.json');
    writeFileSync(documentFile, document);
    await generateClient(documentFile, join(scratch, 'client'));
    stale.push(...differences(join(scratch, 'client'), CLIENT).map((f) => relative(ROOT, join(CLIENT, f))));
    if (stale.length === 0) {
      console.log('the OpenAPI document and the generated client are up to date');
      return 0;
    }
    console.error(`Out of date with the api's routes (run npm run generate:api and commit the result):\n  ${stale.slice(0, 20).join('\n  ')}`);
    if (stale.length > 20) console.error(`  … and ${stale.length - 20} more`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
