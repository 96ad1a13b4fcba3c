import { ApiErrorBody, Page, RecordPage, ReportSummary } from '@achievement/contracts';
import { createUser, TestUser } from '@achievement/testing';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, TestDocument } from './document-factory';

describe('Reporting an issue on a document', () => {
  let t: DocumentsTestApp;
  let staff: TestUser;
  let a: Client;
  let b: Client;
  let doc: TestDocument;

  beforeAll(async () => {
    t = await startDocumentsApp();
    staff = await createUser(t.ds, 'centre_staff', { firstName: 'Tom', lastName: 'Ted', email: 'johntb@centre.example' });
    doc = await createDocument(t.ds, { centreId: staff.centreId!, firstName: 'Sam', lastName: 'Student', enrolmentNumber: '0002124' });
    a = await signedIn(t.app, staff);
    b = await signedIn(t.app, await createUser(t.ds, 'centre_staff'));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('requires the reason and the description, each with "This field is required."', async () => {
    const empty = await a.post(`/api/documents/${doc.id}/reports`, {});
    expect(empty.status).toBe(400);
    expect((empty.body as ApiErrorBody).fieldErrors).toEqual({ reason: ['This field is required.'], description: ['This field is required.'] });
    const blank = await a.post(`/api/documents/${doc.id}/reports`, { reason: '', description: '   ' });
    expect((blank.body as ApiErrorBody).fieldErrors).toEqual({ reason: ['This field is required.'], description: ['This field is required.'] });
    const wrong = await a.post(`/api/documents/${doc.id}/reports`, { reason: 'bored', description: 'x'.repeat(2001) });
    expect((wrong.body as ApiErrorBody).fieldErrors!.reason[0]).toMatch(/^reason must be one of: learner_name, /);
    expect((wrong.body as ApiErrorBody).fieldErrors!.description).toEqual(['description must be at most 2,000 characters']);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM document_reports'))[0].n)).toBe(0);
  });

  it('stores the report and emails the Centre Services team the four details of the guide', async () => {
    const res = await a.post(`/api/documents/${doc.id}/reports`, {
      reason: 'learner_name',
      description: 'The surname is spelt Studant on the certificate.\nPlease correct it.',
    });
    expect(res.status).toBe(201);
    const report = res.body as ReportSummary;
    expect(report).toMatchObject({
      reference: `R${String(report.id).padStart(6, '0')}`,
      status: 'new',
      reason: 'learner_name',
      description: 'The surname is spelt Studant on the certificate.\nPlease correct it.',
      details: {
        reporterName: 'Tom Ted',
        reporterEmail: 'johntb@centre.example',
        enrolmentNumber: '0002124',
        qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
      },
      document: { id: doc.id, documentNumber: doc.number, learnerName: 'Sam Student', qualificationCode: '603/7506/5' },
      replies: [],
    });
    const mail = await t.smtp.waitFor((m) => m.to.includes('centre.services@achievement.test'));
    expect(mail.subject).toContain(report.reference);
    for (const line of [
      "Reporter's Name: Tom Ted",
      "Reporter's Email: johntb@centre.example",
      "Student's Enrolment Number: 0002124",
      'Qualification Title: 603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
      "Issue reason: Learner's name is wrong or misspelt",
      'The surname is spelt Studant on the certificate.',
    ]) {
      expect(mail.text).toContain(line);
    }
    const [row] = ((await a.get(`/api/records?enrolmentNumber=0002124`)).body as RecordPage).items;
    expect(row.openReportCount).toBe(1);
  });

  it("lists the centre's reports, newest first, by status, paged", async () => {
    await a.post(`/api/documents/${doc.id}/reports`, { reason: 'grade', description: 'Should be Merit.' });
    const all = await a.get('/api/reports');
    expect(all.status).toBe(200);
    expect((all.body as Page<ReportSummary>).items.map((r: ReportSummary) => r.reason)).toEqual(['grade', 'learner_name']);
    const first = await a.get('/api/reports?limit=1');
    expect((first.body as Page<ReportSummary>).items).toHaveLength(1);
    const second = await a.get(`/api/reports?limit=1&cursor=${(first.body as Page<ReportSummary>).nextCursor}`);
    expect((second.body as Page<ReportSummary>).items[0].reason).toBe('learner_name');
    expect((second.body as Page<ReportSummary>).nextCursor).toBeNull();
    expect(((await a.get('/api/reports?status=resolved')).body as Page<ReportSummary>).items).toEqual([]);
    expect((await a.get('/api/reports?status=done')).status).toBe(400);
  });

  it("cannot report on, or see reports of, another centre's documents", async () => {
    expect((await b.post(`/api/documents/${doc.id}/reports`, { reason: 'other', description: 'x' })).status).toBe(404);
    expect(((await b.get('/api/reports')).body as Page<ReportSummary>).items).toEqual([]);
    const support = await signedIn(t.app, await createUser(t.ds, 'support'));
    expect((await support.post(`/api/documents/${doc.id}/reports`, { reason: 'other', description: 'x' })).status).toBe(403);
  });
});
