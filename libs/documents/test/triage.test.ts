import { ApiErrorBody, DocumentDetail, Page, RecordPage, ReportSummary, TriageReportDetail, TriageReportSummary } from '@achievement/contracts';
import { createUser, eventually, TestUser } from '@achievement/testing';
import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { RENDER_QUEUE } from '../src/rendering/render-queue';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, TestDocument } from './document-factory';

describe('Triage of reported problems and corrections (support staff)', () => {
  let t: DocumentsTestApp;
  let staff: TestUser;
  let supportUser: TestUser;
  let centre: Client;
  let support: Client;
  let doc: TestDocument;
  let reportId: number;

  beforeAll(async () => {
    t = await startDocumentsApp();
    staff = await createUser(t.ds, 'centre_staff', { firstName: 'Tom', lastName: 'Ted', email: 'tom.ted@centre.example' });
    supportUser = await createUser(t.ds, 'support', { firstName: 'Sam', lastName: 'Okafor' });
    doc = await createDocument(t.ds, { centreId: staff.centreId!, firstName: 'Lee', lastName: 'Studant', enrolmentNumber: '0002124' });
    centre = await signedIn(t.app, staff);
    support = await signedIn(t.app, supportUser);
    const res = await centre.post(`/api/documents/${doc.id}/reports`, { reason: 'learner_name', description: 'Surname should be Student.' });
    reportId = (res.body as ReportSummary).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists reports oldest first, with filters', async () => {
    const other = await createDocument(t.ds, { centreId: staff.centreId! });
    await centre.post(`/api/documents/${other.id}/reports`, { reason: 'grade', description: 'Merit, not Pass.' });
    const all = await support.get('/api/admin/reports');
    expect(all.status).toBe(200);
    expect((all.body as Page<TriageReportSummary>).items.map((r: { id: number }) => r.id)[0]).toBe(reportId);
    expect((all.body as Page<TriageReportSummary>).items[0]).toMatchObject({
      status: 'new',
      reason: 'learner_name',
      centre: { id: staff.centreId },
      document: { id: doc.id, documentNumber: doc.number, learnerName: 'Lee Studant', status: 'valid' },
      reporter: { name: 'Tom Ted', email: 'tom.ted@centre.example' },
      assignee: null,
    });
    expect(((await support.get('/api/admin/reports?reason=grade')).body as Page<TriageReportSummary>).items).toHaveLength(1);
    expect(((await support.get(`/api/admin/reports?centreId=${staff.centreId}&status=new`)).body as Page<TriageReportSummary>).items).toHaveLength(2);
    expect(((await support.get('/api/admin/reports?centreId=999999')).body as Page<TriageReportSummary>).items).toHaveLength(0);
    expect(((await support.get('/api/admin/reports?olderThanDays=1')).body as Page<TriageReportSummary>).items).toHaveLength(0);
    expect(((await support.get('/api/admin/reports?olderThanDays=0')).body as Page<TriageReportSummary>).items).toHaveLength(2);
    expect(((await support.get('/api/admin/reports?assignedToMe=true')).body as Page<TriageReportSummary>).items).toHaveLength(0);
    const page = await support.get('/api/admin/reports?limit=1');
    expect(
      ((await support.get(`/api/admin/reports?limit=1&cursor=${(page.body as Page<TriageReportSummary>).nextCursor}`)).body as Page<TriageReportSummary>)
        .items[0].reason,
    ).toBe('grade');
    expect((await support.get('/api/admin/reports?olderThanDays=soon')).status).toBe(400);
  });

  it('assigns to me, keeps internal notes, emails replies to the reporter and changes the status, all in the history', async () => {
    const assigned = await support.post(`/api/admin/reports/${reportId}/assign`);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'in_progress', assignee: { id: supportUser.id, name: 'Sam Okafor' } });
    expect(((await support.get('/api/admin/reports?assignedToMe=true')).body as Page<TriageReportSummary>).items.map((r: { id: number }) => r.id)).toEqual([
      reportId,
    ]);

    const noted = await support.post(`/api/admin/reports/${reportId}/notes`, { text: 'Checked the enrolment record: Student is right.' });
    expect(noted.status).toBe(201);

    const replied = await support.post(`/api/admin/reports/${reportId}/replies`, { text: 'Thank you: we will reissue the certificate today.' });
    expect(replied.status).toBe(201);
    const mail = await t.smtp.waitFor((m) => m.to.includes('tom.ted@centre.example'));
    expect(mail.text).toContain('Thank you: we will reissue the certificate today.');
    expect(mail.subject).toContain(`R${String(reportId).padStart(6, '0')}`);
    expect(mail.text).not.toContain('Checked the enrolment record');

    const status = await support.post(`/api/admin/reports/${reportId}/status`, { status: 'awaiting_centre' });
    expect(status.status).toBe(200);
    const detail = status.body as TriageReportDetail;
    expect(detail.status).toBe('awaiting_centre');
    expect(detail.details).toEqual({
      reporterName: 'Tom Ted',
      reporterEmail: 'tom.ted@centre.example',
      enrolmentNumber: '0002124',
      qualification: '603/7506/5 Level 3 Diploma in Light Vehicle Maintenance',
    });
    expect(detail.documentDetail.id).toBe(doc.id);
    expect(detail.entries.map((e) => [e.kind, e.author?.name])).toEqual([
      ['assignment', 'Sam Okafor'],
      ['note', 'Sam Okafor'],
      ['reply', 'Sam Okafor'],
      ['status', 'Sam Okafor'],
    ]);
    expect(detail.entries[3].text).toBe('Status changed from In progress to Awaiting centre');

    // the centre sees the reply, never the note
    const mine = ((await centre.get('/api/reports')).body as Page<ReportSummary>).items.find((r: { id: number }) => r.id === reportId)!;
    expect(mine.status).toBe('awaiting_centre');
    expect(mine.replies.map((r: { text: string }) => r.text)).toEqual(['Thank you: we will reissue the certificate today.']);
    expect(JSON.stringify(mine)).not.toContain('Checked the enrolment record');

    const actions = (
      await t.ds.query(`SELECT action FROM audit_log WHERE subject_type = 'document_report' AND subject_id = ? ORDER BY id`, [String(reportId)])
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['report.assigned', 'report.note_added', 'report.replied', 'report.status_changed']);
    expect(((await support.post(`/api/admin/reports/${reportId}/notes`, {})).body as ApiErrorBody).fieldErrors).toEqual({ text: ['This field is required.'] });
    expect((await support.post(`/api/admin/reports/${reportId}/status`, { status: 'closed' })).status).toBe(400);
    expect((await support.get('/api/admin/reports/999999')).status).toBe(404);
  });

  it('reissues a corrected version with a new verification code in the same job, supersedes the old one and queues its rendering', async () => {
    const [old] = await t.ds.query('SELECT verification_code FROM documents WHERE id = ?', [doc.id]);
    const res = await support.post(`/api/admin/documents/${doc.id}/reissue`, { lastName: 'Student', grade: 'Merit', reason: 'Surname misspelt', reportId });
    expect(res.status).toBe(201);
    const fresh = res.body as DocumentDetail;
    expect(fresh).toMatchObject({
      version: 2,
      status: 'valid',
      grade: 'Merit',
      learner: { name: 'Lee Student', enrolmentNumber: '0002124' },
      job: { id: doc.jobId },
      fileReady: false,
    });
    expect(fresh.documentNumber).toBe(`D${100_000_000 + fresh.id}`);
    expect(fresh.versions.map((v) => [v.id, v.version, v.status])).toEqual([
      [doc.id, 1, 'superseded'],
      [fresh.id, 2, 'valid'],
    ]);
    const [row] = await t.ds.query('SELECT verification_code, supersedes_id, centre_id, job_id FROM documents WHERE id = ?', [fresh.id]);
    expect(row.verification_code).toHaveLength(32);
    expect(row.verification_code).not.toBe(old.verification_code);
    expect(Number(row.supersedes_id)).toBe(doc.id);
    expect(Number(row.centre_id)).toBe(staff.centreId);

    const queue = t.app.get<Queue>(getQueueToken(RENDER_QUEUE));
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
    expect(jobs.map((j) => j.data)).toContainEqual({ jobId: doc.jobId, documentIds: [fresh.id] });
    // the worker (in-process here) renders the new version
    await eventually(async () => expect(((await support.get(`/api/documents/${fresh.id}`)).body as DocumentDetail).fileReady).toBe(true), 30000);

    // the centre finds the new name, and the old version is marked superseded
    const found = ((await centre.get('/api/records?name=student%20lee')).body as RecordPage).items.map((r: { id: number }) => r.id);
    expect(found).toEqual([fresh.id]);
    expect(((await centre.get(`/api/documents/${doc.id}`)).body as DocumentDetail).status).toBe('superseded');
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM documents WHERE centre_id = ?', [staff.centreId]);
    expect((await centre.get('/api/records/count')).body).toEqual({ total: Number(n) });
    const [audit] = await t.ds.query(`SELECT actor_user_id, before_state, after_state FROM audit_log WHERE action = 'document.reissued' AND subject_id = ?`, [
      String(doc.id),
    ]);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(Number(audit.actor_user_id)).toBe(supportUser.id);
    expect(parse(audit.before_state)).toMatchObject({ status: 'valid', learnerName: 'Lee Studant', grade: 'Pass' });
    expect(parse(audit.after_state)).toMatchObject({ status: 'superseded', newDocumentId: fresh.id, learnerName: 'Lee Student', grade: 'Merit' });
    const detail = (await support.get(`/api/admin/reports/${reportId}`)).body as TriageReportDetail;
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'reissue', text: `Reissued as version 2 (document ${fresh.id}): Surname misspelt` });

    const again = await support.post(`/api/admin/documents/${doc.id}/reissue`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(((await support.post(`/api/admin/documents/${fresh.id}/reissue`, {})).body as ApiErrorBody).fieldErrors).toEqual({
      reason: ['This field is required.'],
    });
  });

  it('refuses a correction the certificate cannot print, naming the characters, and keeps a joiner from counting as a control character', async () => {
    const target = await createDocument(t.ds, { centreId: staff.centreId! });
    const emoji = await support.post(`/api/admin/documents/${target.id}/reissue`, { lastName: 'Ward 🎓', grade: 'Merit 👩\u200d🎓', reason: 'Name' });
    expect(emoji.status).toBe(400);
    const errors = (emoji.body as ApiErrorBody).fieldErrors!;
    expect(errors.lastName).toEqual([expect.stringContaining('cannot print (🎓)')]);
    expect(errors.grade).toEqual([expect.stringContaining('cannot print (👩\u200d🎓)')]);
    const units = await support.post(`/api/admin/documents/${target.id}/reissue`, { units: [{ code: 'U1', title: 'Brakes 🛑' }], reason: 'Units' });
    expect((units.body as ApiErrorBody).fieldErrors?.units).toEqual([expect.stringContaining('cannot print (🛑)')]);
    const [row] = await t.ds.query('SELECT status FROM documents WHERE id = ?', [target.id]);
    expect(row.status).toBe('valid');
  });

  it('revokes a document with its reason, audited and in the report history', async () => {
    const target = await createDocument(t.ds, { centreId: staff.centreId! });
    const report = await centre.post(`/api/documents/${target.id}/reports`, { reason: 'not_our_learner', description: 'Never enrolled here.' });
    const reportBody = report.body as ReportSummary;
    const res = await support.post(`/api/admin/documents/${target.id}/revoke`, { reason: 'Issued to the wrong centre', reportId: reportBody.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', revocationReason: 'Issued to the wrong centre' });
    expect((res.body as DocumentDetail).revokedAt).not.toBeNull();
    const detail = (await support.get(`/api/admin/reports/${reportBody.id}`)).body as TriageReportDetail;
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'revocation', text: 'Revoked: Issued to the wrong centre' });
    expect(
      Number((await t.ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'document.revoked' AND subject_id = ?`, [String(target.id)]))[0].n),
    ).toBe(1);
    expect((await support.post(`/api/admin/documents/${target.id}/revoke`, { reason: 'twice' })).status).toBe(409);
    expect((await support.post(`/api/admin/documents/${doc.id}/revoke`, { reason: 'x', reportId: reportBody.id })).status).toBe(409);
  });

  it('refuses centre staff (403) on every support route, and administrators may use them', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/reports'],
      ['GET', `/api/admin/reports/${reportId}`],
      ['POST', `/api/admin/reports/${reportId}/assign`],
      ['POST', `/api/admin/reports/${reportId}/status`, { status: 'resolved' }],
      ['POST', `/api/admin/reports/${reportId}/notes`, { text: 'x' }],
      ['POST', `/api/admin/reports/${reportId}/replies`, { text: 'x' }],
      ['POST', `/api/admin/documents/${doc.id}/reissue`, { reason: 'x' }],
      ['POST', `/api/admin/documents/${doc.id}/revoke`, { reason: 'x' }],
    ];
    for (const [method, url, body] of routes) {
      expect([url, (await centre.request(method, url, body)).status]).toEqual([url, 403]);
    }
    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    expect((await admin.get(`/api/admin/reports/${reportId}`)).status).toBe(200);
  });
});
