import { CENTRE_COPY_STAMP, PdfCheckResult, QualificationSummary, VerificationLogEntry, VerificationResult } from '@achievement/contracts';
import { createHash } from 'node:crypto';
import { FileStorage } from '@achievement/platform';
import { createCentre, createUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerificationLogWriter } from '@achievement/verification';
import { Client, documentInput, IssuedDocument, issueJob, signedIn, startVerificationApp, VerificationTestApp } from './verification-test-app';

const withoutRequestId = (body: Record<string, unknown>) => {
  const { requestId: _ignored, ...rest } = body;
  return rest;
};

describe('Smart Verify', () => {
  let t: VerificationTestApp;
  let admin: Client;
  let support: Client;
  let docs: IssuedDocument[];
  let other: IssuedDocument;
  let qualificationId: number;
  let otherQualificationId: number;

  beforeAll(async () => {
    t = await startVerificationApp();
    admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    support = await signedIn(t.app, await createUser(t.ds, 'support'));
    const centreId = await createCentre(t.ds, {
      number: 'C77001',
      name: 'Verifield College',
    });
    docs = await issueJob(admin, t.ds, centreId, [documentInput(1), documentInput(2), documentInput(3), documentInput(4)]);
    [other] = await issueJob(admin, t.ds, centreId, [
      documentInput(5, {
        qualificationCode: '610/0001/1',
        qualificationTitle: 'Level 2 Certificate in Welding',
        grade: 'Pass',
      }),
    ]);
    qualificationId = Number((await t.ds.query(`SELECT id FROM qualifications WHERE code = '603/7506/5'`))[0].id);
    otherQualificationId = Number((await t.ds.query(`SELECT id FROM qualifications WHERE code = '610/0001/1'`))[0].id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('shows the live status and key facts of a valid document, and nothing else (no ids, no date of birth, no email)', async () => {
    const visitor = new Client(t.app);
    const res = await visitor.get(`/api/verify/${docs[0].code}?via=qr`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as VerificationResult;
    expect(body).toEqual({
      status: 'valid',
      revokedAt: null,
      currentVersionCode: null,
      learnerName: 'Priya Verifiable1',
      qualification: {
        code: '603/7506/5',
        title: 'Level 3 Diploma in Light Vehicle Maintenance',
      },
      type: 'certificate',
      grade: 'Merit',
      awardDate: '2025-07-14',
      centre: { number: 'C77001', name: 'Verifield College' },
      documentNumber: docs[0].number,
      issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      displayEnabled: true,
    });
    expect(res.text).not.toMatch(/2003-09-21|priya1@|"id"|V000001|sha256|file|learners\.example/);
  });

  it('prints the verification code under the QR code of the issued PDF, for typing it in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-verify-'));
    try {
      const file = join(dir, 'doc.pdf');
      writeFileSync(file, await t.app.get(FileStorage).readAll(docs[0].fileKey));
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Scan to verify');
      expect(text).toContain(docs[0].code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers an unknown and a malformed code with the same 404', async () => {
    const visitor = new Client(t.app);
    const unknown = await visitor.get(`/api/verify/${'A'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('VERIFICATION_CODE_NOT_FOUND');
    for (const malformed of [
      'short',
      'x'.repeat(33),
      `${docs[0].code.slice(0, 31)}%25`,
      "'%20OR%201=1--",
      docs[0].code.toLowerCase() === docs[0].code ? 'Z'.repeat(32) : docs[0].code.toLowerCase(),
    ]) {
      const res = await visitor.get(`/api/verify/${malformed}`);
      expect(res.status).toBe(404);
      expect(withoutRequestId(res.body)).toEqual(withoutRequestId(unknown.body));
    }
    const doc = await visitor.get(`/api/verify/bad/document`);
    expect(doc.status).toBe(404);
    expect(withoutRequestId(doc.body)).toEqual(withoutRequestId(unknown.body));
    expect((await visitor.get(`/api/verify/${docs[0].code}?via=email`)).status).toBe(400);
  });

  it('shows a revocation at once: revoked through triage, the same code then answers revoked with the date', async () => {
    const visitor = new Client(t.app);
    expect((await visitor.get(`/api/verify/${docs[1].code}`)).body.status).toBe('valid');
    const revoke = await support.post(`/api/admin/documents/${docs[1].id}/revoke`, { reason: 'Issued in error' });
    expect(revoke.status).toBe(200);
    const res = await visitor.get(`/api/verify/${docs[1].code}`);
    expect(res.body).toMatchObject({
      status: 'revoked',
      revokedAt: expect.stringMatching(/^\d{4}-/),
      displayEnabled: false,
    });
    expect(Date.now() - Date.parse(res.body.revokedAt)).toBeLessThan(60_000);
    expect(res.text).not.toContain('Issued in error');
    expect((await visitor.raw('GET', `/api/verify/${docs[1].code}/document`)).status).toBe(404);
  });

  it('shows a superseded version with the code of the current one, following reissues to the end', async () => {
    const visitor = new Client(t.app);
    const first = await support.post(`/api/admin/documents/${docs[2].id}/reissue`, { grade: 'Distinction', reason: 'Grade corrected' });
    expect(first.status).toBe(201);
    const [v2] = await t.ds.query('SELECT id, verification_code FROM documents WHERE supersedes_id = ?', [docs[2].id]);
    const second = await support.post(`/api/admin/documents/${v2.id}/reissue`, {
      lastName: 'Verifiable-Three',
      reason: 'Name corrected',
    });
    expect(second.status).toBe(201);
    const [v3] = await t.ds.query('SELECT verification_code FROM documents WHERE supersedes_id = ?', [v2.id]);
    const old = await visitor.get(`/api/verify/${docs[2].code}`);
    expect(old.body).toMatchObject({
      status: 'superseded',
      currentVersionCode: v3.verification_code,
      grade: 'Merit',
      displayEnabled: false,
    });
    const current = await visitor.get(`/api/verify/${v3.verification_code}`);
    expect(current.body).toMatchObject({
      status: 'valid',
      currentVersionCode: null,
      grade: 'Distinction',
      learnerName: 'Priya Verifiable-Three',
    });
  });

  it('gives the PDF inline only where display is enabled: per qualification, overridden per document (audited)', async () => {
    const visitor = new Client(t.app);
    const stored = await t.app.get(FileStorage).readAll(docs[3].fileKey);
    const shown = await visitor.raw('GET', `/api/verify/${docs[3].code}/document`);
    expect(shown.status).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toBe(`inline; filename="${docs[3].number}.pdf"`);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(shown.bytes, stored)).toBe(0);

    const unknown = (await visitor.raw('GET', `/api/verify/${'B'.repeat(32)}/document`)).json();
    expect((await admin.request('PATCH', `/api/admin/qualifications/${qualificationId}/display`, { displayOnVerify: false })).status).toBe(204);
    const hidden = await visitor.raw('GET', `/api/verify/${docs[3].code}/document`);
    expect(hidden.status).toBe(404);
    expect(withoutRequestId(hidden.json())).toEqual(withoutRequestId(unknown));
    expect((await visitor.get(`/api/verify/${docs[3].code}`)).body.displayEnabled).toBe(false);
    // the other qualification is untouched
    expect((await visitor.raw('GET', `/api/verify/${other.code}/document`)).status).toBe(200);

    expect((await admin.request('PATCH', `/api/admin/documents/${docs[3].id}/display`, { displayOnVerify: true })).status).toBe(204);
    expect((await visitor.raw('GET', `/api/verify/${docs[3].code}/document`)).status).toBe(200);
    expect((await visitor.get(`/api/verify/${docs[3].code}`)).body.displayEnabled).toBe(true);

    expect((await admin.request('PATCH', `/api/admin/documents/${docs[3].id}/display`, { displayOnVerify: null })).status).toBe(204);
    expect((await visitor.raw('GET', `/api/verify/${docs[3].code}/document`)).status).toBe(404);

    expect((await admin.request('PATCH', `/api/admin/documents/${other.id}/display`, { displayOnVerify: false })).status).toBe(204);
    expect((await visitor.raw('GET', `/api/verify/${other.code}/document`)).status).toBe(404);

    const audit = await t.ds.query(
      `SELECT action, subject_id, before_state, after_state FROM audit_log WHERE action IN ('qualification.display_on_verify', 'document.display_on_verify') ORDER BY id`,
    );
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(audit.map((a: any) => [a.action, a.subject_id, parse(a.before_state), parse(a.after_state)])).toEqual([
      ['qualification.display_on_verify', String(qualificationId), { displayOnVerify: true }, { displayOnVerify: false }],
      ['document.display_on_verify', String(docs[3].id), { displayOnVerify: null }, { displayOnVerify: true }],
      ['document.display_on_verify', String(docs[3].id), { displayOnVerify: true }, { displayOnVerify: null }],
      ['document.display_on_verify', String(other.id), { displayOnVerify: null }, { displayOnVerify: false }],
    ]);

    // administrators only; the body is validated; unknown ids are 404
    expect((await support.request('PATCH', `/api/admin/qualifications/${qualificationId}/display`, { displayOnVerify: true })).status).toBe(403);
    expect((await admin.request('PATCH', `/api/admin/qualifications/${qualificationId}/display`, { displayOnVerify: 'yes' })).status).toBe(400);
    expect((await admin.request('PATCH', `/api/admin/documents/${docs[3].id}/display`, {})).status).toBe(400);
    expect(
      (
        await admin.request('PATCH', `/api/admin/documents/999999/display`, {
          displayOnVerify: true,
        })
      ).status,
    ).toBe(404);
    expect((await admin.request('PATCH', `/api/admin/qualifications/${qualificationId}/display`, { displayOnVerify: true })).status).toBe(204);
  });

  it('lists qualifications by code with their setting, filtered and paged (administrators)', async () => {
    const all = await admin.get('/api/admin/qualifications?limit=1');
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([
      {
        id: qualificationId,
        code: '603/7506/5',
        title: 'Level 3 Diploma in Light Vehicle Maintenance',
        displayOnVerify: true,
      },
    ]);
    const next = await admin.get(`/api/admin/qualifications?limit=1&cursor=${encodeURIComponent(all.body.nextCursor)}`);
    expect((next.body.items as QualificationSummary[]).map((q) => q.code)).toEqual(['610/0001/1']);
    expect(next.body.nextCursor).toBeNull();
    expect((await admin.get('/api/admin/qualifications?q=weld')).body.items.map((q: QualificationSummary) => q.id)).toEqual([otherQualificationId]);
    expect((await support.get('/api/admin/qualifications')).status).toBe(403);
  });

  it('checks a PDF: genuine for the stored bytes, not issued when one byte is changed', async () => {
    const visitor = new Client(t.app);
    const stored = await t.app.get(FileStorage).readAll(docs[0].fileKey);
    const genuine = await visitor.raw('POST', '/api/verify/pdf', stored, {
      'content-type': 'application/pdf',
    });
    expect(genuine.status).toBe(200);
    const result = genuine.json() as PdfCheckResult;
    expect(result).toMatchObject({
      kind: 'genuine',
      genuine: true,
      sha256: docs[0].sha256,
      document: {
        status: 'valid',
        documentNumber: docs[0].number,
        learnerName: 'Priya Verifiable1',
      },
    });

    const altered = Buffer.from(stored);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    const forged = await visitor.raw('POST', '/api/verify/pdf', altered, {
      'content-type': 'application/pdf',
    });
    expect(forged.status).toBe(200);
    expect(forged.json()).toEqual({
      kind: 'not-issued',
      genuine: false,
      document: null,
      sha256: expect.not.stringMatching(docs[0].sha256),
    });

    expect(
      (
        await visitor.raw('POST', '/api/verify/pdf', Buffer.from('{}'), {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(415);
    const tooLarge = await visitor.raw('POST', '/api/verify/pdf', Buffer.alloc(10 * 1024 * 1024 + 1), { 'content-type': 'application/pdf' });
    expect(tooLarge.status).toBe(413);
  });

  it('knows the centre copy of a document (stamped, as centre staff view and download it): whose it is, its live status, and that it is not the document', async () => {
    const [{ centre_id: centreId }] = await t.ds.query('SELECT centre_id FROM documents WHERE id = ?', [docs[0].id]);
    const [doc] = await issueJob(admin, t.ds, Number(centreId), [documentInput(6, { firstName: 'Zoë', lastName: 'Copyholder' })]);
    const [row] = await t.ds.query('SELECT centre_copy_key, centre_copy_sha256 FROM documents WHERE id = ?', [doc.id]);
    const storage = t.app.get(FileStorage);
    const copy = await storage.readAll(row.centre_copy_key);
    const original = await storage.readAll(doc.fileKey);
    expect(row.centre_copy_sha256).toBe(createHash('sha256').update(copy).digest('hex'));
    expect(row.centre_copy_sha256).not.toBe(doc.sha256);
    const dir = mkdtempSync(join(tmpdir(), 'ap-centre-copy-'));
    try {
      writeFileSync(join(dir, 'copy.pdf'), copy);
      expect(execFileSync('pdftotext', ['-raw', join(dir, 'copy.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(CENTRE_COPY_STAMP);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const visitor = new Client(t.app);
    const check = async (file: Buffer) => {
      const res = await visitor.raw('POST', '/api/verify/pdf', file, { 'content-type': 'application/pdf' });
      expect(res.status).toBe(200);
      return res.json() as PdfCheckResult;
    };
    expect(await check(copy)).toEqual({
      kind: 'centre-copy',
      genuine: false,
      sha256: row.centre_copy_sha256,
      document: expect.objectContaining({
        status: 'valid',
        documentNumber: doc.number,
        learnerName: 'Zoë Copyholder',
        qualification: { code: '603/7506/5', title: 'Level 3 Diploma in Light Vehicle Maintenance' },
      }),
    });
    expect(await check(original)).toMatchObject({ kind: 'genuine', genuine: true, document: { documentNumber: doc.number } });

    // its status is the live one
    await t.ds.query(`UPDATE documents SET status = 'revoked', revoked_at = NOW(3) WHERE id = ?`, [doc.id]);
    expect(await check(copy)).toMatchObject({ kind: 'centre-copy', document: { status: 'revoked', documentNumber: doc.number } });
  });

  it('logs every verification coarsely and lists the log to administrators, all or one document’s, newest first', async () => {
    const visitor = new Client(t.app);
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    await visitor.get(`/api/verify/${other.code}?via=qr`, { 'user-agent': ua });
    await visitor.get(`/api/verify/${other.code}?via=code`, {
      'user-agent': ua,
    });
    await visitor.get(`/api/verify/${'C'.repeat(32)}`, { 'user-agent': ua });
    await visitor.raw('POST', '/api/verify/pdf', await t.app.get(FileStorage).readAll(other.fileKey), { 'content-type': 'application/pdf', 'user-agent': ua });
    await t.app.get(VerificationLogWriter).flush();

    const subnet = visitor.address.split('.').slice(0, 3).join('.') + '.0/24';
    const page = await admin.get(`/api/admin/verifications?documentId=${other.id}`);
    expect(page.status).toBe(200);
    const items = page.body.items as VerificationLogEntry[];
    expect(items.map((i) => i.method)).toEqual(['upload', 'code', 'qr']);
    for (const item of items) {
      expect(item).toEqual({
        id: expect.any(Number),
        at: expect.stringMatching(/Z$/),
        method: item.method,
        client: `Safari on iOS, ${subnet}`,
        hits: 1,
        document: {
          id: other.id,
          documentNumber: other.number,
          learnerName: 'Priya Verifiable5',
        },
      });
    }
    expect(JSON.stringify(items)).not.toContain(visitor.address);

    const all = await admin.get('/api/admin/verifications?limit=2');
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[1]).toMatchObject({
      method: 'code',
      document: null,
      client: `Safari on iOS, ${subnet}`,
    });
    const rest = await admin.get(`/api/admin/verifications?limit=200&cursor=${all.body.nextCursor}`);
    const ids = [...all.body.items, ...rest.body.items].map((i: VerificationLogEntry) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Number((await t.ds.query('SELECT COUNT(*) AS n FROM verification_log'))[0].n));

    expect((await support.get('/api/admin/verifications')).status).toBe(403);
    expect((await admin.get('/api/admin/verifications?cursor=abc')).status).toBe(400);
  });

  it('counts identical verifications of the same second on one row, and every one of them', async () => {
    const checker = new Client(t.app);
    const before = Number((await t.ds.query('SELECT COALESCE(SUM(hits), 0) AS n FROM verification_log WHERE document_id = ?', [docs[3].id]))[0].n);
    for (let i = 0; i < 25; i++) expect((await checker.get(`/api/verify/${docs[3].code}?via=qr`, { 'user-agent': 'curl/8.5.0' })).status).toBe(200);
    await t.app.get(VerificationLogWriter).flush();
    const rows: { hits: number }[] = await t.ds.query(`SELECT hits FROM verification_log WHERE document_id = ? AND client LIKE 'curl%' ORDER BY id`, [
      docs[3].id,
    ]);
    expect(rows.reduce((n, r) => n + Number(r.hits), 0)).toBe(25);
    expect(rows.length).toBeLessThanOrEqual(3); // 25 look-ups take well under 2 s: at most the seconds they spanned
    expect(Number((await t.ds.query('SELECT SUM(hits) AS n FROM verification_log WHERE document_id = ?', [docs[3].id]))[0].n)).toBe(before + 25);
    const page = (await admin.get(`/api/admin/verifications?documentId=${docs[3].id}`)).body.items as VerificationLogEntry[];
    expect(page.filter((e) => e.client.startsWith('curl')).reduce((n, e) => n + e.hits, 0)).toBe(25);
  });

  it('limits look-ups (60 a minute) and PDF checks (10 a minute) per client address, with a clear 429', async () => {
    const visitor = new Client(t.app);
    for (let i = 0; i < 60; i++) expect((await visitor.get(`/api/verify/${docs[0].code}`)).status).toBe(200);
    const limited = await visitor.get(`/api/verify/${docs[0].code}`);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_CHECKS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await visitor.raw('GET', `/api/verify/${docs[0].code}/document`)).status).toBe(429);
    // another address is not affected
    expect((await new Client(t.app).get(`/api/verify/${docs[0].code}`)).status).toBe(200);

    const uploader = new Client(t.app);
    for (let i = 0; i < 10; i++)
      expect((await uploader.raw('POST', '/api/verify/pdf', Buffer.from(`%PDF-${i}`), { 'content-type': 'application/pdf' })).status).toBe(200);
    const tooMany = await uploader.raw('POST', '/api/verify/pdf', Buffer.from('%PDF-x'), { 'content-type': 'application/pdf' });
    expect(tooMany.status).toBe(429);
    expect(tooMany.json().code).toBe('TOO_MANY_CHECKS');
  });
});
