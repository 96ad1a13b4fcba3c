#!/usr/bin/env node
/**
 * Each lib owns its tables: the SQL in libs/<lib>/src may name only the tables that lib's
 * migrations create (libs/<lib>/src/migrations/<time>-<name>.ts). Another lib's
 * data is read through that lib's exported readers. Run by `npm test`.
 *
 * The reads across libs that were there when the check came are listed in
 * scripts/table-ownership-known.json, to be moved behind readers: a new one fails the check, and so
 * does a listed one that is gone (take it off the list), so the list can only shrink.
 */
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
/** Tables created by one lib's migration for another (the outbox came with the platform's first one). */
const OWNER_OVERRIDES = { outbox_emails: 'notifications' };
const LIBS = readdirSync(join(root, 'libs')).filter((l) => !['contracts', 'testing', 'web', 'schema'].includes(l));

// each lib's migrations (libs/<lib>/src/migrations) create its tables; each is listed in its
// lib's <LIB>_MIGRATIONS, and that in @achievement/schema, or it would never run
const owners = new Map();
const unlisted = [];
const schema = readFileSync(join(root, 'libs/schema/src/index.ts'), 'utf8');
for (const lib of LIBS) {
  const migrations = join(root, 'libs', lib, 'src', 'migrations');
  if (!existsSync(migrations)) continue;
  const index = readFileSync(join(migrations, 'index.ts'), 'utf8');
  if (!schema.includes(`...${lib.toUpperCase()}_MIGRATIONS`)) unlisted.push(`libs/schema/src/index.ts does not list ${lib.toUpperCase()}_MIGRATIONS`);
  for (const name of readdirSync(migrations).filter((n) => /^\d+-.+\.ts$/.test(n))) {
    if (!index.includes(`'./${name.replace(/\.ts$/, '')}'`)) unlisted.push(`libs/${lib}/src/migrations/${name} is not in its index.ts`);
    for (const m of readFileSync(join(migrations, name), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?`?([a-z_]+)/gi)) {
      const earlier = owners.get(m[1]);
      if (earlier && earlier !== lib) throw new Error(`${m[1]} is created by the migrations of both ${earlier} and ${lib}`);
      owners.set(m[1], OWNER_OVERRIDES[m[1]] ?? lib);
    }
  }
}

if (unlisted.length) {
  console.error(unlisted.join('\n'));
  process.exit(1);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const tables = [...owners.keys()].join('|');
const reference = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS \\(SELECT [^)]*? FROM)\\s+\`?(${tables})\\b`, 'g');
const found = {};
for (const lib of LIBS) {
  const src = join(root, 'libs', lib, 'src');
  for (const file of files(src)) {
    if (file.startsWith(join(src, 'migrations'))) continue;
    const named = new Set([...readFileSync(file, 'utf8').matchAll(reference)].map((m) => m[1]).filter((t) => owners.get(t) !== lib));
    if (named.size > 0) found[relative(root, file)] = [...named].sort();
  }
}

const known = JSON.parse(readFileSync(join(__dirname, 'table-ownership-known.json'), 'utf8'));
const problems = [];
for (const [file, named] of Object.entries(found)) {
  for (const table of named) {
    if (!(known[file] ?? []).includes(table))
      problems.push(`${file}: names ${table}, a table of ${owners.get(table)}; read it through ${owners.get(table)}'s exported readers`);
  }
}
for (const [file, named] of Object.entries(known)) {
  for (const table of named) {
    if (!(found[file] ?? []).includes(table)) problems.push(`${file} no longer names ${table}: take it off scripts/table-ownership-known.json`);
  }
}
const count = Object.values(found).reduce((n, t) => n + t.length, 0);
console.log(`table ownership: ${owners.size} tables of ${new Set(owners.values()).size} libs; ${count} reads across libs, ${problems.length} not as listed`);
for (const p of problems) console.error(p);
if (process.argv.includes('--write-known')) {
  require('node:fs').writeFileSync(join(__dirname, 'table-ownership-known.json'), `${JSON.stringify(found, null, 2)}\n`);
  console.log('wrote scripts/table-ownership-known.json');
} else process.exit(problems.length === 0 ? 0 : 1);
