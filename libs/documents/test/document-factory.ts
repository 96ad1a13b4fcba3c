import { DocumentStatus, DocumentType, DocumentUnit } from '@achievement/contracts';
import { indexRecordNames } from '@achievement/documents';
import { AppConfig, Clock, FileStorage } from '@achievement/platform';
import { ApiClient, ApiResponse, dropTestArtifacts, SmtpSink, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/create-api-app';

/*
 * Test support of the Records, viewer, notice, report and triage tests: the api as it runs, with
 * a movable clock and a real SMTP sink, and a factory that inserts a valid document in one line.
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

export interface DocumentsTestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  config: AppConfig;
  clock: MovableClock;
  smtp: SmtpSink;
  close(): Promise<void>;
}

/**
 * The api on the test's database, Redis and SMTP sink. With `listen`, it also listens on a free
 * loopback port that PUBLIC_URL names, for what the api calls over real HTTP (the sandbox
 * gateway's Reporting API, for one).
 */
export async function startDocumentsApp(options: { listen?: boolean } = {}): Promise<DocumentsTestApp> {
  const smtp = await new SmtpSink().start();
  const port = options.listen ? await freePort() : undefined;
  const config = testConfig({
    WEB_DIST_DIR: '/nonexistent',
    TRUST_PROXY: 'true',
    SMTP_URL: smtp.url,
    SERVICES_TEAM_EMAIL: 'centre.services@achievement.test',
    ...(port ? { PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
  });
  const clock = new MovableClock();
  const app = await createApiApp(config, { clock });
  if (port) await app.listen(port, '127.0.0.1');
  return {
    app,
    ds: app.get(DataSource),
    config,
    clock,
    smtp,
    close: async () => {
      await app.close();
      await smtp.stop();
      await dropTestArtifacts(config);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let lastAddress = 0;

/** A browser at a client address of its own (X-Forwarded-For, trusted in these tests), so sign-in limits of one client do not touch another. */
export class Client extends ApiClient {
  private readonly address: string;

  constructor(private readonly appRef: NestFastifyApplication) {
    super(appRef);
    lastAddress++;
    this.address = `10.9.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
  }

  override request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return super.request<T>(method, url, body, { 'x-forwarded-for': this.address, ...headers });
  }

  /** A GET whose answer is kept as bytes (a PDF), with this client's cookies. */
  async getRaw(url: string): Promise<{ statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }> {
    type Raw = { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer };
    const self = this as unknown as { app: { inject(opts: unknown): Promise<Raw> } };
    const real = this.appRef as unknown as { inject(opts: unknown): Promise<Raw> };
    let captured: Raw | undefined;
    self.app = { inject: async (opts: unknown) => (captured = await real.inject(opts)) };
    try {
      await this.get(url);
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

export interface TestDocumentInput {
  centreId: number;
  firstName?: string;
  lastName?: string;
  enrolmentNumber?: string;
  /** an existing learner (then the names, enrolment number and email are theirs) */
  learnerId?: number;
  email?: string | null;
  dateOfBirth?: string;
  qualificationCode?: string;
  qualificationTitle?: string;
  /** the job to put it in (made when not given) */
  jobId?: number;
  type?: DocumentType;
  status?: DocumentStatus;
  grade?: string | null;
  awardDate?: string;
  units?: DocumentUnit[];
  issuedAt?: Date;
  version?: number;
  supersedesId?: number | null;
  fileKey?: string | null;
}

export interface TestDocument {
  id: number;
  number: string;
  learnerId: number;
  enrolmentNumber: string;
  jobId: number;
  jobNumber: string;
  qualificationId: number;
  centreId: number;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A job of the centre; returns its id and number. */
export async function createJob(ds: DataSource, centreId: number, number = `J${hex(4).toUpperCase()}`): Promise<{ id: number; number: string }> {
  const now = new Date();
  const r = await ds.query(
    `INSERT INTO jobs (number, centre_id, status, document_count, rendered_count, created_at, issued_at) VALUES (?, ?, 'issued', 0, 0, ?, ?)`,
    [number, centreId, now, now],
  );
  return { id: Number(r.insertId), number };
}

async function qualificationId(ds: DataSource, code: string, title: string): Promise<number> {
  const [found] = await ds.query('SELECT id FROM qualifications WHERE code = ?', [code]);
  if (found) return Number(found.id);
  const r = await ds.query('INSERT INTO qualifications (code, title, level, display_on_verify) VALUES (?, ?, 3, 1)', [code, title]);
  return Number(r.insertId);
}

/** A valid document (and its learner, qualification and job unless given), indexed for the name search as issuing does. */
export async function createDocument(ds: DataSource, input: TestDocumentInput): Promise<TestDocument> {
  let learnerId = input.learnerId;
  let enrolmentNumber = input.enrolmentNumber ?? String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  let firstName = input.firstName ?? 'Alex';
  let lastName = input.lastName ?? 'Taylor';
  if (learnerId === undefined) {
    const email = input.email === undefined ? `${firstName}.${lastName}.${hex(3)}@learners.example`.toLowerCase().replace(/[^a-z0-9.@-]/g, '') : input.email;
    const r = await ds.query(
      'INSERT INTO learners (enrolment_number, first_name, last_name, date_of_birth, email, created_at) VALUES (?, ?, ?, ?, ?, NOW(3))',
      [enrolmentNumber, firstName, lastName, input.dateOfBirth ?? '2001-04-23', email],
    );
    learnerId = Number(r.insertId);
  } else {
    const [l] = await ds.query('SELECT enrolment_number, first_name, last_name FROM learners WHERE id = ?', [learnerId]);
    enrolmentNumber = l.enrolment_number;
    firstName = l.first_name;
    lastName = l.last_name;
  }
  const qId = await qualificationId(ds, input.qualificationCode ?? '603/7506/5', input.qualificationTitle ?? 'Level 3 Diploma in Light Vehicle Maintenance');
  const job = input.jobId
    ? { id: input.jobId, number: (await ds.query('SELECT number FROM jobs WHERE id = ?', [input.jobId]))[0].number as string }
    : await createJob(ds, input.centreId);
  const learnerName = `${firstName} ${lastName}`;
  const r = await ds.query(
    `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, supersedes_id,
                            learner_name, grade, award_date, units, issued_at, file_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      job.id,
      input.centreId,
      learnerId,
      qId,
      input.type ?? 'certificate',
      `T${hex(8)}`,
      randomBytes(24).toString('base64url'),
      input.status ?? 'valid',
      input.version ?? 1,
      input.supersedesId ?? null,
      learnerName,
      input.grade === undefined ? 'Pass' : input.grade,
      input.awardDate ?? '2025-07-01',
      JSON.stringify(input.units ?? [{ code: 'F/617/5038', title: 'Health and safety in the workshop' }]),
      input.issuedAt ?? new Date(),
      input.fileKey ?? null,
    ],
  );
  const id = Number(r.insertId);
  const number = `D${100_000_000 + id}`;
  await ds.query('UPDATE documents SET document_number = ? WHERE id = ?', [number, id]);
  await ds.query('UPDATE jobs SET document_count = document_count + 1, rendered_count = rendered_count + ? WHERE id = ?', [input.fileKey ? 1 : 0, job.id]);
  await indexRecordNames(ds.manager, [{ id, centreId: input.centreId, learnerName }]);
  return { id, number, learnerId, enrolmentNumber, jobId: job.id, jobNumber: job.number, qualificationId: qId, centreId: input.centreId };
}

/** Stores a small two-page PDF as the rendered file of a document. */
export async function storeRenderedPdf(app: NestFastifyApplication, ds: DataSource, doc: TestDocument): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [w, h] of [
    [595, 842],
    [842, 595],
  ]) {
    pdf.addPage([w, h]).drawText(`Certificate ${doc.number}`, { x: 50, y: h - 80, size: 20, font });
  }
  const key = `documents/${doc.centreId}/${doc.id}.pdf`;
  await app.get(FileStorage).put(key, Buffer.from(await pdf.save()));
  await ds.query('UPDATE documents SET file_key = ? WHERE id = ?', [key, doc.id]);
  return key;
}
