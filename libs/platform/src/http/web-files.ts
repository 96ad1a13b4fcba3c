import { basename } from 'node:path';

/*
 * How the built web apps' files are cached. The bundler names every file it emits after its content
 * (esbuild: `chunk-J37KVSPW.js`, `roboto-latin-400-normal-LOX3CHMS.woff2`; Native Federation's
 * shared bundles: `_angular_core.R1G3dcjbJD.js`), so such a file never changes under its name and
 * a browser may keep it for a year without asking again. The few files named by hand (index.html,
 * remoteEntry.json, federation.manifest.json, importmap.json) are asked for again each time
 * (`no-cache` revalidates them with their ETag), so a new release is seen at once.
 */

/** A year: what `immutable` files are kept for. */
export const HASHED_FILE_MAX_AGE_SECONDS = 31_536_000;

const ESBUILD_HASH = /-[A-Z0-9]{8}\.(?:js|mjs|css|woff2?|ttf|otf|svg|png|jpe?g|gif|webp|avif|ico)$/;
const FEDERATION_HASH = /^[A-Za-z0-9_@-]+\.[A-Za-z0-9_-]{10}\.(?:js|mjs)$/;

/** Whether a built file's name carries its content's hash (the precompressed .br and .gz copies count as their file). */
export function isHashedFileName(path: string): boolean {
  const name = basename(path).replace(/\.(?:br|gz)$/, '');
  return ESBUILD_HASH.test(name) || FEDERATION_HASH.test(name);
}

/** The Cache-Control of a built web file. */
export function webFileCacheControl(path: string): string {
  return isHashedFileName(path) ? `public, max-age=${HASHED_FILE_MAX_AGE_SECONDS}, immutable` : 'no-cache';
}
