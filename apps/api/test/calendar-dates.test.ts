/**
 * @jest-environment ./libs/testing/src/time-zone-environment.js
 * @time-zone America/Los_Angeles
 *
 * The api runs west of Greenwich for this file: a DATE read as an instant (midnight UTC) and
 * written back with local getters, as TypeORM does for a Date, would come out a day early here.
 */
import {
  AdminJobDetail,
  CentreContact,
  DocumentDetail,
  LearnerConnection,
  LearnerDocument,
  Page,
  Product,
  RecordPage,
  StoreDocument,
  ThirdPartyConnection,
  TriageReportDetail,
  VerificationResult,
} from '@achievement/contracts';
import { AppConfig } from '@achievement/platform';
import { ApiClient, createCentre, createUser, dropTestArtifacts, eventually, testConfig, TestUser } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

/**
 * Calendar dates (award dates, dates of birth: DATE columns) leave the API as the `YYYY-MM-DD`
 * they were issued with, never as an instant, on every answer that carries one.
 */
describe('calendar dates in API answers', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let centreId: number;
  let admin: ApiClient;
  let staff: ApiClient;
  let learner: ApiClient;
  let thirdParty: ApiClient;
  let documentId: number;
  let verificationCode: string;

  const AWARD_DATE = '2025-08-28';
  const DATE_OF_BIRTH = '2001-01-01';

  async function signedIn(user: TestUser): Promise<ApiClient> {
    const client = new ApiClient(app);
    await client.signIn(user.email, user.password);
    return client;
  }

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent' });
    app = await createApiApp(config);
    ds = app.get(DataSource);
    centreId = await createCentre(ds);
    admin = await signedIn(await createUser(ds, 'administrator'));
    staff = await signedIn(await createUser(ds, 'centre_staff', { centreId }));

    const issued = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        {
          enrolmentNumber: 'CD0001',
          firstName: 'Mei',
          lastName: 'Tanaka',
          dateOfBirth: DATE_OF_BIRTH,
          email: 'mei.tanaka@learners.example',
          qualificationCode: '603/7506/5',
          qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair',
          documentType: 'certificate',
          grade: 'Merit',
          awardDate: AWARD_DATE,
        },
      ],
    });
    expect(issued.status).toBe(201);
    const jobId = (issued.body as AdminJobDetail).id;
    await eventually(async () => expect(((await admin.get(`/api/admin/jobs/${jobId}`)).body as AdminJobDetail).status).toBe('issued'), 60_000, 200);
    const [doc] = await ds.query('SELECT id, verification_code, learner_id FROM documents WHERE job_id = ?', [jobId]);
    documentId = Number(doc.id);
    verificationCode = doc.verification_code;

    const learnerUser = await createUser(ds, 'learner', { email: 'mei.tanaka@learners.example' });
    await ds.query('UPDATE users SET learner_id = ? WHERE id = ?', [doc.learner_id, learnerUser.id]);
    learner = await signedIn(learnerUser);
    thirdParty = await signedIn(await createUser(ds, 'third_party'));
    expect((await thirdParty.post('/api/third-party/requests', { learnerEmail: learnerUser.email })).status).toBe(202);
    const [request] = (await learner.get('/api/learner/connections')).body as LearnerConnection[];
    expect((await learner.post(`/api/learner/connections/${request.id}/accept`, { period: 'month', documentIds: [documentId] })).status).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    if (config) await dropTestArtifacts(config);
  });

  it('runs in a zone behind UTC (the premise of this file)', () => {
    expect(new Date(2025, 7, 28).getTimezoneOffset()).toBe(420);
  });

  it('the public verification look-up', async () => {
    const res = await new ApiClient(app).get(`/api/verify/${verificationCode}`);
    expect(res.status).toBe(200);
    expect((res.body as VerificationResult).awardDate).toBe(AWARD_DATE);
  });

  it("the centre's document page and Records", async () => {
    const detail = (await staff.get(`/api/documents/${documentId}`)).body as DocumentDetail;
    expect(detail.awardDate).toBe(AWARD_DATE);
    expect(detail.learnerDateOfBirth).toBe(DATE_OF_BIRTH);
    expect(detail.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/); // a time stays an instant
    const records = (await staff.get('/api/records?enrolmentNumber=CD0001')).body as RecordPage;
    expect(records.items.map((r) => r.awardDate)).toEqual([AWARD_DATE]);
  });

  it("the learner's documents and the third party's list", async () => {
    const own = (await learner.get('/api/learner/documents')).body as LearnerDocument[];
    expect(own.map((d) => d.awardDate)).toEqual([AWARD_DATE]);
    const shared = (await thirdParty.get('/api/third-party/connections')).body as ThirdPartyConnection[];
    expect(shared.flatMap((c) => c.documents.map((d) => d.awardDate))).toEqual([AWARD_DATE]);
  });

  it('the store', async () => {
    const certificate = ((await staff.get('/api/store/products')).body as Product[]).find((p) => p.documentTypes.includes('certificate'))!;
    const [doc] = await ds.query('SELECT learner_id FROM documents WHERE id = ?', [documentId]);
    const forStaff = (await staff.get(`/api/store/documents?productId=${certificate.id}&learnerId=${doc.learner_id}`)).body as StoreDocument[];
    expect(forStaff.map((d) => d.awardDate)).toEqual([AWARD_DATE]);
    const forLearner = (await learner.get(`/api/store/documents?productId=${certificate.id}`)).body as StoreDocument[];
    expect(forLearner.map((d) => d.awardDate)).toEqual([AWARD_DATE]);
  });

  it('a reported document in the admin area, and a centre contact', async () => {
    const report = await staff.post(`/api/documents/${documentId}/reports`, {
      reason: 'award_date',
      description: 'The award date is right; checking how it is shown.',
    });
    expect(report.status).toBe(201);
    const support = await signedIn(await createUser(ds, 'support'));
    const [row] = await ds.query('SELECT id FROM document_reports WHERE document_id = ?', [documentId]);
    const triage = (await support.get(`/api/admin/reports/${row.id}`)).body as TriageReportDetail;
    expect(triage.documentDetail.awardDate).toBe(AWARD_DATE);
    expect(triage.documentDetail.learnerDateOfBirth).toBe(DATE_OF_BIRTH);

    const created = await admin.post(`/api/admin/centres/${centreId}/contacts`, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@centre.example',
      dateOfBirth: '1985-04-23',
    });
    expect(created.status).toBe(201);
    const contacts = (await admin.get(`/api/admin/centres/${centreId}/contacts`)).body as Page<CentreContact>;
    expect(contacts.items.map((c) => c.dateOfBirth)).toEqual(['1985-04-23']);
  });
});
