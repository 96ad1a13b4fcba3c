import { AdminJobDetail, IssueJobRequest, VerificationLogPage } from '@achievement/contracts';
import { createCentre, createUser, eventually, TestUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { RunningPortal } from '../support/running-portal';

/** Renders the first page of a PDF to a PNG (pdftoppm, 150 dpi) and decodes the QR code on it (jsQR). */
function decodeQr(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'ap-verify-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A signed-in session over real HTTP, as the Angular client is: the session cookie, and X-XSRF-TOKEN on writes. */
class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
  }
}

/**
 * Smart Verify in Chromium: a document issued through the API carries a QR code whose address
 * shows it valid to anyone, revoked at once after an administrator revokes it; "Check a PDF"
 * knows the original file as genuine, the centre's stamped copy as a centre copy (whose document,
 * its status, and that it is not the document), and a copy with one byte changed as not issued.
 */
describe('verifying a document by its QR code, its code and its PDF in the browser', () => {
  const portal = new RunningPortal();
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: TestUser;
  let centreId: number;

  beforeAll(async () => {
    await portal.start();
    centreId = await createCentre(portal.db, { name: 'Northfield College' });
    admin = await createUser(portal.db, 'administrator', { firstName: 'Ada', lastName: 'Admin' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await portal.stop();
  });

  /** A visitor who is not signed in, as one who scanned the QR code with a phone is. */
  async function anonymousPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  it('QR code → valid; revoked → revoked at once; the original PDF is genuine, the centre copy named as one, a changed copy not issued', async () => {
    // 1. an administrator issues a job of one certificate through the API and waits until it is issued
    const api = new HttpSession(portal.url);
    await api.signIn(admin.email, admin.password);
    const job: IssueJobRequest = {
      centreId,
      documents: [
        {
          enrolmentNumber: '0002124',
          firstName: 'Łukasz',
          lastName: 'Wójcik',
          dateOfBirth: '2001-03-14',
          qualificationCode: '603/7506/5',
          qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair',
          documentType: 'certificate',
          grade: 'Distinction',
          awardDate: '2026-07-01',
        },
      ],
    };
    const issued = await api.request<AdminJobDetail>('POST', '/api/admin/jobs', job);
    expect(issued.status).toBe(201);
    await eventually(
      async () => {
        const current = await api.request<AdminJobDetail>('GET', `/api/admin/jobs/${issued.body.id}`);
        if (current.body.status !== 'issued') throw new Error(`job ${current.body.status}`);
      },
      60_000,
      250,
    );

    // 2. the original file as stored (the viewer gives a stamped copy): its QR code is the verification address
    const [document] = (await portal.db.query('SELECT id, file_key, centre_copy_key FROM documents WHERE job_id = ?', [issued.body.id])) as {
      id: number;
      file_key: string;
      centre_copy_key: string;
    }[];
    expect(document.file_key).toBeTruthy();
    const original = readFileSync(join(resolve(portal.config.STORAGE_DIR), document.file_key));
    const url = decodeQr(original);
    expect(url).toMatch(new RegExp(`^${portal.url}/verify/[A-Za-z0-9_-]{32}$`));
    const code = url!.slice(url!.lastIndexOf('/') + 1);

    // 3. anyone opening it sees the document valid, with its key facts, without signing in
    const { page, errors } = await anonymousPage();
    await page.goto(url!);
    const status = page.getByTestId('verify-status');
    await status.waitFor();
    expect(page.url()).toBe(url);
    expect(await status.getAttribute('data-status')).toBe('valid');
    expect((await status.innerText()).toLowerCase()).toContain('valid');
    const facts = await page.getByTestId('verify-facts').innerText();
    expect(facts).toContain('Łukasz Wójcik');
    expect(facts).toContain('603/7506/5');
    expect(facts).toContain('Distinction');
    expect(facts).toContain('Northfield College');

    // the qualification shows its documents on the verification page (the default): the page frames the PDF
    const frameSrc = await page.getByTestId('verify-document').getAttribute('src');
    expect(frameSrc).toBe(`/api/verify/${code}/document`);
    expect(await page.getByTestId('verify-open-document').getAttribute('href')).toBe(frameSrc);
    const shown = await page.request.get(`${portal.url}${frameSrc}`);
    expect(shown.status()).toBe(200);
    expect(shown.headers()['content-type']).toContain('application/pdf');
    const shownPolicy = shown.headers()['content-security-policy'] ?? '';

    // 4. an administrator revokes it: a reload says revoked at once
    const revoked = await api.request('POST', `/api/admin/documents/${document.id}/revoke`, { reason: 'Issued in error' });
    expect(revoked.status).toBeLessThan(300);
    await page.reload();
    await page.getByTestId('verify-status').and(page.locator('[data-status="revoked"]')).waitFor();
    expect((await page.getByTestId('verify-status').innerText()).toLowerCase()).toContain('revoked');

    // 5. the code typed on /verify (spaces and all) opens the same page
    await page.goto(`${portal.url}/verify`);
    await page.getByLabel('Verification code').fill(` ${code.slice(0, 16)} ${code.slice(16)} `);
    await page.getByTestId('verify-code-submit').click();
    await page.waitForURL(`${portal.url}/verify/${code}?via=code`);
    await page.locator('[data-testid="verify-status"][data-status="revoked"]').waitFor();

    // 6. Check a PDF: the original file is genuine (and its document revoked); one byte changed is not issued
    await page.goto(`${portal.url}/verify`);
    await page.getByTestId('verify-pdf-input').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: original });
    const genuine = page.getByTestId('verify-genuine');
    await genuine.waitFor();
    expect(await genuine.innerText()).toContain('byte for byte, a document issued by the awarding body');
    expect(await page.getByTestId('verify-status').getAttribute('data-status')).toBe('revoked');

    // the centre's copy (what the viewer shows and a zip holds): named as such, with whose document it is and its live status
    const centreCopy = readFileSync(join(resolve(portal.config.STORAGE_DIR), document.centre_copy_key));
    await page.getByTestId('verify-pdf-input').setInputFiles({ name: 'centre-copy.pdf', mimeType: 'application/pdf', buffer: centreCopy });
    const copyVerdict = page.getByTestId('verify-centre-copy');
    await copyVerdict.waitFor();
    expect(await copyVerdict.innerText()).toContain('A centre copy, not the document');
    expect(await copyVerdict.innerText()).toContain('Łukasz Wójcik’s document');
    expect(await page.getByTestId('verify-status').getAttribute('data-status')).toBe('revoked');
    expect(await page.getByTestId('verify-facts').innerText()).toContain('603/7506/5');
    expect(await page.getByTestId('verify-genuine').count()).toBe(0);

    const changed = Buffer.from(original);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    await page.getByTestId('verify-pdf-input').setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: changed });
    const notIssued = page.getByTestId('verify-not-issued');
    await notIssued.waitFor();
    expect(await notIssued.innerText()).toContain('does not match any document the awarding body issued');
    expect(await page.getByTestId('verify-genuine').count()).toBe(0);

    // 7. the verification log (written a moment later) has the QR scan, the typed code and the upload of the document
    await eventually(async () => {
      const log = await api.request<VerificationLogPage>('GET', `/api/admin/verifications?documentId=${document.id}`);
      expect(log.status).toBe(200);
      expect(new Set(log.body.items.map((entry) => entry.method))).toEqual(new Set(['qr', 'code', 'upload']));
    });

    // 8. in the admin area: the document's verifications, and its qualification's setting turned off
    const adminContext = await browser.newContext();
    contexts.push(adminContext);
    const adminPage = await adminContext.newPage();
    const adminErrors = collectPageErrors(adminPage);
    await signInThroughPage(adminPage, portal.url, admin.email, admin.password);
    await adminPage.waitForURL(`${portal.url}/`);
    await adminPage.getByRole('link', { name: 'Verifications' }).click();
    await adminPage.getByTestId('verification-row').first().waitFor();
    await adminPage.getByTestId('verifications-document-filter').fill(String(document.id));
    await adminPage.getByRole('button', { name: 'Filter' }).click();
    await adminPage.waitForURL(new RegExp(`/admin/verifications\\?documentId=${document.id}$`));
    await adminPage.getByTestId('verification-row').filter({ hasText: 'QR code' }).first().waitFor();
    expect(await adminPage.getByTestId('verification-row').filter({ hasText: 'PDF upload' }).count()).toBeGreaterThan(0);

    await adminPage.getByRole('link', { name: 'Qualifications' }).click();
    await adminPage.getByTestId('qualifications-search').fill('603/7506');
    await adminPage.getByRole('button', { name: 'Search' }).click();
    const toggle = adminPage.getByRole('switch', { name: 'Show documents of 603/7506/5 on the verification page' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await adminPage.getByText('Documents of 603/7506/5 are no longer shown on the verification page.').waitFor();
    const qualifications = await api.request<{ items: { code: string; displayOnVerify: boolean }[] }>('GET', '/api/admin/qualifications?q=603%2F7506');
    expect(qualifications.body.items.find((q) => q.code === '603/7506/5')?.displayOnVerify).toBe(false);
    expect(adminErrors).toEqual([]);

    // the verification page framed the document, so its answer must allow a frame of this origin
    // (the API's default is frame-ancestors 'none', which blocks the frame: the only page error)
    expect(shownPolicy).not.toContain("frame-ancestors 'none'");
    expect(errors).toEqual([]);
  });
});
