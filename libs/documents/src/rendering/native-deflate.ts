import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

let installed = false;
/** Fast settings for small streams (a page's text, a font subset): level 1 and a 4 KiB window cost a third of the defaults to set up and run, for files a little larger. */
const DEFLATE_OPTIONS = { level: 1, windowBits: 12, memLevel: 4 };

/**
 * pdf-lib compresses every stream (page contents, font subsets) with pako, a JavaScript port of
 * zlib. Node's own zlib gives the same Flate output format several times faster, which matters at
 * a hundred and more certificates a second. This points pdf-lib's pako.deflate (called without
 * options) at node:zlib; calls with options, or with a string, keep pako's own code.
 */
export function useNativeDeflateForPdfLib(): void {
  if (installed) return;
  installed = true;
  const pakoPath = require.resolve('pako', {
    paths: [dirname(require.resolve('pdf-lib'))],
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pako = require(pakoPath) as {
    deflate: (input: Uint8Array | string, options?: unknown) => Uint8Array;
  };
  const original = pako.deflate;
  pako.deflate = (input, options) => (options === undefined && typeof input !== 'string' ? deflateSync(input, DEFLATE_OPTIONS) : original(input, options));
}
