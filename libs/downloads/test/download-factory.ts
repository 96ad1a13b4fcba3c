import { centreCopyFileKey, indexRecordNames, stampCentreCopy } from '@achievement/documents';
import { AppConfig, Clock, FileStorage } from '@achievement/platform';
import { ApiClient, ApiResponse, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/create-api-app';

/*
 * Test support of the downloads tests: the api as it runs (with its in-process zip builder), a
 * movable clock, and factories that insert a centre's documents with their PDFs in storage.
 */

export class MovableClock extends Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface DownloadsTestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  config: AppConfig;
  clock: MovableClock;
  storage: FileStorage;
  close(): Promise<void>;
}

export async function startDownloadsApp(overrides: Record<string, unknown> = {}): Promise<DownloadsTestApp> {
  const config = testConfig({
    WEB_DIST_DIR: '/nonexistent',
    TRUST_PROXY: 'true',
    ...overrides,
  });
  const clock = new MovableClock();
  const app = await createApiApp(config, { clock });
  return {
    app,
    ds: app.get(DataSource),
    config,
    clock,
    storage: app.get(FileStorage),
    close: async () => {
      await app.close();
      await dropTestArtifacts(config);
    },
  };
}

let lastAddress = 0;

/** A browser at a client address of its own, keeping the raw bytes of binary answers. */
export class Client extends ApiClient {
  private readonly address: string;

  constructor(private readonly appRef: NestFastifyApplication) {
    super(appRef);
    lastAddress++;
    this.address = `10.8.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
  }

  override get(url: string, headers: Record<string, string> = {}): Promise<ApiResponse<any>> {
    return this.request('GET', url, undefined, headers);
  }

  override post(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<any>> {
    return this.request('POST', url, body, headers);
  }

  override request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return super.request<T>(method, url, body, {
      'x-forwarded-for': this.address,
      ...headers,
    });
  }

  /** A GET whose answer is kept as bytes (a zip), with this client's cookies. */
  async getRaw(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{
    statusCode: number;
    headers: Record<string, unknown>;
    rawPayload: Buffer;
    body: string;
  }> {
    type Raw = {
      statusCode: number;
      headers: Record<string, unknown>;
      rawPayload: Buffer;
      body: string;
    };
    const self = this as unknown as {
      app: { inject(opts: unknown): Promise<Raw> };
    };
    const real = this.appRef as unknown as {
      inject(opts: unknown): Promise<Raw>;
    };
    let captured: Raw | undefined;
    self.app = {
      inject: async (opts: unknown) => (captured = await real.inject(opts)),
    };
    try {
      await this.get(url, headers);
    } finally {
      self.app = real;
    }
    return captured!;
  }
}

export async function signedIn(app: NestFastifyApplication, user: { email: string; password: string }): Promise<Client> {
  const client = new Client(app);
  await client.signIn(user.email, user.password);
  return client;
}

export interface TestDocumentSpec {
  firstName?: string;
  lastName?: string;
  enrolmentNumber?: string;
  qualificationCode?: string;
  /** false: not rendered yet (no file_key) */
  rendered?: boolean;
  /** false: rendered before centre copies were stored (no centre copy yet); else its centre copy is stored as the render worker does */
  centreCopy?: boolean;
}

export interface TestDocument {
  id: number;
  number: string;
  fileKey: string | null;
  /** the stored centre copy, when there is one */
  centreCopyKey: string | null;
  learnerName: string;
  enrolmentNumber: string;
  qualificationCode: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export async function createJob(ds: DataSource, centreId: number): Promise<{ id: number; number: string }> {
  const number = `J${hex(4).toUpperCase()}`;
  const r = await ds.query(
    `INSERT INTO jobs (number, centre_id, status, document_count, rendered_count, created_at, issued_at) VALUES (?, ?, 'issued', 0, 0, NOW(3), NOW(3))`,
    [number, centreId],
  );
  return { id: Number(r.insertId), number };
}

async function qualificationId(ds: DataSource, code: string): Promise<number> {
  const [found] = await ds.query('SELECT id FROM qualifications WHERE code = ?', [code]);
  if (found) return Number(found.id);
  const r = await ds.query('INSERT INTO qualifications (code, title, level, display_on_verify) VALUES (?, ?, 3, 1)', [code, `Level 3 Diploma ${code}`]);
  return Number(r.insertId);
}

/** A real PDF of its own bytes (a line of text naming it, and 2-30 KB of random content in an unreferenced stream). */
export async function fakePdf(label = hex(8)): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 420]);
  page.drawText(`Test document ${label}`, { x: 40, y: 360, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.context.register(doc.context.stream(randomBytes(2048 + Math.floor(Math.random() * 28_000))));
  return Buffer.from(await doc.save());
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Stores a document's PDF and, unless `centreCopy` is false, its centre copy beside it, as the render worker does; returns the keys and SHA-256s. */
export async function storeRenderedPdf(
  storage: FileStorage,
  centreId: number,
  documentId: number,
  centreCopy = true,
): Promise<{ fileKey: string; sha256: string; centreCopyKey: string | null; centreCopySha256: string | null }> {
  const pdf = await fakePdf(String(documentId));
  const fileKey = `documents/${centreId}/${documentId}-v1.pdf`;
  await storage.put(fileKey, pdf);
  if (!centreCopy) return { fileKey, sha256: sha256Of(pdf), centreCopyKey: null, centreCopySha256: null };
  const copy = await stampCentreCopy(pdf);
  const centreCopyKey = centreCopyFileKey(centreId, documentId, 1);
  await storage.put(centreCopyKey, copy);
  return { fileKey, sha256: sha256Of(pdf), centreCopyKey, centreCopySha256: sha256Of(copy) };
}

/** Documents of one job of the centre, each with its PDF stored under its file key (unless not rendered), indexed for the name search. */
export async function createDocuments(
  ds: DataSource,
  storage: FileStorage,
  centreId: number,
  specs: TestDocumentSpec[],
  jobId?: number,
): Promise<{ jobId: number; jobNumber: string; documents: TestDocument[] }> {
  const job = jobId
    ? {
        id: jobId,
        number: (await ds.query('SELECT number FROM jobs WHERE id = ?', [jobId]))[0].number as string,
      }
    : await createJob(ds, centreId);
  const documents: TestDocument[] = [];
  for (const spec of specs) {
    const firstName = spec.firstName ?? 'Alex';
    const lastName = spec.lastName ?? 'Taylor';
    const enrolmentNumber = spec.enrolmentNumber ?? String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
    const qualificationCode = spec.qualificationCode ?? '603/7506/5';
    const [known] = await ds.query('SELECT id FROM learners WHERE enrolment_number = ?', [enrolmentNumber]);
    const l = known
      ? { insertId: known.id }
      : await ds.query('INSERT INTO learners (enrolment_number, first_name, last_name, date_of_birth, email, created_at) VALUES (?, ?, ?, ?, NULL, NOW(3))', [
          enrolmentNumber,
          firstName,
          lastName,
          '2001-04-23',
        ]);
    const learnerName = `${firstName} ${lastName}`;
    const r = await ds.query(
      `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, learner_name, grade, award_date, units, issued_at)
       VALUES (?, ?, ?, ?, 'certificate', ?, ?, 'valid', 1, ?, 'Pass', '2025-07-01', NULL, NOW(3))`,
      [job.id, centreId, Number(l.insertId), await qualificationId(ds, qualificationCode), `T${hex(8)}`, randomBytes(24).toString('base64url'), learnerName],
    );
    const id = Number(r.insertId);
    const number = `D${100_000_000 + id}`;
    const stored = spec.rendered === false ? null : await storeRenderedPdf(storage, centreId, id, spec.centreCopy !== false);
    const fileKey = stored?.fileKey ?? null;
    const centreCopyKey = stored?.centreCopyKey ?? null;
    await ds.query('UPDATE documents SET document_number = ?, file_key = ?, sha256 = ?, centre_copy_key = ?, centre_copy_sha256 = ? WHERE id = ?', [
      number,
      fileKey,
      stored?.sha256 ?? null,
      centreCopyKey,
      stored?.centreCopySha256 ?? null,
      id,
    ]);
    await indexRecordNames(ds.manager, [{ id, centreId, learnerName }]);
    documents.push({
      id,
      number,
      fileKey,
      centreCopyKey,
      learnerName,
      enrolmentNumber,
      qualificationCode,
    });
  }
  await ds.query('UPDATE jobs SET document_count = document_count + ?, rendered_count = rendered_count + ? WHERE id = ?', [
    specs.length,
    documents.filter((d) => d.fileKey).length,
    job.id,
  ]);
  return { jobId: job.id, jobNumber: job.number, documents };
}

/** The one PDF (and its centre copy) that createManyDocuments' documents share. */
export const SHARED_PDF_KEY = 'documents/shared/one.pdf';
export const SHARED_CENTRE_COPY_KEY = 'documents/shared/one-centre-copy.pdf';

/** Stores the shared PDF and its centre copy (for createManyDocuments); returns the centre copy's SHA-256. */
export async function storeSharedPdf(storage: FileStorage): Promise<string> {
  const pdf = await fakePdf('shared');
  await storage.put(SHARED_PDF_KEY, pdf);
  const copy = await stampCentreCopy(pdf);
  await storage.put(SHARED_CENTRE_COPY_KEY, copy);
  return sha256Of(copy);
}

/**
 * Many documents of one new job in a few statements (MariaDB's sequence tables), sharing one
 * stored PDF (SHARED_PDF_KEY) and, when its SHA-256 is given, one centre copy (SHARED_CENTRE_COPY_KEY); for the limits.
 */
export async function createManyDocuments(ds: DataSource, centreId: number, count: number, centreCopySha256: string | null = null): Promise<number> {
  const job = await createJob(ds, centreId);
  const [learner] = await ds.query('SELECT id FROM learners LIMIT 1');
  const learnerId = learner
    ? Number(learner.id)
    : Number(
        (
          await ds.query(
            `INSERT INTO learners (enrolment_number, first_name, last_name, date_of_birth, created_at) VALUES ('M0000001', 'Many', 'Docs', '2001-01-01', NOW(3))`,
          )
        ).insertId,
      );
  const q = await qualificationId(ds, '603/7506/5');
  const tag = hex(3).toUpperCase();
  await ds.query(
    `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, learner_name, grade, award_date, issued_at, file_key,
                            centre_copy_key, centre_copy_sha256)
     SELECT ?, ?, ?, ?, 'certificate', CONCAT('M', ?, LPAD(seq, 7, '0')), CONCAT(?, LPAD(seq, 26, '0')), 'valid', 1, 'Many Docs', 'Pass', '2025-07-01', NOW(3), ?, ?, ?
       FROM seq_1_to_${Math.floor(count)}`,
    [job.id, centreId, learnerId, q, tag, tag, SHARED_PDF_KEY, centreCopySha256 ? SHARED_CENTRE_COPY_KEY : null, centreCopySha256],
  );
  await ds.query('UPDATE jobs SET document_count = ?, rendered_count = ? WHERE id = ?', [count, count, job.id]);
  return job.id;
}
