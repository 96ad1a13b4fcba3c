import { AppConfig } from '@achievement/platform';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApiApp } from '../src/create-api-app';
// the build step itself (plain Node), run here on a folder of our own
import { precompress } from '../../../scripts/precompress-web.js';

/** The built web apps as the api serves them: compressed when the browser takes it, hashed files kept for a year. */
describe('serving the built web apps', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let web: string;
  const script = `export const answer = ${JSON.stringify('a line of the bundle '.repeat(400))};\n`;
  const shell = '<!doctype html><html lang="en-GB"><head><title>Achievement Portal</title></head><body><ap-root></ap-root></body></html>';

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'ap-web-files-'));
    const portal = join(web, 'portal', 'browser');
    const admin = join(web, 'admin', 'browser');
    mkdirSync(join(portal, 'media'), { recursive: true });
    mkdirSync(admin, { recursive: true });
    writeFileSync(join(portal, 'index.html'), shell);
    writeFileSync(join(portal, 'chunk-J37KVSPW.js'), script);
    writeFileSync(join(portal, '_angular_core.R1G3dcjbJD.js'), script);
    writeFileSync(join(portal, 'remoteEntry.json'), JSON.stringify({ name: 'portal', exposes: [] }));
    writeFileSync(join(portal, 'media', 'roboto-latin-400-normal-LOX3CHMS.woff2'), Buffer.alloc(64, 7));
    writeFileSync(join(admin, 'remoteEntry.json'), JSON.stringify({ name: 'admin', exposes: [] }));
    writeFileSync(join(admin, 'chunk-QWERTYUI.js'), script);
    expect(precompress(portal).files).toBe(4);
    expect(precompress(admin).files).toBe(2);
    config = testConfig({ WEB_DIST_DIR: web });
    app = await createApiApp(config);
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, and the file to the rest', async () => {
    const br = await get('/chunk-J37KVSPW.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gz = await get('/chunk-J37KVSPW.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/chunk-J37KVSPW.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);

    const admin = await get('/admin-remote/chunk-QWERTYUI.js', { 'accept-encoding': 'br' });
    expect(admin.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(admin.rawPayload).toString()).toBe(script);
  });

  it('lets browsers keep files named after their content for a year, and asks again for the rest', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    for (const url of [
      '/chunk-J37KVSPW.js',
      '/_angular_core.R1G3dcjbJD.js',
      '/media/roboto-latin-400-normal-LOX3CHMS.woff2',
      '/admin-remote/chunk-QWERTYUI.js',
    ]) {
      for (const encoding of ['br', 'identity']) {
        expect({ url, encoding, cache: (await get(url, { 'accept-encoding': encoding })).headers['cache-control'] }).toEqual({
          url,
          encoding,
          cache: immutable,
        });
      }
    }
    for (const url of ['/', '/records', '/remoteEntry.json', '/admin-remote/remoteEntry.json']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect({ url, status: res.statusCode, cache: res.headers['cache-control'] }).toEqual({ url, status: 200, cache: 'no-cache' });
    }
    const page = await get('/records', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(shell);
    // a revalidated file answers 304 to its ETag
    const entry = await get('/remoteEntry.json');
    expect((await get('/remoteEntry.json', { 'if-none-match': String(entry.headers['etag']) })).statusCode).toBe(304);
  });
});
