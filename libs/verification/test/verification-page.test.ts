import { createCentre, createUser } from '@achievement/testing';
import { HTMLElement, parse } from 'node-html-parser';
import { AddressInfo } from 'node:net';
import { VerificationLogWriter } from '../src/verification-log.writer';
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
 * A document's verification page, /verify/<code> (the QR code's address), is written by the server
 * at its front door: plain HTML with the live status and key facts, no script, no web font. These
 * tests read it over a real socket, as a phone does, and parse it as a browser would.
 */

describe('the verification page of a document', () => {
  let t: VerificationTestApp;
  let base: string;
  let support: Client;
  let admin: Client;
  let docs: IssuedDocument[];

  beforeAll(async () => {
    t = await startVerificationApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    support = await signedIn(t.app, await createUser(t.ds, 'support'));
    const centreId = await createCentre(t.ds, { number: 'C77001', name: 'Pagefield College & Sons' });
    docs = await issueJob(admin, t.ds, centreId, [
      documentInput(71, { grade: 'Distinction', awardDate: '2026-07-01' }),
      documentInput(72, { firstName: '<script>alert(1)</script>', lastName: 'O\u2019Brien "quoted"' }),
      documentInput(73),
      documentInput(74),
    ]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function open(path: string, address = nextClientAddress()) {
    const res = await fetch(`${base}${path}`, { headers: { 'x-forwarded-for': address } });
    const html = await res.text();
    const document = parse(html);
    const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    const text = (el: HTMLElement | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();
    const facts = () => Object.fromEntries(document.querySelectorAll('[data-testid="verify-facts"] dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));
    return { res, html, document, byTestId, text, facts };
  }

  it('shows a valid document with its key facts, as a complete page with no script, the security headers and no caching', async () => {
    const page = await open(`/verify/${docs[0].code}`);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    expect(page.document.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(page.text(page.document.querySelector('title'))).toBe('Document verification – Achievement Portal');
    expect(page.document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(page.document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(page.document.querySelectorAll('script, link[rel="stylesheet"], link[rel="preload"]')).toHaveLength(0);
    expect(page.html).not.toMatch(/@font-face|url\(/);
    expect(page.text(page.document.querySelector('h1'))).toBe('Document verification');
    expect(page.document.querySelector('main#main')).not.toBeNull();
    expect(page.document.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');

    const status = page.byTestId('verify-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('data-status')).toBe('valid');
    expect(status.classList.value.join(' ')).toContain('banner--valid');
    expect(status.querySelectorAll('p').map((p) => page.text(p))).toEqual(['Valid', 'The awarding body issued this document, and it is current.']);
    // the icons are inline, hidden from screen readers (the words say it)
    for (const svg of page.document.querySelectorAll('svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');

    const issued = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    expect(page.facts()).toEqual({
      Learner: 'Priya Verifiable71',
      Qualification: 'Level 3 Diploma in Light Vehicle Maintenance',
      'Qualification number': '603/7506/5',
      Document: 'Certificate',
      Grade: 'Distinction',
      'Award date': '1 July 2026',
      Centre: 'Pagefield College & Sons (C77001)',
      'Document number': docs[0].number,
      Issued: issued,
    });
    expect(page.document.querySelector('[data-testid="verify-facts"] time')?.getAttribute('datetime')).toBe('2026-07-01');
    // the qualification shows its documents on the verification page (the default)
    const frame = page.byTestId('verify-document')!;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(`/api/verify/${docs[0].code}/document`);
    expect(frame.getAttribute('title')).toBe(`Document ${docs[0].number} (PDF)`);
    const open_ = page.byTestId('verify-open-document')!;
    expect(page.text(open_)).toBe('Open the document (opens in a new tab)');
    expect(open_.getAttribute('href')).toBe(`/api/verify/${docs[0].code}/document`);
    expect(open_.getAttribute('target')).toBe('_blank');
    expect(open_.getAttribute('rel')).toBe('noopener');
    expect(page.text(page.document.querySelector('a[href="/verify"]'))).toBe('Check another document');
    expect(page.document.querySelector('a[href="/sign-in"]')).not.toBeNull();
    expect(page.byTestId('verify-error')).toBeNull();

    // HEAD: the same status and headers, no body
    const head = await fetch(`${base}/verify/${docs[0].code}`, { method: 'HEAD', headers: { 'x-forwarded-for': nextClientAddress() } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('writes what a learner or centre typed as text, never as markup', async () => {
    const page = await open(`/verify/${docs[1].code}`);
    expect(page.res.status).toBe(200);
    expect(page.facts().Learner).toBe('<script>alert(1)</script> O\u2019Brien "quoted"');
    expect(page.document.querySelectorAll('script')).toHaveLength(0);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when a document was revoked, and on which day, and when one was superseded, with a link to the current version', async () => {
    expect((await support.post(`/api/admin/documents/${docs[2].id}/revoke`, { reason: 'Issued in error' })).status).toBe(200);
    const revoked = await open(`/verify/${docs[2].code}`);
    expect(revoked.res.status).toBe(200);
    const status = revoked.byTestId('verify-status')!;
    expect(status.getAttribute('data-status')).toBe('revoked');
    expect(status.classList.value.join(' ')).toContain('banner--revoked');
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    expect(revoked.text(status.querySelector('.banner__title'))).toBe(`Revoked on ${today}`);
    expect(revoked.text(status)).not.toMatch(/\bvalid\b/i);
    expect(revoked.html).not.toContain('Issued in error');
    expect(revoked.byTestId('verify-document')).toBeNull();

    expect((await support.post(`/api/admin/documents/${docs[3].id}/reissue`, { grade: 'Distinction', reason: 'Grade corrected' })).status).toBe(201);
    const [current] = await t.ds.query('SELECT verification_code FROM documents WHERE supersedes_id = ?', [docs[3].id]);
    const old = await open(`/verify/${docs[3].code}`);
    expect(old.byTestId('verify-status')!.getAttribute('data-status')).toBe('superseded');
    expect(old.text(old.byTestId('verify-status')!.querySelector('.banner__title'))).toBe('Superseded');
    expect(old.byTestId('verify-current-version')!.getAttribute('href')).toBe(`/verify/${current.verification_code}?via=code`);
    const followed = await open(`/verify/${current.verification_code}?via=code`);
    expect(followed.byTestId('verify-status')!.getAttribute('data-status')).toBe('valid');
    expect(followed.facts().Grade).toBe('Distinction');
  });

  it('leaves the document out where its display is turned off', async () => {
    expect((await admin.request('PATCH', `/api/admin/documents/${docs[1].id}/display`, { displayOnVerify: false })).status).toBe(204);
    const page = await open(`/verify/${docs[1].code}`);
    expect(page.byTestId('verify-status')!.getAttribute('data-status')).toBe('valid');
    expect(page.byTestId('verify-document')).toBeNull();
    expect(page.byTestId('verify-open-document')).toBeNull();
  });

  it('answers an unknown or malformed code with a 404 page that says so, without Try again', async () => {
    for (const code of ['C'.repeat(32), 'not-a-code', '%3Cb%3E']) {
      const page = await open(`/verify/${code}`);
      expect([code, page.res.status]).toEqual([code, 404]);
      expect(page.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const error = page.byTestId('verify-error')!;
      expect(error.getAttribute('role')).toBe('alert');
      expect(page.text(error)).toBe('We could not find a document with this code. Check it and try again.');
      expect(page.byTestId('verify-status')).toBeNull();
      expect(page.html).not.toContain('Try again</a>');
    }
  });

  it('logs a scan as qr and a typed code as code', async () => {
    const address = '10.76.1.1'; // a network of its own: the log keeps the client's /24
    await open(`/verify/${docs[0].code}`, address);
    await open(`/verify/${docs[0].code}?via=code`, address);
    await t.app.get(VerificationLogWriter).flush();
    const log = await admin.get(`/api/admin/verifications?documentId=${docs[0].id}&limit=200`);
    const subnet = address.split('.').slice(0, 3).join('.') + '.0/24';
    const mine = (log.body.items as { method: string; client: string }[]).filter((entry) => entry.client.endsWith(subnet));
    expect(mine.map((entry) => entry.method).sort()).toEqual(['code', 'qr']);
  });

  it('takes a look-up of the per-address limit, shared with the API, and then says to wait, with Retry-After and Try again', async () => {
    const address = nextClientAddress();
    for (let i = 0; i < 30; i++) expect((await fetch(`${base}/api/verify/${docs[0].code}`, { headers: { 'x-forwarded-for': address } })).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await open(`/verify/${docs[0].code}`, address)).res.status).toBe(200);
    const refused = await open(`/verify/${docs[0].code}?via=code`, address);
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.text(refused.byTestId('verify-error'))).toContain('Too many checks from your network; try again in a minute.');
    expect(refused.byTestId('verify-error')!.querySelector('a')!.getAttribute('href')).toBe(`/verify/${docs[0].code}?via=code`);
    expect(refused.byTestId('verify-status')).toBeNull();
    expect((await fetch(`${base}/api/verify/${docs[0].code}`, { headers: { 'x-forwarded-for': address } })).status).toBe(429);
  });
});
