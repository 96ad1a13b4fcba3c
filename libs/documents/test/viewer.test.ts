import { AdminJobDetail, ApiErrorBody, CENTRE_COPY_STAMP, DocumentDetail } from '@achievement/contracts';
import { createUser, eventually, TestUser } from '@achievement/testing';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, storeRenderedPdf, TestDocument } from './document-factory';

/** The text of each page of a PDF, as pdftotext (poppler) reads it. */
function pageTexts(pdf: Buffer, pages: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ap-view-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the document viewer: details and the stamped centre copy', () => {
  let t: DocumentsTestApp;
  let staffA: TestUser;
  let a: Client;
  let b: Client;
  let rendered: TestDocument;
  let pending: TestDocument;

  beforeAll(async () => {
    t = await startDocumentsApp();
    staffA = await createUser(t.ds, 'centre_staff');
    rendered = await createDocument(t.ds, {
      centreId: staffA.centreId!,
      firstName: 'Priya',
      lastName: 'Shah',
      units: [{ code: 'A/601/1234', title: 'Brakes' }],
    });
    await storeRenderedPdf(t.app, t.ds, rendered);
    pending = await createDocument(t.ds, { centreId: staffA.centreId! });
    a = await signedIn(t.app, staffA);
    b = await signedIn(t.app, await createUser(t.ds, 'centre_staff'));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows a document of the centre with its centre, units and versions', async () => {
    const res = await a.get(`/api/documents/${rendered.id}`);
    expect(res.status).toBe(200);
    const detail = res.body as DocumentDetail;
    expect(detail).toMatchObject({
      id: rendered.id,
      documentNumber: rendered.number,
      learner: { name: 'Priya Shah', enrolmentNumber: rendered.enrolmentNumber },
      centre: { id: staffA.centreId },
      learnerDateOfBirth: '2001-04-23',
      awardDate: '2025-07-01',
      units: [{ code: 'A/601/1234', title: 'Brakes' }],
      revokedAt: null,
      revocationReason: null,
      fileReady: true,
    });
    expect(detail.versions).toEqual([{ id: rendered.id, version: 1, status: 'valid', issuedAt: detail.issuedAt, revokedAt: null }]);
    expect(((await a.get(`/api/documents/${pending.id}`)).body as DocumentDetail).fileReady).toBe(false);
  });

  it('serves the PDF inline, not cached, stamped "Centre copy — not valid for verification" on every page', async () => {
    const res = await a.getRaw(`/api/documents/${rendered.id}/view`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${rendered.number}.pdf"; filename*=UTF-8''${rendered.number}.pdf`);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.rawPayload;
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    for (const text of pageTexts(pdf, 2)) {
      expect(text).toContain(`Certificate ${rendered.number}`);
      expect(text.replace(/\s/g, '')).toContain(CENTRE_COPY_STAMP.replace(/\s/g, ''));
    }
  });

  it('stamps the PDF the renderer made for an issued job', async () => {
    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    const issued = await admin.post('/api/admin/jobs', {
      centreId: staffA.centreId,
      documents: [
        {
          enrolmentNumber: '0456789',
          firstName: 'Nia',
          lastName: 'Evans',
          dateOfBirth: '2002-02-02',
          qualificationCode: '603/7506/5',
          qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
          documentType: 'certificate',
          grade: 'Merit',
          awardDate: '2025-07-01',
        },
      ],
    });
    expect(issued.status).toBe(201);
    const [{ id }] = await t.ds.query('SELECT id FROM documents WHERE job_id = ?', [(issued.body as AdminJobDetail).id]);
    await eventually(async () => expect(((await a.get(`/api/documents/${id}`)).body as DocumentDetail).fileReady).toBe(true), 30000);
    const res = await a.getRaw(`/api/documents/${id}/view`);
    expect(res.statusCode).toBe(200);
    const pages = (await PDFDocument.load(res.rawPayload)).getPageCount();
    for (const text of pageTexts(res.rawPayload, pages)) expect(text.replace(/\s/g, '')).toContain(CENTRE_COPY_STAMP.replace(/\s/g, ''));
    expect(pageTexts(res.rawPayload, 1)[0]).toContain('Nia Evans');
  });

  it("serves the centre copy that is stored and recorded (the render worker's, or one stamped once for an older document), so Check a PDF knows a saved copy", async () => {
    const [before] = await t.ds.query('SELECT sha256, centre_copy_key, centre_copy_sha256 FROM documents WHERE id = ?', [rendered.id]);
    const first = (await a.getRaw(`/api/documents/${rendered.id}/view`)).rawPayload;
    const again = (await a.getRaw(`/api/documents/${rendered.id}/view`)).rawPayload;
    expect(again.equals(first)).toBe(true);
    const [row] = await t.ds.query('SELECT sha256, centre_copy_key, centre_copy_sha256 FROM documents WHERE id = ?', [rendered.id]);
    expect(before.centre_copy_key === null || before.centre_copy_sha256 === row.centre_copy_sha256).toBe(true);
    expect(row.centre_copy_sha256).toBe(createHash('sha256').update(first).digest('hex'));
    expect(row.centre_copy_sha256).not.toBe(row.sha256);
    const check = await new Client(t.app).request('POST', '/api/verify/pdf', first, { 'content-type': 'application/pdf' });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ kind: 'centre-copy', genuine: false, document: { documentNumber: rendered.number, status: 'valid' } });
  });

  it('answers 409 while the PDF is not rendered yet', async () => {
    const res = await a.get(`/api/documents/${pending.id}/view`);
    expect(res.status).toBe(409);
    expect((res.body as ApiErrorBody).code).toBe('DOCUMENT_NOT_READY');
  });

  it("never shows another centre's document, its details or its PDF (404)", async () => {
    expect((await b.get(`/api/documents/${rendered.id}`)).status).toBe(404);
    expect((await b.get(`/api/documents/${rendered.id}/view`)).status).toBe(404);
    expect((await b.get('/api/documents/999999')).status).toBe(404);
    expect((await b.get('/api/documents/abc')).status).toBe(400);
  });

  it('lets support staff and administrators see any document, stamped too', async () => {
    for (const role of ['support', 'administrator'] as const) {
      const client = await signedIn(t.app, await createUser(t.ds, role));
      expect((await client.get(`/api/documents/${rendered.id}`)).status).toBe(200);
      const res = await client.getRaw(`/api/documents/${rendered.id}/view`);
      expect(res.statusCode).toBe(200);
      expect(pageTexts(res.rawPayload, 1)[0].replace(/\s/g, '')).toContain(CENTRE_COPY_STAMP.replace(/\s/g, ''));
    }
    const learner = await signedIn(t.app, await createUser(t.ds, 'learner'));
    expect((await learner.get(`/api/documents/${rendered.id}`)).status).toBe(403);
  });
});
