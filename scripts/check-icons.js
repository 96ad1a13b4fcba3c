#!/usr/bin/env node
/**
 * Every icon a template of the portal or the admin app names (`svgIcon="name"`, or a quoted name in
 * an `[svgIcon]` binding) is one its icons.ts bundles, and so is every icon a template of libs/web
 * names (either app may show those); a name the TypeScript code gives is typed
 * (PortalIcon / AdminIcon) and checked by the compiler. Exits 1, naming file and icon, on a miss.
 */
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') && name !== 'icons.ts' ? [path] : [];
  });
}

let missing = 0;
for (const app of ['portal', 'admin']) {
  const src = join(root, 'apps', app, 'src');
  const registry = readFileSync(join(src, 'app', 'icons.ts'), 'utf8');
  const bundled = new Set([...registry.matchAll(/@material-symbols\/svg-400\/outlined\/([a-z0-9_]+)\.svg/g)].map((m) => m[1]));
  let named = 0;
  for (const file of [...files(src), ...files(join(root, 'libs', 'web'))]) {
    const text = readFileSync(file, 'utf8');
    const names = [
      ...[...text.matchAll(/\bsvgIcon="([^"]+)"/g)].map((m) => m[1]),
      ...[...text.matchAll(/\[svgIcon\]="([^"]+)"/g)].flatMap((m) => [...m[1].matchAll(/'([a-z0-9_]+)'/g)].map((q) => q[1])),
    ];
    for (const name of names) {
      named++;
      if (!bundled.has(name)) {
        missing++;
        console.error(`${relative(root, file)}: the icon "${name}" is not in apps/${app}/src/app/icons.ts`);
      }
    }
  }
  console.log(`${app}: ${named} icons named by templates, ${bundled.size} bundled`);
}
process.exit(missing === 0 ? 0 : 1);
