import { AdminJobDetail, AdminJobDocument, IssueDocumentInput, IssueJobErrorBody, Page } from '@achievement/contracts';
import { DocumentRenderService, queueUnrenderedDocuments, RenderReconcilerTask } from '@achievement/documents';
import { FileStorage } from '@achievement/platform';
import { createCentre, createUser, eventually } from '@achievement/testing';
import { createHash } from 'node:crypto';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp } from './document-factory';

const HEADER = 'enrolment_number,first_name,last_name,date_of_birth,email,qualification_code,qualification_title,document_type,grade,award_date,units';

function csvOf(rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

function document(n: number, overrides: Partial<IssueDocumentInput> = {}): IssueDocumentInput {
  return {
    enrolmentNumber: `E${String(n).padStart(6, '0')}`,
    firstName: 'Sam',
    lastName: `Learner${n}`,
    dateOfBirth: '2004-05-17',
    email: `learner${n}@example.test`,
    qualificationCode: '603/7506/5',
    qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
    documentType: 'certificate',
    grade: 'Pass',
    awardDate: '2025-07-14',
    ...overrides,
  };
}

describe('issuing a job (administrators)', () => {
  let t: DocumentsTestApp;
  let admin: Client;
  let centreId: number;
  let centralEmail: string;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await startDocumentsApp();
    admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    centralEmail = `exams-${Date.now()}@northfield.example`;
    centreId = await createCentre(t.ds, {
      name: 'Northfield College',
      centralEmail,
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const waitIssued = (id: number) =>
    eventually(async () => {
      const res = await admin.get(`/api/admin/jobs/${id}`);
      expect(res.body).toMatchObject({ status: 'issued' });
      return res.body as AdminJobDetail;
    }, 60_000);

  it('lists every problem of a CSV with its line and column, and issues nothing', async () => {
    const csv = csvOf([
      'E1,Ada,Lovelace,1990-02-30,ada@example.test,603/7506/5,Level 3 Diploma,certificate,Pass,2025-07-14,', // line 2: no such day
      'E2,Alan,Turing,1991-01-01,not-an-email,603/7506/5,Level 3 Diploma,diploma,Pass,14/07/2025,', // line 3: email, type
      'E3,Grace,Hopper,1992-01-01,,603/7506/5,Level 3 Diploma,unit certificate,,2025-07-14,', // line 4: a unit certificate without units
      'E1,Ada,Lovelace,1990-02-28,,603/7506/5,Level 3 Diploma,certificate,Pass,2999-01-01,', // line 5: future award date
      'E4,Edsger,Dijkstra,1993-01-01,,603/7506/5,Level 3 Diploma,Certificate,Merit,2025-07-14,', // line 6: fine
      'E4,Edsger,Dijkstra,1993-01-01,,603/7506/5,Level 3 Diploma,certificate,Merit,2025-07-14,', // line 7: line 6 again
      'E5,Barbara,Liskov', // line 8: too few values
    ]);
    const res = await admin.post('/api/admin/jobs/csv', { centreId, csv });
    expect(res.status).toBe(400);
    const body = res.body as IssueJobErrorBody;
    expect(body.message).toMatch(/^Nothing was issued/);
    expect(body.rowErrors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 8, field: 'row' })]));
    // the shape of the file is checked first: a row with the wrong number of values stops there
    const fixed = csv.replace('E5,Barbara,Liskov\n', '');
    const again = await admin.post('/api/admin/jobs/csv', {
      centreId,
      csv: fixed,
    });
    expect(again.status).toBe(400);
    const errors = (again.body as IssueJobErrorBody).rowErrors.map((e) => `${e.line} ${e.field}`);
    expect(errors).toEqual(['2 date_of_birth', '3 email', '3 document_type', '4 units', '5 award_date', '7 row']);
    expect((again.body as IssueJobErrorBody).rowErrors[5].message).toMatch(/Line 6 already issues this learner/);
    expect(await count('SELECT COUNT(*) AS n FROM jobs')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM learners')).toBe(0);
  });

  it('refuses names and titles holding characters the certificate cannot print, naming them, and never drops them silently', async () => {
    const res = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(901, { firstName: 'Zoë', lastName: 'Graduate 🎓' }),
        document(902, { firstName: 'Amira', lastName: 'Khan 👩\u200d🎓' }),
        document(903, { qualificationTitle: 'Level 3 Diploma 🔧🔩' }),
        document(904, { firstName: 'Łukasz', lastName: 'Wójcik' }),
      ],
    });
    expect(res.status).toBe(400);
    const body = res.body as IssueJobErrorBody;
    expect(body.rowErrors.map((e) => `${e.line} ${e.field}`)).toEqual(['1 lastName', '2 lastName', '3 qualificationTitle']);
    expect(body.rowErrors[0].message).toMatch(/cannot print \(🎓\)/);
    // a zero-width joiner is part of the emoji, not a control character: the whole 👩‍🎓 is named
    expect(body.rowErrors[1].message).toMatch(/cannot print \(👩\u200d🎓\)/);
    expect(body.rowErrors[1].message).not.toMatch(/control characters/);
    expect(body.rowErrors[2].message).toMatch(/cannot print \(🔧 🔩\)/);
    expect(await count('SELECT COUNT(*) AS n FROM learners WHERE enrolment_number IN (?, ?)', ['E000901', 'E000904'])).toBe(0);
  });

  it('names the missing columns of the header', async () => {
    const res = await admin.post('/api/admin/jobs/csv', {
      centreId,
      csv: 'enrolment_number,first_name,surname\nE1,Ada,Lovelace\n',
    });
    expect(res.status).toBe(400);
    const fields = (res.body as IssueJobErrorBody).rowErrors.map((e) => `${e.line} ${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(['1 last_name', '1 date_of_birth', '1 qualification_code', '1 surname']));
  });

  it('refuses a learner whose enrolment number is held with another name, and a qualification code held with another title: nothing written', async () => {
    const first = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(1, {
          enrolmentNumber: 'K1',
          firstName: 'Kim',
          lastName: 'Lee',
        }),
      ],
    });
    expect(first.status).toBe(201);
    const jobsBefore = await count('SELECT COUNT(*) AS n FROM jobs');
    const res = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(2, { enrolmentNumber: 'K2' }),
        document(3, {
          enrolmentNumber: 'K1',
          firstName: 'Kimberley',
          lastName: 'Lee',
          documentType: 'record_of_achievement',
          units: [{ code: null, title: 'Brakes' }],
        }),
      ],
    });
    expect(res.status).toBe(400);
    expect((res.body as IssueJobErrorBody).rowErrors.map((e) => `${e.line} ${e.field}`)).toEqual(['2 enrolmentNumber']);
    const res2 = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(4, {
          enrolmentNumber: 'K4',
          qualificationTitle: 'Another title',
        }),
      ],
    });
    expect((res2.body as IssueJobErrorBody).rowErrors.map((e) => `${e.line} ${e.field}`)).toEqual(['1 qualificationTitle']);
    // in one file, one code with two titles is a problem of the file itself
    const res3 = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(5, { enrolmentNumber: 'K5' }),
        document(6, {
          enrolmentNumber: 'K6',
          qualificationTitle: 'Another title',
        }),
      ],
    });
    expect((res3.body as IssueJobErrorBody).rowErrors.map((e) => `${e.line} ${e.field}`)).toEqual(['2 qualificationTitle']);
    // a second certificate of the same qualification for the same learner is refused: corrections are reissues
    const twice = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [
        document(1, {
          enrolmentNumber: 'K1',
          firstName: 'Kim',
          lastName: 'Lee',
        }),
      ],
    });
    expect((twice.body as IssueJobErrorBody).rowErrors[0].message).toMatch(/already holds document D\d{9}/);
    expect(await count('SELECT COUNT(*) AS n FROM jobs')).toBe(jobsBefore);
    expect(await count("SELECT COUNT(*) AS n FROM learners WHERE enrolment_number IN ('K2', 'K4', 'K5', 'K6')")).toBe(0);
    await waitIssued((first.body as AdminJobDetail).id);
  });

  it('answers 404 for an unknown centre, and only administrators may issue', async () => {
    expect(
      (
        await admin.post('/api/admin/jobs', {
          centreId: 999999,
          documents: [document(9)],
        })
      ).status,
    ).toBe(404);
    const support = await signedIn(t.app, await createUser(t.ds, 'support'));
    expect(
      (
        await support.post('/api/admin/jobs', {
          centreId,
          documents: [document(9)],
        })
      ).status,
    ).toBe(403);
    const staff = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
    expect((await staff.post('/api/admin/jobs/csv', { centreId, csv: csvOf([]) })).status).toBe(403);
    expect((await admin.post('/api/admin/jobs', { centreId, documents: [] })).status).toBe(400);
  });

  it('issues a CSV job end to end: rendered through the queue, stored with its SHA-256, progress shown, the centre emailed the list', async () => {
    const csv = csvOf([
      'W100,Łukasz,Wójcik,2003-03-03,lukasz@example.test,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance,certificate,Distinction,2025-07-14,',
      'W101,Γιώργος,Παπαδόπουλος,2002-02-02,,603/7506/5,Level 3 Diploma in Light Vehicle Maintenance,Unit certificate,,14/07/2025,"F/617/5038: Brakes; Tyres and wheels"',
      'W102,小明,王,2001-01-01,,601/1234/7,Level 2 Certificate in Welding,record_of_achievement,,2025-06-30,Safety; Joints',
    ]);
    const res = await admin.post('/api/admin/jobs/csv', { centreId, csv });
    expect(res.status).toBe(201);
    const job = res.body as AdminJobDetail;
    expect(job).toMatchObject({
      number: expect.stringMatching(/^J\d{7}$/),
      documentCount: 3,
      centre: { id: centreId, name: 'Northfield College' },
      createdBy: expect.any(String),
    });
    expect(['queued', 'rendering', 'issued']).toContain(job.status);

    const done = await waitIssued(job.id);
    expect(done).toMatchObject({
      renderedCount: 3,
      documentCount: 3,
      failureReason: null,
      issuedAt: expect.any(String),
      centreNotifiedAt: expect.any(String),
    });

    const docs: {
      id: number;
      document_number: string;
      verification_code: string;
      file_key: string;
      sha256: string;
      learner_name: string;
      units: unknown;
    }[] = await t.ds.query('SELECT id, document_number, verification_code, file_key, sha256, learner_name, units FROM documents WHERE job_id = ? ORDER BY id', [
      job.id,
    ]);
    expect(docs.map((d) => d.learner_name)).toEqual(['Łukasz Wójcik', 'Γιώργος Παπαδόπουλος', '小明 王']);
    const storage = t.app.get(FileStorage);
    for (const d of docs) {
      expect(d.document_number).toMatch(/^D\d{9}$/);
      expect(d.verification_code).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(d.file_key).toMatch(new RegExp(`^documents/${centreId}/${d.id}-v1\\.pdf$`));
      const pdf = await storage.readAll(d.file_key);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(d.sha256);
    }
    expect(docs[1].units).toEqual([
      { code: 'F/617/5038', title: 'Brakes' },
      { code: null, title: 'Tyres and wheels' },
    ]);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'job.issued' AND subject_id = ?", [String(job.id)])).toBe(1);

    const mail = await t.smtp.waitFor((m) => m.to.includes(centralEmail) && m.subject.includes(job.number));
    expect(mail.subject).toBe(`Job ${job.number}: 3 documents issued to Northfield College`);
    for (const d of docs) expect(mail.text).toContain(d.document_number);
    expect(mail.text).toContain('Łukasz Wójcik (W100): Certificate, 603/7506/5 Level 3 Diploma in Light Vehicle Maintenance');
    expect(mail.text).toContain(`${t.config.PUBLIC_URL}/jobs/${job.id}`);
    expect(mail.attachments).toHaveLength(0);
  });

  it('renders idempotently: a re-delivered batch skips what is stored, counts nothing twice and sends no second email', async () => {
    const res = await admin.post('/api/admin/jobs', {
      centreId,
      documents: [document(20), document(21)],
    });
    const job = res.body as AdminJobDetail;
    await waitIssued(job.id);
    const before: { id: number; sha256: string }[] = await t.ds.query('SELECT id, sha256 FROM documents WHERE job_id = ? ORDER BY id', [job.id]);
    const again = await t.app.get(DocumentRenderService).renderBatch(
      job.id,
      before.map((d) => d.id),
    );
    expect(again).toEqual({ rendered: 0, skipped: 2, completedJob: false });
    expect((await admin.get(`/api/admin/jobs/${job.id}`)).body).toMatchObject({
      renderedCount: 2,
      status: 'issued',
    });
    expect(await t.ds.query('SELECT id, sha256 FROM documents WHERE job_id = ? ORDER BY id', [job.id])).toEqual(before);
    expect(await count('SELECT COUNT(*) AS n FROM outbox_emails WHERE event_key = ?', [`job.issued:${job.id}`])).toBe(1);
  });

  it('emails a large job as a summary with the full list attached as CSV', async () => {
    const documents = Array.from({ length: 60 }, (_, i) =>
      document(100 + i, {
        firstName: i % 2 ? 'Zoë' : 'Ōta',
        qualificationCode: i < 40 ? '603/7506/5' : '610/0001/2',
        qualificationTitle: i < 40 ? 'Level 3 Diploma in Light Vehicle Maintenance' : 'Level 1 Award in Safety',
      }),
    );
    const res = await admin.post('/api/admin/jobs', { centreId, documents });
    expect(res.status).toBe(201);
    const job = res.body as AdminJobDetail;
    await waitIssued(job.id);
    const mail = await t.smtp.waitFor((m) => m.to.includes(centralEmail) && m.subject.includes(job.number));
    expect(mail.subject).toContain('60 documents issued');
    expect(mail.text).toContain('40 × Certificate: 603/7506/5 Level 3 Diploma in Light Vehicle Maintenance');
    expect(mail.text).toContain('20 × Certificate: 610/0001/2 Level 1 Award in Safety');
    expect(mail.attachments).toHaveLength(1);
    const [csv] = mail.attachments;
    expect(csv.filename).toBe(`${job.number.toLowerCase()}-documents.csv`);
    const lines = csv.content
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('learner,enrolment_number,qualification_code,qualification_title,document_type,document_number');
    expect(lines).toHaveLength(61);
    expect(lines.some((l) => l.startsWith('Zoë Learner101,E000101,603/7506/5,'))).toBe(true);
  });

  it('renders documents inserted without a PDF (the demo seed) once they are queued, without counting them twice in their issued job', async () => {
    const seeded = await createDocument(t.ds, {
      centreId,
      firstName: 'Seeded',
      lastName: 'Learner',
    });
    await t.ds.query("UPDATE jobs SET status = 'issued', document_count = 1, rendered_count = 1, issued_at = NOW(3) WHERE id = ?", [seeded.jobId]);
    expect(await queueUnrenderedDocuments(t.ds, t.config)).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const [row] = await t.ds.query('SELECT file_key, sha256 FROM documents WHERE id = ?', [seeded.id]);
      expect(row.file_key).toBe(`documents/${centreId}/${seeded.id}-v1.pdf`);
    }, 30_000);
    const [job] = await t.ds.query('SELECT status, rendered_count FROM jobs WHERE id = ?', [seeded.jobId]);
    expect(job).toEqual({ status: 'issued', rendered_count: 1 });
    expect(await count('SELECT COUNT(*) AS n FROM outbox_emails WHERE event_key = ?', [`job.issued:${seeded.jobId}`])).toBe(0);
  });

  it('re-queues the documents of a job whose queue jobs were lost, and finishes the job', async () => {
    const lost = await createDocument(t.ds, { centreId, firstName: 'Lost', lastName: 'Batch' });
    await t.ds.query("UPDATE jobs SET status = 'queued', document_count = 1, rendered_count = 0, issued_at = NULL, created_at = ? WHERE id = ?", [
      new Date(Date.now() - 10 * 60_000),
      lost.jobId,
    ]);
    const reconciler = t.app.get(RenderReconcilerTask);
    await eventually(async () => expect(await reconciler.reconcile(new Date())).toBe(1), 30_000);
    const done = await waitIssued(lost.jobId);
    expect(done).toMatchObject({ renderedCount: 1, documentCount: 1 });
    await t.smtp.waitFor((m) => m.to.includes(centralEmail) && m.subject.includes(done.number));
    expect(await reconciler.reconcile(new Date())).toBe(0);
  });

  it("lists a job's documents to administrators, page by page in the order issued, with their status and whether each is rendered", async () => {
    const res = await admin.post('/api/admin/jobs', { centreId, documents: [document(801), document(802), document(803)] });
    expect(res.status).toBe(201);
    const job = await waitIssued((res.body as AdminJobDetail).id);
    const first = await admin.get(`/api/admin/jobs/${job.id}/documents?limit=2`);
    expect(first.status).toBe(200);
    const page = first.body as Page<AdminJobDocument>;
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        documentNumber: expect.stringMatching(/^D\d+$/),
        learnerName: 'Sam Learner801',
        enrolmentNumber: 'E000801',
        qualificationCode: '603/7506/5',
        type: 'certificate',
        status: 'valid',
        version: 1,
        rendered: true,
        verificationCode: expect.any(String),
      },
      expect.objectContaining({ learnerName: 'Sam Learner802' }),
    ]);
    const second = (await admin.get(`/api/admin/jobs/${job.id}/documents?limit=2&cursor=${page.nextCursor}`)).body as Page<AdminJobDocument>;
    expect(second.items.map((d) => d.learnerName)).toEqual(['Sam Learner803']);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get('/api/admin/jobs/999999/documents')).status).toBe(404);
    expect((await admin.get(`/api/admin/jobs/${job.id}/documents?cursor=abc`)).status).toBe(400);
  });

  it('shows the progress of jobs to administrators, newest first, filtered by centre and status', async () => {
    const list = await admin.get(`/api/admin/jobs?centreId=${centreId}&limit=2`);
    expect(list.status).toBe(200);
    const page = list.body as {
      items: AdminJobDetail[];
      nextCursor: string | null;
    };
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    expect(page.nextCursor).not.toBeNull();
    const next = (await admin.get(`/api/admin/jobs?centreId=${centreId}&limit=2&cursor=${page.nextCursor}`)).body as { items: AdminJobDetail[] };
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
    expect(
      (
        (await admin.get('/api/admin/jobs?status=failed')).body as {
          items: unknown[];
        }
      ).items,
    ).toEqual([]);
    expect((await admin.get('/api/admin/jobs?status=bogus')).status).toBe(400);
    expect((await admin.get('/api/admin/jobs/999999')).status).toBe(404);
  });
});
