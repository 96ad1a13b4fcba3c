import { JobSummary } from '@achievement/contracts';
import { createUser, eventually } from '@achievement/testing';
import { Client, DocumentsTestApp, signedIn, startDocumentsApp } from './document-factory';

describe('Jobs Issued (centre staff)', () => {
  let t: DocumentsTestApp;
  let staffA: Client;
  let staffB: Client;
  let jobsA: number[] = [];
  let jobB: number;

  beforeAll(async () => {
    t = await startDocumentsApp();
    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    const a = await createUser(t.ds, 'centre_staff');
    const b = await createUser(t.ds, 'centre_staff');
    staffA = await signedIn(t.app, a);
    staffB = await signedIn(t.app, b);
    const issue = async (centreId: number, n: number) => {
      const res = await admin.post('/api/admin/jobs', {
        centreId,
        documents: [
          {
            enrolmentNumber: `JT${n}`,
            firstName: 'Jo',
            lastName: `Smith${n}`,
            dateOfBirth: '2000-01-01',
            qualificationCode: '603/7506/5',
            qualificationTitle: 'Level 3 Diploma',
            documentType: 'certificate',
            awardDate: '2025-07-14',
          },
        ],
      });
      expect(res.status).toBe(201);
      return (res.body as { id: number }).id;
    };
    for (let i = 0; i < 3; i++) jobsA.push(await issue(a.centreId!, i));
    jobB = await issue(b.centreId!, 99);
    jobsA = jobsA.reverse(); // newest first
    // Issuing renders through the queue: the list is read once every job has been issued, so
    // the page's shape does not depend on how far the worker has got (issuedAt is null until then).
    await eventually(async () => {
      for (const id of [...jobsA, jobB]) expect((await admin.get(`/api/admin/jobs/${id}`)).body).toMatchObject({ status: 'issued' });
    }, 30_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("lists the centre's own jobs, newest first, page by page", async () => {
    const first = await staffA.get('/api/jobs?limit=2');
    expect(first.status).toBe(200);
    const page = first.body as { items: JobSummary[]; nextCursor: string };
    expect(page.items.map((j) => j.id)).toEqual(jobsA.slice(0, 2));
    expect(page.items[0]).toEqual({
      id: jobsA[0],
      number: expect.stringMatching(/^J\d{7}$/),
      status: 'issued',
      documentCount: 1,
      createdAt: expect.any(String),
      issuedAt: expect.any(String),
    });
    const second = (await staffA.get(`/api/jobs?limit=2&cursor=${page.nextCursor}`)).body as { items: JobSummary[]; nextCursor: string | null };
    expect(second.items.map((j) => j.id)).toEqual(jobsA.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('shows a job once issued', async () => {
    await eventually(
      async () =>
        expect((await staffA.get(`/api/jobs/${jobsA[0]}`)).body).toMatchObject({
          status: 'issued',
          issuedAt: expect.any(String),
        }),
      30_000,
    );
  });

  it("cannot reach another centre's job: 404, as for a job that does not exist", async () => {
    const other = await staffA.get(`/api/jobs/${jobB}`);
    const missing = await staffA.get('/api/jobs/999999');
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'JOB_NOT_FOUND', message: `There is no job ${jobB}.` });
    expect(((await staffB.get('/api/jobs')).body as { items: JobSummary[] }).items.map((j) => j.id)).toEqual([jobB]);
    expect(((await staffA.get('/api/jobs')).body as { items: JobSummary[] }).items.map((j) => j.id)).not.toContain(jobB);
  });

  it('is for centre staff; the admin job list is not for them', async () => {
    expect((await staffA.get('/api/admin/jobs')).status).toBe(403);
    expect((await staffA.get(`/api/admin/jobs/${jobsA[0]}`)).status).toBe(403);
  });
});
