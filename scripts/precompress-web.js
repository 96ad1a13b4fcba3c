#!/usr/bin/env node
/**
 * After `ng build`: writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built
 * web apps (JavaScript, CSS, HTML, JSON, SVG), so the api serves them compressed with no work per
 * request (@fastify/static's `preCompressed`). A copy is kept only when it is smaller. Fonts
 * (woff/woff2) and images are compressed already.
 *
 *   node scripts/precompress-web.js [folder ...]   (default: dist/apps/portal/browser dist/apps/admin/browser)
 */
const { readdirSync, readFileSync, statSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');

const TEXT = /\.(?:m?js|css|html|json|svg|txt|map)$/;

/** Compresses every text file under `folder`; answers how many files were read and the bytes before and after brotli. */
function precompress(folder) {
  const totals = { files: 0, bytes: 0, brotli: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = precompress(path);
      totals.files += inner.files;
      totals.bytes += inner.bytes;
      totals.brotli += inner.brotli;
      continue;
    }
    if (!TEXT.test(entry.name)) continue;
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
    totals.files += 1;
    totals.bytes += body.length;
    totals.brotli += Math.min(br.length, body.length);
  }
  return totals;
}

module.exports = { precompress };

if (require.main === module) {
  const root = join(__dirname, '..');
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['dist/apps/portal/browser', 'dist/apps/admin/browser'].map((f) => join(root, f));
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      console.error(`precompress-web: ${folder} is not a built folder; run ng build first.`);
      process.exit(1);
    }
    const { files, bytes, brotli } = precompress(folder);
    console.log(`precompress-web: ${folder}: ${files} files, ${(bytes / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB with brotli`);
  }
}
