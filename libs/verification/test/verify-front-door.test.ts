import { VerificationResult } from '@achievement/contracts';
import { FrontDoor } from '@achievement/platform';
import { createCentre, createUser, eventually } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import {
  Client,
  documentInput,
  IssuedDocument,
  issueJob,
  nextClientAddress,
  signedIn,
  startVerificationApp,
  VerificationTestApp,
} from './verification-test-app';

/*
 * The look-up and the verification pages are answered at the server's front door, before Fastify
 * and Nest. These tests go over a real socket (the front door is the HTTP server's) and hold its
 * answers to those of the documented Nest route, reached in-process.
 */

const SHELL = '<!doctype html><html lang="en"><head><title>Achievement Portal</title></head><body><app-root></app-root></body></html>';

/** The headers every answer of the api carries (security, request id), compared between the two paths. */
const COMMON_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'cache-control',
  'content-type',
];

describe('the front door of Smart Verify', () => {
  let web: string;
  let t: VerificationTestApp;
  let base: string;
  let admin: Client;
  let docs: IssuedDocument[];
  let frontDoor: FrontDoor;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'ap-web-'));
    mkdirSync(join(web, 'portal', 'browser'), { recursive: true });
    writeFileSync(join(web, 'portal', 'browser', 'index.html'), SHELL);
    t = await startVerificationApp({ WEB_DIST_DIR: web });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    frontDoor = t.app.get(FrontDoor);
    admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    const centreId = await createCentre(t.ds, { number: 'C88001', name: 'Frontdoor College' });
    docs = await issueJob(admin, t.ds, centreId, [documentInput(81), documentInput(82), documentInput(83)]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  /** Over the socket (the front door) and in-process (the Nest route), each from an address of its own. */
  async function both(path: string, method: 'GET' | 'HEAD' = 'GET') {
    const before = frontDoor.answered;
    const socket = await fetch(`${base}${path}`, { method, headers: { 'x-forwarded-for': nextClientAddress() } });
    expect(frontDoor.answered).toBe(before + 1);
    const nest = await t.app.inject({ method, url: path, headers: { 'x-forwarded-for': nextClientAddress() } });
    expect(frontDoor.answered).toBe(before + 1);
    const socketText = await socket.text();
    return {
      socket: { status: socket.status, headers: Object.fromEntries(socket.headers), text: socketText },
      nest: { status: nest.statusCode, headers: nest.headers as Record<string, string>, text: nest.body },
    };
  }

  const withoutRequestId = (text: string) => {
    const { requestId, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(requestId).toEqual(expect.any(String));
    return rest;
  };

  it('answers a look-up as the documented route does: status, body and headers', async () => {
    const { socket, nest } = await both(`/api/verify/${docs[0].code}?via=qr`);
    expect(socket.status).toBe(200);
    expect(nest.status).toBe(200);
    expect(socket.text).toBe(nest.text);
    expect((JSON.parse(socket.text) as VerificationResult).learnerName).toBe('Priya Verifiable81');
    for (const name of COMMON_HEADERS) expect([name, socket.headers[name]]).toEqual([name, nest.headers[name]]);
    expect(socket.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(socket.headers['content-length']).toBe(String(Buffer.byteLength(socket.text)));
  });

  it('answers unknown and malformed codes and a wrong `via` with the same errors as the documented route', async () => {
    for (const path of [
      '/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/api/verify/not-a-code',
      `/api/verify/${docs[0].code}?via=fax`,
      `/api/verify/${docs[0].code}?via=qr&via=code`,
    ]) {
      const { socket, nest } = await both(path);
      expect([path, socket.status]).toEqual([path, nest.status]);
      expect(withoutRequestId(socket.text)).toEqual(withoutRequestId(nest.text));
      for (const name of COMMON_HEADERS) expect([path, name, socket.headers[name]]).toEqual([path, name, nest.headers[name]]);
    }
    const unknown = await fetch(`${base}/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, { headers: { 'x-forwarded-for': nextClientAddress() } });
    expect(unknown.status).toBe(404);
  });

  it('decodes an escaped code as the router does', async () => {
    const escaped = [...docs[1].code].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    const res = await fetch(`${base}/api/verify/${escaped}`, { headers: { 'x-forwarded-for': nextClientAddress() } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as VerificationResult).learnerName).toBe('Priya Verifiable82');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { socket, nest } = await both(`/api/verify/${docs[0].code}`, 'HEAD');
    expect(socket.status).toBe(200);
    expect(nest.status).toBe(200);
    expect(socket.text).toBe('');
    expect(Number(socket.headers['content-length'])).toBeGreaterThan(100);
  });

  it('limits look-ups per client address (through the trusted proxy), counting both paths together, with a clear 429', async () => {
    const address = nextClientAddress();
    const over = async () => fetch(`${base}/api/verify/${docs[0].code}`, { headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 30; i++) expect((await over()).status).toBe(200);
    for (let i = 0; i < 30; i++)
      expect((await t.app.inject({ method: 'GET', url: `/api/verify/${docs[0].code}`, headers: { 'x-forwarded-for': address } })).statusCode).toBe(200);
    const refused = await over();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many verifications from your network. Wait a minute and try again.',
    });
    // another address behind the same proxy is not affected
    expect((await fetch(`${base}/api/verify/${docs[0].code}`, { headers: { 'x-forwarded-for': nextClientAddress() } })).status).toBe(200);
  });

  it('leaves other methods and paths to Fastify: the PDF check, the document, the admin routes', async () => {
    const before = frontDoor.answered;
    expect((await fetch(`${base}/api/verify/${docs[0].code}/document`, { headers: { 'x-forwarded-for': nextClientAddress() } })).status).toBe(200);
    expect(
      (
        await fetch(`${base}/api/verify/pdf`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', 'x-forwarded-for': nextClientAddress() },
          body: Buffer.from('%PDF-1.7 x'),
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${base}/api/admin/verifications`)).status).toBe(401);
    expect((await fetch(`${base}/api/verify/`)).status).toBe(404);
    expect(frontDoor.answered).toBe(before);
  });

  it("serves the code form's page (the shell) from memory with the security headers, and 304 when the browser has them", async () => {
    for (const path of ['/verify', '/verify?code=x']) {
      const before = frontDoor.answered;
      const page = await fetch(`${base}${path}`);
      expect(frontDoor.answered).toBe(before + 1);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(SHELL);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const etag = page.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const again = await fetch(`${base}${path}`, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
    // a document's page is the server's own (verification-page.test.ts), answered here too
    for (const path of [`/verify/${docs[0].code}`, `/verify/${docs[0].code}?via=qr`]) {
      const before = frontDoor.answered;
      const page = await fetch(`${base}${path}`, { headers: { 'x-forwarded-for': nextClientAddress() } });
      expect(frontDoor.answered).toBe(before + 1);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).not.toBe(SHELL);
      expect(text).toContain('data-testid="verify-status"');
    }
    // any other page of the portal is still served by Fastify (the same shell, from disk)
    const before = frontDoor.answered;
    const records = await fetch(`${base}/records`);
    expect(records.status).toBe(200);
    expect(await records.text()).toBe(SHELL);
    expect(frontDoor.answered).toBe(before);
  });

  it('shows a revocation at once in another api process that had the document in memory', async () => {
    const other: NestFastifyApplication = await createApiApp(t.config);
    try {
      await other.listen(0, '127.0.0.1');
      const otherBase = `http://127.0.0.1:${(other.getHttpServer().address() as AddressInfo).port}`;
      const lookUp = async () =>
        (await (await fetch(`${otherBase}/api/verify/${docs[2].code}`, { headers: { 'x-forwarded-for': nextClientAddress() } })).json()) as VerificationResult;
      expect((await lookUp()).status).toBe('valid');
      expect((await lookUp()).status).toBe('valid'); // now from the other process's memory

      const revoked = await admin.post(`/api/admin/documents/${docs[2].id}/revoke`, { reason: 'Issued in error' });
      expect(revoked.status).toBe(200);
      // well inside the cache's 10-second bound: the change reaches the other process through Redis
      const started = Date.now();
      await eventually(async () => expect((await lookUp()).status).toBe('revoked'), 2_000);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await other.close();
    }
  });
});
