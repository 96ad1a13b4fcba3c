import { AdminJobDetail, IssueDocumentInput } from '@achievement/contracts';
import { AppConfig } from '@achievement/platform';
import { ApiClient, ApiResponse, dropTestArtifacts, eventually, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/create-api-app';

/* Test support of Smart Verify: the api as it runs (processors in-process), clients at addresses of their own. */

export interface VerificationTestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startVerificationApp(overrides: Partial<AppConfig> = {}): Promise<VerificationTestApp> {
  const config = testConfig({
    WEB_DIST_DIR: '/nonexistent',
    TRUST_PROXY: 'true',
    ...overrides,
  });
  const app = await createApiApp(config);
  return {
    app,
    ds: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await dropTestArtifacts(config);
    },
  };
}

let lastAddress = 0;

/** A client address no other request of this test file has used (X-Forwarded-For is trusted in these tests), so per-address limits do not meet. */
export function nextClientAddress(): string {
  lastAddress++;
  return `10.77.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

/** A browser at a client address of its own (X-Forwarded-For, trusted in these tests), so the per-address limits of one do not touch another. */
export class Client extends ApiClient {
  readonly address: string;

  constructor(private readonly appRef: NestFastifyApplication) {
    super(appRef);
    this.address = nextClientAddress();
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

  /** A request whose answer is kept as bytes, with a raw body (a PDF upload). */
  async raw(method: 'GET' | 'POST', url: string, payload?: Buffer, headers: Record<string, string> = {}) {
    const res = await this.appRef.inject({
      method,
      url,
      payload,
      headers: { 'x-forwarded-for': this.address, ...headers },
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      bytes: res.rawPayload,
      json: () => JSON.parse(res.body),
    };
  }
}

export async function signedIn(app: NestFastifyApplication, user: { email: string; password: string }): Promise<Client> {
  const client = new Client(app);
  await client.signIn(user.email, user.password);
  return client;
}

export function documentInput(n: number, overrides: Partial<IssueDocumentInput> = {}): IssueDocumentInput {
  return {
    enrolmentNumber: `V${String(n).padStart(6, '0')}`,
    firstName: 'Priya',
    lastName: `Verifiable${n}`,
    dateOfBirth: '2003-09-21',
    email: `priya${n}@learners.example`,
    qualificationCode: '603/7506/5',
    qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
    documentType: 'certificate',
    grade: 'Merit',
    awardDate: '2025-07-14',
    ...overrides,
  };
}

export interface IssuedDocument {
  id: number;
  code: string;
  number: string;
  sha256: string;
  fileKey: string;
  enrolmentNumber: string;
}

/** Issues a job through the administrators' API and waits until every PDF is rendered. */
export async function issueJob(admin: Client, ds: DataSource, centreId: number, documents: IssueDocumentInput[]): Promise<IssuedDocument[]> {
  const res = await admin.post('/api/admin/jobs', { centreId, documents });
  if (res.status !== 201) throw new Error(`Issuing failed: ${res.status} ${res.text}`);
  const jobId = (res.body as AdminJobDetail).id;
  await eventually(async () => {
    const job = await admin.get(`/api/admin/jobs/${jobId}`);
    expect(job.body).toMatchObject({ status: 'issued' });
  }, 60_000);
  const rows = await ds.query(
    `SELECT d.id, d.verification_code, d.document_number, d.sha256, d.file_key, l.enrolment_number
       FROM documents d JOIN learners l ON l.id = d.learner_id WHERE d.job_id = ? ORDER BY d.id`,
    [jobId],
  );
  return rows.map((r: any) => ({
    id: Number(r.id),
    code: r.verification_code,
    number: r.document_number,
    sha256: r.sha256,
    fileKey: r.file_key,
    enrolmentNumber: r.enrolment_number,
  }));
}
