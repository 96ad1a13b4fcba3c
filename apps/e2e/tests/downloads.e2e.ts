import { createCentre, createUser, TestUser } from '@achievement/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, signInThroughPage } from '../support/browser';
import { envOf, ROOT, RunningPortal, WORKER_MAIN } from '../support/running-portal';

/**
 * The downloads journey of issue 7 in Chromium: centre staff tick records, ask for a zip, watch
 * it go from queued to ready on the Downloads page without reloading, and download it; the zip is
 * checked with Info-ZIP's unzip (every PDF byte for byte the stored centre copy of its document,
 * never the document itself, and the manifest right).
 *
 * The api runs without processors and a separate worker builds jobs and zips, so the test can hold
 * the zip back (no worker) long enough to see it queued, then let the worker build it.
 */
describe('downloading documents as a zip in the browser', () => {
  const portal = new RunningPortal();
  let worker: ChildProcess | undefined;
  let workerOutput = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let centreId: number;
  let admin: TestUser;
  let staff: TestUser;
  const dir = mkdtempSync(join(tmpdir(), 'ap-zip-'));
  let jobId: number;
  let staffPage: Page;

  beforeAll(async () => {
    await portal.start({ RUN_WORKERS_IN_API: false, RUN_SCHEDULED_TASKS: false, SMTP_URL: '' });
    const centreNumber = `C${Math.floor(100000 + Math.random() * 800000)}`;
    centreId = await createCentre(portal.db, { number: centreNumber, name: 'Wójcik Motor Academy' });
    admin = await createUser(portal.db, 'administrator');
    staff = await createUser(portal.db, 'centre_staff', { firstName: 'Tom', lastName: 'Ted', centreId });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await stopWorker();
    await portal.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function startWorker(): void {
    worker = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env: envOf(portal.config), stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d) => (workerOutput += d));
    worker.stderr!.on('data', (d) => (workerOutput += d));
  }

  async function stopWorker(): Promise<void> {
    const proc = worker;
    worker = undefined;
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  }

  async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await check();
      if (result !== undefined) return result;
      if (Date.now() > deadline) throw new Error(`${what} did not happen in time; the worker said:\n${workerOutput}\nthe api said:\n${portal.output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** An administrator issues a job over the API (the admin pages have their own journey); the worker renders it. */
  async function issueJob(csv: string): Promise<number> {
    const call = async (path: string, init: RequestInit & { cookies?: string } = {}) => {
      const res = await fetch(`${portal.url}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers ?? {}), cookie: init.cookies ?? '' },
      });
      return { status: res.status, body: await res.json().catch(() => null), setCookies: res.headers.getSetCookie() };
    };
    const first = await call('/api/auth/session');
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(first.setCookies.join(';'))![1];
    const signIn = await call('/api/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email: admin.email, password: admin.password }),
      headers: { 'x-xsrf-token': csrf },
      cookies: `XSRF-TOKEN=${csrf}`,
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.setCookies.map((c) => c.split(';')[0]).join('; ');
    const issued = await call('/api/admin/jobs/csv', {
      method: 'POST',
      body: JSON.stringify({ centreId, csv }),
      headers: { 'x-xsrf-token': /XSRF-TOKEN=([^;]+)/.exec(cookies)![1] },
      cookies,
    });
    expect(issued.status).toBe(201);
    return issued.body.id as number;
  }

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** A CSV file as Excel and the manifest write it (quotes doubled inside quoted cells). */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(cell);
        cell = '';
      } else if (c === '\n') {
        row.push(cell.replace(/\r$/, ''));
        rows.push(row);
        row = [];
        cell = '';
      } else cell += c;
    }
    if (cell || row.length) rows.push([...row, cell]);
    return rows;
  }

  const unzip = (...args: string[]) => execFileSync('unzip', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });

  const csv = [
    'enrolment_number,first_name,last_name,date_of_birth,email,qualification_code,qualification_title,document_type,grade,award_date,units',
    '0003124,Łukasz,Wójcik,2001-03-14,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Distinction,2026-07-01,',
    '0003125,Γιώργος,Παπαδόπουλος,2000-11-02,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance and Repair,certificate,Merit,2026-07-01,',
    '0003126,Amara,Okafor,1999-05-23,,603/2981/1,Level 2 Certificate in Vehicle Fitting Principles,unit_certificate,Pass,2026-07-02,R/615/1234: Tyres and wheels',
    "0003127,Siobhán,O'Neill,2002-01-09,,603/2981/1,Level 2 Certificate in Vehicle Fitting Principles,certificate,Pass,2026-07-02,",
  ].join('\n');

  it('tick records → Download → fill the dialog → Downloads shows it queued, then ready → the zip holds every PDF intact and the manifest', async () => {
    // a job of four documents, rendered by the worker; then the worker stops, so the zip waits
    startWorker();
    jobId = await issueJob(csv);
    await until('Rendering the job', async () => {
      const [job] = await portal.db.query('SELECT status FROM jobs WHERE id = ?', [jobId]);
      if (job.status === 'failed') throw new Error(`The job failed:\n${workerOutput}`);
      return job.status === 'issued' ? true : undefined;
    });
    await stopWorker();

    // 1. centre staff tick every record shown but Okafor's, and click Download
    const { page, errors } = await newPage();
    staffPage = page;
    await signInThroughPage(page, portal.url, staff.email, staff.password);
    await page.waitForURL(`${portal.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Records' }).click();
    await page.getByTestId('record-row').first().waitFor();
    expect(await page.getByTestId('record-row').count()).toBe(4);
    await page.getByTestId('select-shown').getByRole('checkbox').check();
    await page.getByTestId('record-row').filter({ hasText: 'Okafor' }).getByRole('checkbox').uncheck();
    await page.getByTestId('selection-count').getByText('3 selected').waitFor();
    await page.getByTestId('download-records').click();

    // 2. the dialog: name required, purpose "Other" needs its detail; the manifest is ticked
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Download documents').first().waitFor();
    expect(await dialog.getByTestId('download-summary').innerText()).toContain('3 documents');
    expect(await dialog.getByLabel('Name').inputValue()).toMatch(/^Records \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await dialog.getByLabel('Name').fill('');
    await dialog.getByLabel('Purpose').click();
    await page.getByRole('option', { name: 'Other' }).click();
    await dialog.getByTestId('download-submit').click();
    await dialog.getByText('Enter a name for the download.').waitFor();
    await dialog.getByText('Describe the purpose of the download.').waitFor();
    await dialog.getByLabel('Name').fill('Wójcik & co. audit');
    await dialog.getByLabel('Describe the purpose').fill('Evidence for the external quality assurer');
    expect(await dialog.getByRole('checkbox', { name: 'Include a CSV manifest of the documents' }).isChecked()).toBe(true);
    await dialog.getByTestId('download-submit').click();
    await page.getByText('Your download is being prepared. Find it on the Downloads page.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // 3. "Open Downloads": the request is queued; the page asks for its progress without reloading
    const listRequests: string[] = [];
    const progressRequests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/api/downloads') listRequests.push(r.url());
      if (/^\/api\/downloads\/\d+$/.test(path)) progressRequests.push(r.url());
    });
    await page.getByRole('button', { name: 'Open Downloads' }).click();
    await page.waitForURL(`${portal.url}/downloads`);
    const row = page.getByTestId('download-row').filter({ hasText: 'Wójcik & co. audit' });
    await row.getByTestId('download-status').getByText('Queued').waitFor();
    expect(await row.innerText()).toContain('Other: Evidence for the external quality assurer');
    expect(await row.getByTestId('download-requested-by').innerText()).toBe('Tom Ted');
    expect(await row.getByTestId('download-documents').innerText()).toBe('3');
    await until('Polling the queued download', async () => (progressRequests.length >= 2 ? true : undefined), 15_000);
    expect(await row.getByTestId('download-file').count()).toBe(0);

    // 4. the worker builds it; the row turns ready on its own, with its size and removal date
    startWorker();
    await row.getByTestId('download-status').getByText('Ready').waitFor({ timeout: 90_000 });
    expect(listRequests).toHaveLength(1);
    expect(await row.getByTestId('download-size').innerText()).toMatch(/^\d+(\.\d)? (KB|MB)$/);
    const [request] = await portal.db.query('SELECT id, expires_at, ready_at FROM download_requests ORDER BY id DESC LIMIT 1');
    expect(new Date(request.expires_at).getTime() - new Date(request.ready_at).getTime()).toBe(7 * 86_400_000);
    expect(await row.getByTestId('download-expires').innerText()).toMatch(/^Removed on \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    // polling stops once nothing is in progress
    const polled = progressRequests.length;
    await new Promise((r) => setTimeout(r, 4500));
    expect(progressRequests.length).toBe(polled);

    // 5. the plain link: the browser downloads the zip, named after the request
    const link = row.getByTestId('download-file');
    expect(await link.getAttribute('href')).toBe(`/api/downloads/${request.id}/file`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Wójcik & co. audit.zip');
    const zip = join(dir, 'download.zip');
    await download.saveAs(zip);
    expect(errors).toEqual([]);

    // 6. Info-ZIP finds no errors, lists three PDFs and manifest.csv
    expect(unzip('-t', zip)).toContain('No errors detected');
    const listing = unzip('-l', zip);
    expect(listing).toContain('manifest.csv');
    expect((listing.match(/\.pdf\n/g) ?? []).length).toBe(3);
    const out = join(dir, 'out');
    unzip('-q', zip, '-d', out);
    const entries = readdirSync(out).sort();
    expect(entries).toHaveLength(4);
    expect(entries.some((e) => e.includes('Okafor'))).toBe(false);

    // every PDF is byte for byte the stored centre copy of its document (stamped, not the document itself)
    const documents: {
      id: number;
      document_number: string;
      learner_name: string;
      file_key: string;
      sha256: string;
      centre_copy_key: string;
      centre_copy_sha256: string;
    }[] = await portal.db.query(
      'SELECT id, document_number, learner_name, file_key, sha256, centre_copy_key, centre_copy_sha256 FROM documents WHERE job_id = ? AND learner_name <> ? ORDER BY id',
      [jobId, 'Amara Okafor'],
    );
    expect(documents).toHaveLength(3);
    for (const doc of documents) {
      const entry = entries.find((e) => e.endsWith(` - ${doc.document_number}.pdf`));
      expect(entry).toBeDefined();
      expect(entry!.startsWith(doc.learner_name)).toBe(true);
      const bytes = readFileSync(join(out, entry!));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.equals(readFileSync(join(portal.config.STORAGE_DIR, doc.centre_copy_key)))).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.centre_copy_sha256);
      expect(bytes.equals(readFileSync(join(portal.config.STORAGE_DIR, doc.file_key)))).toBe(false);
    }
    expect(entries.some((e) => e.startsWith('Łukasz Wójcik - 0003124 - 603-7506-5 - '))).toBe(true);

    // the manifest: a BOM, the header, one line per PDF naming its file, number, size and hash
    const manifestText = readFileSync(join(out, 'manifest.csv'), 'utf8');
    expect(manifestText.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = parseCsv(manifestText.slice(1)).filter((r) => r.length > 1);
    expect(header.slice(0, 2)).toEqual(['file_name', 'document_number']);
    expect(lines).toHaveLength(3);
    const column = (name: string) => header.indexOf(name);
    for (const line of lines) {
      const doc = documents.find((d) => d.document_number === line[column('document_number')]);
      expect(doc).toBeDefined();
      const file = readFileSync(join(out, line[column('file_name')]));
      expect(Number(line[column('size_bytes')])).toBe(file.length);
      expect(line[column('sha256')]).toBe(doc!.centre_copy_sha256);
      expect(line[column('learner_name')]).toBe(doc!.learner_name);
      expect(line[column('status')]).toBe('valid');
    }
    expect(lines.map((l) => l[column('file_name')]).sort()).toEqual(entries.filter((e) => e.endsWith('.pdf')).sort());
  });

  it("Download all documents of this job: from the job's page, a zip of the whole job without a manifest", async () => {
    const page = staffPage;
    const errors = collectPageErrors(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs Issued' }).click();
    await page.getByTestId('job-link').first().click();
    await page.waitForURL(`${portal.url}/jobs/${jobId}`);
    await page.getByRole('button', { name: 'Download all documents of this job' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('download-summary').innerText()).toMatch(/^4 documents of job J\d+$/);
    await dialog.getByLabel('Purpose').click();
    await page.getByRole('option', { name: 'Regulatory reporting' }).click();
    await dialog.getByRole('checkbox', { name: 'Include a CSV manifest of the documents' }).uncheck();
    await dialog.getByTestId('download-submit').click();
    await page.getByRole('button', { name: 'Open Downloads' }).click();
    await page.waitForURL(`${portal.url}/downloads`);

    const row = page.getByTestId('download-row').first();
    expect(await row.getByTestId('download-name').innerText()).toMatch(/^Job J\d+ \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await row.getByTestId('download-status').getByText('Ready').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('download-row').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-file').click()]);
    const zip = join(dir, 'job.zip');
    await download.saveAs(zip);
    expect(unzip('-t', zip)).toContain('No errors detected');
    const listing = unzip('-l', zip);
    expect((listing.match(/\.pdf\n/g) ?? []).length).toBe(4);
    expect(listing).not.toContain('manifest.csv');
    expect(listing).toContain('Okafor');
    expect(errors).toEqual([]);
  });
});
