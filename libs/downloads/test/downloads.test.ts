import { CENTRE_COPY_STAMP, DownloadSummary, MAX_DOWNLOAD_DOCUMENTS, MAX_DOWNLOADS_IN_FLIGHT } from '@achievement/contracts';
import {
  DOWNLOAD_LEASE_MS,
  DOWNLOADS_QUEUE,
  DownloadReconcilerTask,
  downloadFileKey,
  MAX_BUILD_ATTEMPTS,
  PROGRESS_EVERY,
  PurgeExpiredDownloadsTask,
  ZipBuilderService,
} from '@achievement/downloads';
import { createCentre, createUser, eventually, TestUser } from '@achievement/testing';
import { getQueueToken } from '@nestjs/bull';
import { parse } from 'csv-parse/sync';
import { Queue } from 'bull';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client, createDocuments, createManyDocuments, DownloadsTestApp, sha256Of, signedIn, startDownloadsApp } from './download-factory';

const DAY_MS = 86_400_000;

describe('Downloads', () => {
  let t: DownloadsTestApp;
  let staff: TestUser;
  let client: Client;
  const work = mkdtempSync(join(tmpdir(), 'ap-zip-test-'));

  beforeAll(async () => {
    t = await startDownloadsApp();
    staff = await createUser(t.ds, 'centre_staff', {
      firstName: 'Priya',
      lastName: 'Shah',
    });
    client = await signedIn(t.app, staff);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function readyDownload(id: number): Promise<DownloadSummary> {
    return eventually(async () => {
      const res = await client.get(`/api/downloads/${id}`);
      const body = res.body as DownloadSummary;
      if (body.status === 'failed')
        throw Object.assign(new Error(`failed: ${body.failureReason}`), {
          final: true,
        });
      expect(body.status).toBe('ready');
      return body;
    }, 30_000);
  }

  /** Fetches the zip, checks it with unzip -t, and returns its entries (name → bytes). */
  async function fetchZip(
    id: number,
    as: Client = client,
  ): Promise<{
    names: string[];
    files: Map<string, Buffer>;
    raw: Buffer;
    headers: Record<string, unknown>;
  }> {
    const res = await as.getRaw(`/api/downloads/${id}/file`);
    expect(res.statusCode).toBe(200);
    const path = join(work, `${id}-${Date.now()}.zip`);
    writeFileSync(path, res.rawPayload);
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const dir = mkdtempSync(join(work, 'x-'));
    execFileSync('unzip', ['-qq', path, '-d', dir]);
    const files = new Map(names.map((n) => [n, readFileSync(join(dir, n))]));
    return { names, files, raw: res.rawPayload, headers: res.headers };
  }

  /** The manifest read by csv-parse (not our writer's own code): a byte-order mark, then RFC 4180 rows. */
  function manifestRows(csv: Buffer): Record<string, string>[] {
    return parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  }

  it('builds the zip of selected records: every PDF the stored centre copy of its document, names cleaned and unique, the manifest right', async () => {
    const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [
      {
        firstName: 'Łukasz',
        lastName: 'Wójcik',
        enrolmentNumber: 'E0001',
        qualificationCode: '603/7506/5',
      },
      {
        firstName: 'Łukasz',
        lastName: 'Wójcik',
        enrolmentNumber: 'E0001',
        qualificationCode: '603/7506/5',
      },
      {
        firstName: '../../etc',
        lastName: 'passwd',
        enrolmentNumber: '../..',
      },
      {
        firstName: 'Evil/Name\\With',
        lastName: 'Slashes:*?"<>|',
        enrolmentNumber: 'E/0003',
      },
      {
        firstName: 'Control\u0000\u0007\u202e',
        lastName: 'Chars\r\nNew',
        enrolmentNumber: 'E0004',
      },
      {
        firstName: 'Very'.repeat(25),
        lastName: 'Long'.repeat(25),
        enrolmentNumber: 'E0005',
      },
      {
        firstName: '=cmd|',
        lastName: "'/c calc'!A0",
        enrolmentNumber: 'E0006',
      },
      { firstName: '王小明', lastName: 'Γιώργος', enrolmentNumber: 'E0007' },
    ]);
    const res = await client.post('/api/downloads', {
      name: 'Audit: July/2025 ..',
      purpose: 'audit',
      includeManifest: true,
      selection: { ids: documents.map((d) => d.id) },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Audit: July/2025 ..',
      purpose: 'audit',
      includeManifest: true,
      requestedBy: 'Priya Shah',
      documentCount: 8,
      status: 'queued',
    });
    const ready = await readyDownload(res.body.id);
    expect(ready.processedCount).toBe(8);
    expect(new Date(ready.expiresAt!).getTime() - new Date(ready.readyAt!).getTime()).toBe(7 * DAY_MS);

    const zip = await fetchZip(res.body.id);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['accept-ranges']).toBe('bytes');
    expect(String(zip.headers['content-disposition'])).toMatch(
      /^attachment; filename="Audit- July-2025 .\.zip"|^attachment; filename="[^"/\\]+\.zip"; filename\*=UTF-8''/,
    );
    expect(String(zip.headers['content-disposition'])).not.toContain('/');
    expect(Number(zip.headers['content-length'])).toBe(ready.sizeBytes);
    expect(zip.raw.length).toBe(ready.sizeBytes);

    const pdfNames = zip.names.filter((n) => n !== 'manifest.csv');
    expect(zip.names).toContain('manifest.csv');
    expect(pdfNames).toHaveLength(8);
    expect(new Set(pdfNames.map((n) => n.toLowerCase())).size).toBe(8);
    for (const name of pdfNames) {
      expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f\u202e]/);
      expect(name).not.toContain('..');
      expect(name).toMatch(/ - [A-Z0-9]+\.pdf$/);
      expect(Array.from(name).length).toBeLessThanOrEqual(160);
    }
    expect(pdfNames).toContain(`Łukasz Wójcik - E0001 - 603-7506-5 - ${documents[0].number}.pdf`);
    expect(pdfNames).toContain(`王小明 Γιώργος - E0007 - 603-7506-5 - ${documents[7].number}.pdf`);

    const rows = manifestRows(zip.files.get('manifest.csv')!);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.award_date)).toEqual(Array(8).fill('2025-07-01')); // a calendar date, as issued: YYYY-MM-DD
    for (const doc of documents) {
      const row = rows.find((r) => r.document_number === doc.number)!;
      expect(row).toBeDefined();
      const copy = await t.storage.readAll(doc.centreCopyKey!);
      const entry = zip.files.get(row.file_name)!;
      expect(entry.equals(copy)).toBe(true);
      expect(entry.equals(await t.storage.readAll(doc.fileKey!))).toBe(false); // never the document itself
      expect(Number(row.size_bytes)).toBe(copy.length);
      expect(row.sha256).toBe(sha256Of(entry));
      expect(row.enrolment_number).toBe(doc.enrolmentNumber.startsWith('=') ? `'${doc.enrolmentNumber}` : doc.enrolmentNumber);
      expect(row.qualification_code).toBe(doc.qualificationCode);
    }
    // a cell that a spreadsheet would run as a formula is made inert
    expect(rows.find((r) => r.document_number === documents[6].number)!.learner_name).toBe("'=cmd| '/c calc'!A0");
    // the PDFs are stored, not compressed again
    const listing = execFileSync(
      'unzip',
      [
        '-v',
        join(
          work,
          readdirSync(work).find((f) => f.startsWith(`${res.body.id}-`))!,
        ),
      ],
      { encoding: 'utf8' },
    );
    expect(
      listing
        .split('\n')
        .filter((l) => /\.pdf$/.test(l))
        .every((l) => /\sStored\s/.test(l)),
    ).toBe(true);
  });

  it('builds the zip of every document of a job, without a manifest when not asked, and reports progress every few hundred', async () => {
    const count = PROGRESS_EVERY * 2 + 17;
    const { jobId, documents } = await createDocuments(
      t.ds,
      t.storage,
      staff.centreId!,
      Array.from({ length: count }, (_, i) => ({
        firstName: `Learner${i}`,
        lastName: 'Job',
      })),
    );
    const seen = new Set<number>();
    const res = await client.post('/api/downloads', {
      name: 'Whole job',
      purpose: 'regulatory_reporting',
      includeManifest: false,
      jobId,
    });
    expect(res.status).toBe(201);
    expect(res.body.documentCount).toBe(count);
    const ready = await eventually(
      async () => {
        const r = (await client.get(`/api/downloads/${res.body.id}`)).body as DownloadSummary;
        seen.add(r.processedCount);
        expect(r.status).toBe('ready');
        return r;
      },
      60_000,
      5,
    );
    expect([...seen].every((n) => n % PROGRESS_EVERY === 0 || n === count)).toBe(true);
    const zip = await fetchZip(ready.id);
    expect(zip.names).toHaveLength(count);
    expect(zip.names).not.toContain('manifest.csv');
    for (const doc of documents.slice(0, 20)) {
      const name = zip.names.find((n) => n.endsWith(` - ${doc.number}.pdf`))!;
      expect(zip.files.get(name)!.equals(await t.storage.readAll(doc.centreCopyKey!))).toBe(true);
    }
  });

  describe('centre copies', () => {
    const pdfText = (pdf: Buffer): string => {
      const path = join(work, `text-${Date.now()}-${Math.random()}.pdf`);
      writeFileSync(path, pdf);
      // -raw: in the order drawn (the stamp runs diagonally), lines joined
      return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const check = (pdf: Buffer) => new Client(t.app).request('POST', '/api/verify/pdf', pdf, { 'content-type': 'application/pdf' });

    it('a zip holds centre copies: stamped, not the documents, and Check a PDF names the document and its live status', async () => {
      const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [
        { firstName: 'Amara', lastName: 'Okafor', enrolmentNumber: 'CC0001' },
        { firstName: 'Ben', lastName: 'Lister', enrolmentNumber: 'CC0002' },
      ]);
      const res = await client.post('/api/downloads', {
        name: 'Copies',
        purpose: 'audit',
        includeManifest: false,
        selection: { ids: documents.map((d) => d.id) },
      });
      expect(res.status).toBe(201);
      const zip = await fetchZip((await readyDownload(res.body.id)).id);
      const [amara, ben] = documents.map((d) => zip.files.get(zip.names.find((n) => n.endsWith(` - ${d.number}.pdf`))!)!);
      for (const [doc, entry] of [
        [documents[0], amara],
        [documents[1], ben],
      ] as const) {
        const original = await t.storage.readAll(doc.fileKey!);
        expect(sha256Of(entry)).not.toBe(sha256Of(original));
        expect(pdfText(entry)).toContain(CENTRE_COPY_STAMP); // the stamp the viewer shows
        expect(pdfText(original)).not.toContain('Centre copy');
      }

      // one of them revoked since: Check a PDF says whose document the copy is, its live status, and that it is not the document
      await t.ds.query(`UPDATE documents SET status = 'revoked', revoked_at = NOW(3) WHERE id = ?`, [documents[1].id]);
      const copyCheck = await check(amara);
      expect(copyCheck.status).toBe(200);
      expect(copyCheck.body).toMatchObject({
        kind: 'centre-copy',
        genuine: false,
        sha256: sha256Of(amara),
        document: { status: 'valid', documentNumber: documents[0].number, learnerName: 'Amara Okafor', qualification: { code: '603/7506/5' } },
      });
      expect((await check(ben)).body).toMatchObject({
        kind: 'centre-copy',
        genuine: false,
        document: { status: 'revoked', documentNumber: documents[1].number },
      });
      // the document itself is still genuine
      expect((await check(await t.storage.readAll(documents[0].fileKey!))).body).toMatchObject({
        kind: 'genuine',
        genuine: true,
        document: { documentNumber: documents[0].number },
      });
    });

    it('documents rendered before centre copies were stored: the zip stamps and records them, so Check a PDF knows them, and the next zip reads the same copies', async () => {
      const { documents } = await createDocuments(
        t.ds,
        t.storage,
        staff.centreId!,
        Array.from({ length: 20 }, (_, i) => ({ firstName: `Older${i}`, lastName: 'Render', centreCopy: i % 2 === 0 ? false : undefined })),
      );
      const ask = async () => {
        const res = await client.post('/api/downloads', {
          name: 'Older',
          purpose: 'audit',
          includeManifest: true,
          selection: { ids: documents.map((d) => d.id) },
        });
        expect(res.status).toBe(201);
        return fetchZip((await readyDownload(res.body.id)).id);
      };
      const first = await ask();
      const rows = manifestRows(first.files.get('manifest.csv')!);
      for (const doc of documents) {
        const name = first.names.find((n) => n.endsWith(` - ${doc.number}.pdf`))!;
        const entry = first.files.get(name)!;
        expect(pdfText(entry)).toContain(CENTRE_COPY_STAMP);
        expect(entry.equals(await t.storage.readAll(doc.fileKey!))).toBe(false);
        const [row] = await t.ds.query('SELECT centre_copy_key, centre_copy_sha256 FROM documents WHERE id = ?', [doc.id]);
        expect(row.centre_copy_sha256).toBe(sha256Of(entry));
        expect((await t.storage.readAll(row.centre_copy_key)).equals(entry)).toBe(true);
        expect(rows.find((r) => r.file_name === name)!.sha256).toBe(sha256Of(entry));
      }
      const stampedNow = documents[0];
      const entry = first.files.get(first.names.find((n) => n.endsWith(` - ${stampedNow.number}.pdf`))!)!;
      expect((await check(entry)).body).toMatchObject({ kind: 'centre-copy', document: { documentNumber: stampedNow.number, status: 'valid' } });

      const second = await ask();
      for (const name of first.names.filter((n) => n.endsWith('.pdf'))) expect(second.files.get(name)!.equals(first.files.get(name)!)).toBe(true);
    });
  });

  it('downloads "all matching" records less the unticked ones', async () => {
    const centreId = await createCentre(t.ds);
    const other = await createUser(t.ds, 'centre_staff', { centreId });
    const otherClient = await signedIn(t.app, other);
    const { documents } = await createDocuments(t.ds, t.storage, centreId, [
      { firstName: 'Zed', lastName: 'Smithson' },
      { firstName: 'Amy', lastName: 'Smithson' },
      { firstName: 'Bob', lastName: 'Jones' },
    ]);
    const res = await otherClient.post('/api/downloads', {
      name: 'Smithsons',
      purpose: 'other',
      purposeDetail: 'Board review',
      includeManifest: true,
      selection: { filter: { name: 'smithson' }, exceptIds: [documents[0].id] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentCount: 1,
      purposeDetail: 'Board review',
    });
  });

  it('refuses a request that is not valid: no purpose detail for "other", both or neither of selection and jobId', async () => {
    const base = { name: 'x', purpose: 'audit', includeManifest: false };
    expect(
      (
        await client.post('/api/downloads', {
          ...base,
          purpose: 'other',
          jobId: 1,
        })
      ).status,
    ).toBe(400);
    expect((await client.post('/api/downloads', base)).status).toBe(400);
    expect(
      (
        await client.post('/api/downloads', {
          ...base,
          jobId: 1,
          selection: { ids: [1] },
        })
      ).status,
    ).toBe(400);
    expect((await client.post('/api/downloads', { ...base, name: '', jobId: 1 })).status).toBe(400);
  });

  it(`refuses more than ${MAX_DOWNLOAD_DOCUMENTS.toLocaleString('en-GB')} documents in one zip with 400 and a clear message`, async () => {
    const jobId = await createManyDocuments(t.ds, staff.centreId!, MAX_DOWNLOAD_DOCUMENTS + 1);
    const res = await client.post('/api/downloads', {
      name: 'Too many',
      purpose: 'audit',
      includeManifest: false,
      jobId,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('at most 10,000 documents');
    const ids = Array.from({ length: MAX_DOWNLOAD_DOCUMENTS + 1 }, (_, i) => i + 1);
    const bySelection = await client.post('/api/downloads', {
      name: 'Too many',
      purpose: 'audit',
      includeManifest: false,
      selection: { ids },
    });
    expect(bySelection.status).toBe(400);
    expect(JSON.stringify(bySelection.body)).toMatch(/10,?000/);
  });

  it(`refuses a ${MAX_DOWNLOADS_IN_FLIGHT + 1}th download while ${MAX_DOWNLOADS_IN_FLIGHT} of the user's are queued or building (429)`, async () => {
    const user = await createUser(t.ds, 'centre_staff', {
      centreId: staff.centreId,
    });
    const c = await signedIn(t.app, user);
    const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [{}]);
    for (let i = 0; i < MAX_DOWNLOADS_IN_FLIGHT; i++) {
      await t.ds.query(
        `INSERT INTO download_requests (centre_id, requested_by_user_id, requested_by_name, name, purpose, include_manifest, status, document_count, lease_until, created_at)
         VALUES (?, ?, 'x', 'in flight', 'audit', 0, ?, 1, NOW(3) + INTERVAL 1 DAY, NOW(3))`,
        [staff.centreId, user.id, i % 2 ? 'building' : 'queued'],
      );
    }
    const res = await c.post('/api/downloads', {
      name: 'One more',
      purpose: 'audit',
      includeManifest: false,
      selection: { ids: [documents[0].id] },
    });
    expect(res.status).toBe(429);
    expect(res.body.message).toContain(`already have ${MAX_DOWNLOADS_IN_FLIGHT} downloads being prepared`);
    // another member of staff of the same centre is not held up
    expect(
      (
        await client.post('/api/downloads', {
          name: 'Mine',
          purpose: 'audit',
          includeManifest: false,
          selection: { ids: [documents[0].id] },
        })
      ).status,
    ).toBe(201);
    await t.ds.query(`UPDATE download_requests SET status = 'failed' WHERE requested_by_user_id = ? AND name = 'in flight'`, [user.id]);
  });

  it('refuses documents whose PDFs are not rendered yet (409, saying so)', async () => {
    const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [{}, { rendered: false }]);
    const res = await client.post('/api/downloads', {
      name: 'Early',
      purpose: 'audit',
      includeManifest: false,
      selection: { ids: documents.map((d) => d.id) },
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('1 of these documents are still being prepared (their PDFs are not ready yet). Try again in a few minutes.');
  });

  describe('the zip file', () => {
    let id: number;
    let size: number;
    let whole: Buffer;

    beforeAll(async () => {
      const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [{}, {}, {}]);
      const res = await client.post('/api/downloads', {
        name: 'Ranges',
        purpose: 'audit',
        includeManifest: true,
        selection: { ids: documents.map((d) => d.id) },
      });
      id = res.body.id;
      size = (await readyDownload(id)).sizeBytes!;
      whole = (await client.getRaw(`/api/downloads/${id}/file`)).rawPayload;
    });

    it('answers a Range request with 206 and Content-Range, and the bytes of that range', async () => {
      const res = await client.getRaw(`/api/downloads/${id}/file`, {
        range: 'bytes=100-1099',
      });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 100-1099/${size}`);
      expect(res.headers['content-length']).toBe('1000');
      expect(res.rawPayload.equals(whole.subarray(100, 1100))).toBe(true);
      const tail = await client.getRaw(`/api/downloads/${id}/file`, {
        range: 'bytes=-22',
      });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.equals(whole.subarray(size - 22))).toBe(true);
      expect(tail.rawPayload.readUInt32LE(0)).toBe(0x06054b50); // the end of central directory record
      const open = await client.getRaw(`/api/downloads/${id}/file`, {
        range: `bytes=${size - 10}-`,
      });
      expect(open.headers['content-range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    });

    it('answers 416 for a range the file does not have', async () => {
      const res = await client.getRaw(`/api/downloads/${id}/file`, {
        range: `bytes=${size}-${size + 10}`,
      });
      expect(res.statusCode).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${size}`);
      expect(
        (
          await client.getRaw(`/api/downloads/${id}/file`, {
            range: 'bytes=20-10',
          })
        ).statusCode,
      ).toBe(416);
    });

    it("answers 404 for another centre's download, its file and its list", async () => {
      const stranger = await createUser(t.ds, 'centre_staff');
      const c = await signedIn(t.app, stranger);
      expect((await c.get(`/api/downloads/${id}`)).status).toBe(404);
      expect((await c.getRaw(`/api/downloads/${id}/file`)).statusCode).toBe(404);
      expect((await c.get('/api/downloads')).body.items).toEqual([]);
      const learner = await signedIn(t.app, await createUser(t.ds, 'learner'));
      expect((await learner.getRaw(`/api/downloads/${id}/file`)).statusCode).toBe(403);
      const anonymous = new Client(t.app);
      expect((await anonymous.getRaw(`/api/downloads/${id}/file`)).statusCode).toBe(401);
    });
  });

  it('answers 409 for a zip not ready yet', async () => {
    const r = await t.ds.query(
      `INSERT INTO download_requests (centre_id, requested_by_user_id, requested_by_name, name, purpose, include_manifest, status, document_count, lease_until, created_at)
       VALUES (?, ?, 'x', 'waiting', 'audit', 0, 'building', 1, NOW(3) + INTERVAL 1 DAY, NOW(3))`,
      [staff.centreId, staff.id],
    );
    const res = await client.getRaw(`/api/downloads/${Number(r.insertId)}/file`);
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).code).toBe('DOWNLOAD_NOT_READY');
    await t.ds.query(`UPDATE download_requests SET status = 'failed' WHERE id = ?`, [Number(r.insertId)]);
  });

  it('lists every download of the centre newest first, by pages', async () => {
    const first = await client.get('/api/downloads');
    expect(first.status).toBe(200);
    const ids = (first.body.items as DownloadSummary[]).map((d) => d.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const all: number[] = [...ids];
    let cursor = first.body.nextCursor as string | null;
    while (cursor) {
      const page = await client.get(`/api/downloads?cursor=${encodeURIComponent(cursor)}`);
      all.push(...(page.body.items as DownloadSummary[]).map((d) => d.id));
      cursor = page.body.nextCursor;
    }
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM download_requests WHERE centre_id = ?', [staff.centreId]);
    expect(all).toHaveLength(Number(n));
    expect((await client.get('/api/downloads?cursor=nonsense')).status).toBe(400);
  });

  describe('purge', () => {
    async function readyZip(): Promise<DownloadSummary> {
      const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [{}]);
      const res = await client.post('/api/downloads', {
        name: 'Purge me',
        purpose: 'audit',
        includeManifest: false,
        selection: { ids: [documents[0].id] },
      });
      return readyDownload(res.body.id);
    }

    it('removes a zip exactly DOWNLOAD_LIFETIME_DAYS after it was built, never before; a second run is harmless', async () => {
      const purge = t.app.get(PurgeExpiredDownloadsTask);
      const d = await readyZip();
      const key = downloadFileKey(staff.centreId!, d.id);
      const expiresAt = new Date(d.expiresAt!);
      expect(expiresAt.getTime()).toBe(new Date(d.readyAt!).getTime() + 7 * DAY_MS);

      await purge.purgeExpired(new Date(expiresAt.getTime() - 1));
      expect((await client.get(`/api/downloads/${d.id}`)).body.status).toBe('ready');
      expect(await t.storage.stat(key)).not.toBeNull();

      t.clock.offsetMs = expiresAt.getTime() - Date.now() + 1000;
      try {
        await purge.tick(); // the scheduled entry point, at the moved clock
        const [row] = await t.ds.query('SELECT status, file_key FROM download_requests WHERE id = ?', [d.id]);
        expect(row).toEqual({ status: 'expired', file_key: null });
        expect(await t.storage.stat(key)).toBeNull();
        expect(await purge.purgeExpired(t.clock.now())).toBe(0);
      } finally {
        t.clock.offsetMs = 0;
      }
      const fresh = await signedIn(t.app, staff);
      expect((await fresh.get(`/api/downloads/${d.id}`)).body.status).toBe('expired');
      const gone = await fresh.getRaw(`/api/downloads/${d.id}/file`);
      expect(gone.statusCode).toBe(410);
      expect(JSON.parse(gone.body).code).toBe('DOWNLOAD_EXPIRED');
      expect(JSON.parse(gone.body).message).toContain('removed 7 days after it was built');
      client = fresh;
    });

    it('expires each zip once when two purges run at once', async () => {
      const purge = t.app.get(PurgeExpiredDownloadsTask);
      const ds = [await readyZip(), await readyZip(), await readyZip()];
      const at = new Date(Math.max(...ds.map((d) => new Date(d.expiresAt!).getTime())));
      const [a, b] = await Promise.all([purge.purgeExpired(at), purge.purgeExpired(at)]);
      expect(a + b).toBeGreaterThanOrEqual(ds.length);
      const rows = await t.ds.query(`SELECT status, file_key FROM download_requests WHERE id IN (?)`, [ds.map((d) => d.id)]);
      expect(rows.every((r: { status: string; file_key: string | null }) => r.status === 'expired' && r.file_key === null)).toBe(true);
      for (const d of ds) expect(await t.storage.stat(downloadFileKey(staff.centreId!, d.id))).toBeNull();
    });
  });

  describe('faults', () => {
    it('a build that crashes part-way leaves no zip at the final key, and its retry completes the zip', async () => {
      const { documents } = await createDocuments(
        t.ds,
        t.storage,
        staff.centreId!,
        Array.from({ length: 40 }, (_, i) => ({ firstName: `Crash${i}` })),
      );
      const victim = documents[30];
      const saved = await t.storage.readAll(victim.centreCopyKey!);
      await t.storage.delete(victim.centreCopyKey!); // its centre copy is missing: the build fails after writing 30 entries
      const res = await client.post('/api/downloads', {
        name: 'Crash',
        purpose: 'audit',
        includeManifest: true,
        selection: { ids: documents.map((d) => d.id) },
      });
      expect(res.status).toBe(201);
      const key = downloadFileKey(staff.centreId!, res.body.id);

      // watch the final key all along: whenever a file is there, it is a whole zip
      const seen: number[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const info = await t.storage.stat(key);
          if (info) {
            const bytes = await t.storage.readAll(key).catch(() => null);
            if (bytes) seen.push(bytes.readUInt32LE(bytes.length - 22) === 0x06054b50 ? 1 : 0);
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      })();

      const queue = t.app.get<Queue>(getQueueToken(DOWNLOADS_QUEUE));
      await eventually(async () => {
        const [job] = await queue.getJobs(['delayed', 'failed', 'waiting', 'active']);
        expect(job?.attemptsMade).toBeGreaterThanOrEqual(1);
      }, 20_000);
      expect(await t.storage.stat(key)).toBeNull();
      expect(readdirSync(join(t.config.STORAGE_DIR, 'downloads', String(staff.centreId))).filter((f) => f.startsWith(`${res.body.id}.zip`))).toEqual([]);
      const during = (await client.get(`/api/downloads/${res.body.id}`)).body as DownloadSummary;
      expect(['queued', 'building']).toContain(during.status);
      expect((await client.getRaw(`/api/downloads/${res.body.id}/file`)).statusCode).toBe(409);

      await t.storage.put(victim.centreCopyKey!, saved); // the copy is back: the retry (after Bull's backoff) builds the zip afresh
      const ready = await readyDownload(res.body.id);
      watching = false;
      await watcher;
      expect(seen.every((whole) => whole === 1)).toBe(true);
      const zip = await fetchZip(ready.id);
      expect(zip.names).toHaveLength(41);
      for (const doc of documents) {
        const name = zip.names.find((n) => n.endsWith(` - ${doc.number}.pdf`))!;
        expect(zip.files.get(name)!.equals(await t.storage.readAll(doc.centreCopyKey!))).toBe(true);
      }
      const [{ attempt }] = await t.ds.query('SELECT attempt FROM download_requests WHERE id = ?', [ready.id]);
      expect(Number(attempt)).toBe(2);
    });

    it('a worker killed while building: the reconciler queues the request again once its lease ran out, and the zip is built afresh', async () => {
      const reconciler = t.app.get(DownloadReconcilerTask);
      const { documents } = await createDocuments(t.ds, t.storage, staff.centreId!, [{}, {}, {}, {}]);
      // the state a killed worker leaves: building, progress part-way, a lease that is no longer renewed, a half-written temporary file
      const r = await t.ds.query(
        `INSERT INTO download_requests (centre_id, requested_by_user_id, requested_by_name, name, purpose, include_manifest, status, document_count, processed_count,
                                        attempt, lease_until, created_at, started_at)
         VALUES (?, ?, 'Priya Shah', 'Killed', 'audit', 1, 'building', 4, 2, 1, ?, NOW(3), NOW(3))`,
        [staff.centreId, staff.id, new Date(t.clock.now().getTime() + 60_000)],
      );
      const id = Number(r.insertId);
      await t.ds.query(
        `INSERT INTO download_request_documents (request_id, position, document_id) VALUES ${documents.map(() => '(?, ?, ?)').join(',')}`,
        documents.flatMap((d, i) => [id, i, d.id]),
      );
      const key = downloadFileKey(staff.centreId!, id);
      const deadPartial = join(t.config.STORAGE_DIR, `${key}.dead-worker.partial`);
      writeFileSync(deadPartial, Buffer.from('PK\u0003\u0004 half a zip'));

      // while the lease is alive, nothing happens (the build may still be running somewhere)
      expect(await reconciler.reconcile(t.clock.now())).toBe(0);
      expect(await t.storage.stat(key)).toBeNull();
      expect(existsSync(deadPartial)).toBe(true);
      expect((await client.getRaw(`/api/downloads/${id}/file`)).statusCode).toBe(409);

      // two reconcilers after the lease: the request is queued once, and built
      const later = new Date(t.clock.now().getTime() + 61_000);
      t.clock.offsetMs = 61_000;
      const [a, b] = await Promise.all([reconciler.reconcile(later), reconciler.reconcile(later)]);
      expect(a + b).toBe(1);
      expect(existsSync(deadPartial)).toBe(false); // the dead build's half-written file is gone
      const ready = await readyDownload(id);
      t.clock.offsetMs = 0;
      const zip = await fetchZip(ready.id);
      expect(zip.names).toHaveLength(5);
      expect(ready.processedCount).toBe(4);
      expect(readdirSync(dirname(deadPartial)).filter((f) => f.startsWith(`${id}.zip`))).toEqual([`${id}.zip`]);
    });

    /** A request as a killed build leaves it: building, a lease not renewed any more, a half-written temporary file. */
    async function killedBuild(name: string, leaseUntil: Date): Promise<{ id: number; partial: string }> {
      const r = await t.ds.query(
        `INSERT INTO download_requests (centre_id, requested_by_user_id, requested_by_name, name, purpose, include_manifest, status, document_count, processed_count,
                                        attempt, lease_until, created_at, started_at)
         VALUES (?, ?, 'Priya Shah', ?, 'audit', 0, 'building', 1, 0, ?, ?, NOW(3), NOW(3))`,
        [staff.centreId, staff.id, name, MAX_BUILD_ATTEMPTS, leaseUntil],
      );
      const id = Number(r.insertId);
      const partial = join(t.config.STORAGE_DIR, `${downloadFileKey(staff.centreId!, id)}.${name}.partial`);
      mkdirSync(dirname(partial), { recursive: true });
      writeFileSync(partial, Buffer.from('PK\u0003\u0004 half a zip'));
      return { id, partial };
    }

    it('a request that fails for good after a killed build: failed with a reason, and its half-written file removed', async () => {
      const { id, partial } = await killedBuild('gave-up', new Date(t.clock.now().getTime() - 1000));
      // its last attempt died: the next claim finds the attempts used up
      const builder = t.app.get(ZipBuilderService);
      expect(await builder.buildZip(id)).toBe('failed');
      const [row] = await t.ds.query('SELECT status, failure_reason FROM download_requests WHERE id = ?', [id]);
      expect(row).toEqual({ status: 'failed', failure_reason: `The zip could not be built after ${MAX_BUILD_ATTEMPTS} attempts.` });
      expect(existsSync(partial)).toBe(false);
      const res = await client.getRaw(`/api/downloads/${id}/file`);
      expect(res.statusCode).toBe(409);
      expect(JSON.parse(res.body).code).toBe('DOWNLOAD_FAILED');
      expect(JSON.parse(res.body).message).toContain('This zip could not be built');

      // Bull's retries ran out (the processor marks the request failed): the same
      const other = await killedBuild('retries-out', new Date(t.clock.now().getTime() + DOWNLOAD_LEASE_MS));
      await builder.markFailed(other.id, 'The zip could not be built: disk full');
      expect((await client.get(`/api/downloads/${other.id}`)).body).toMatchObject({ status: 'failed', failureReason: 'The zip could not be built: disk full' });
      expect(existsSync(other.partial)).toBe(false);
    });

    it('the scheduled purge sweeps temporary files of dead builds not written to for longer than the lease, and leaves fresh ones', async () => {
      const purge = t.app.get(PurgeExpiredDownloadsTask);
      const { id, partial: fresh } = await killedBuild('live', new Date(t.clock.now().getTime() + DOWNLOAD_LEASE_MS));
      const stale = join(t.config.STORAGE_DIR, 'downloads', '999999', '4242.zip.1f0e.partial');
      mkdirSync(dirname(stale), { recursive: true });
      writeFileSync(stale, Buffer.from('PK\u0003\u0004 half a zip'));
      const old = new Date(Date.now() - DOWNLOAD_LEASE_MS - 60_000);
      utimesSync(stale, old, old);
      const finished = join(t.config.STORAGE_DIR, 'downloads', '999999', '4241.zip');
      writeFileSync(finished, Buffer.from('a finished zip'));
      utimesSync(finished, old, old);

      await purge.tick(); // the scheduled entry point
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true); // written to within the lease: a build may still be writing it
      expect(existsSync(finished)).toBe(true); // only temporary files are swept

      t.clock.offsetMs = DOWNLOAD_LEASE_MS + 60_000;
      try {
        expect(await purge.sweepUnfinishedZips(t.clock.now())).toBeGreaterThanOrEqual(1);
        expect(existsSync(fresh)).toBe(false);
        expect(await purge.sweepUnfinishedZips(t.clock.now())).toBe(0);
      } finally {
        t.clock.offsetMs = 0;
      }
      await t.ds.query(`UPDATE download_requests SET status = 'failed' WHERE id = ?`, [id]);
    });
  });
});
