import { ApiErrorBody, MAX_SELECTION, NotifyLearnersResponse, RecentNoticeErrorBody, RecordPage } from '@achievement/contracts';
import { createUser, TestUser } from '@achievement/testing';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, TestDocument } from './document-factory';

const HOUR = 3_600_000;

describe('Notify learners: one email per learner, recorded, with a confirmation before a second notice within a day', () => {
  let t: DocumentsTestApp;
  let staff: TestUser;
  let a: Client;
  let amy1: TestDocument;
  let amy2: TestDocument;
  let ben: TestDocument;
  let benRevoked: TestDocument;
  let cal: TestDocument;
  let otherCentre: TestDocument;

  beforeAll(async () => {
    t = await startDocumentsApp();
    staff = await createUser(t.ds, 'centre_staff');
    const centreId = staff.centreId!;
    amy1 = await createDocument(t.ds, { centreId, firstName: 'Amy', lastName: 'Archer', email: 'amy.archer@learners.example' });
    amy2 = await createDocument(t.ds, {
      centreId,
      learnerId: amy1.learnerId,
      qualificationCode: '600/2222/2',
      qualificationTitle: 'Level 2 Award in Tyre Fitting',
      type: 'unit_certificate',
    });
    ben = await createDocument(t.ds, { centreId, firstName: 'Ben', lastName: 'Bishop', email: 'ben.bishop@learners.example' });
    benRevoked = await createDocument(t.ds, { centreId, learnerId: ben.learnerId, status: 'revoked' });
    cal = await createDocument(t.ds, { centreId, firstName: 'Cal', lastName: 'Cooper', email: null });
    otherCentre = await createDocument(t.ds, { centreId: (await createUser(t.ds, 'centre_staff')).centreId!, firstName: 'Dee', lastName: 'Dunn' });
    a = await signedIn(t.app, staff);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('emails each learner once, listing their selected valid documents, and records each notice', async () => {
    const res = await a.post('/api/records/notify', { selection: { ids: [amy1.id, amy2.id, ben.id, benRevoked.id, cal.id] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ learnersNotified: 2, documentsNotified: 3, documentsWithoutEmail: 1, documentsNotValid: 1 });

    const amyMail = await t.smtp.waitFor((m) => m.to.includes('amy.archer@learners.example'));
    expect(amyMail.subject).toBe('Your documents are available on the Achievement Portal');
    expect(amyMail.text).toContain('Hello Amy');
    expect(amyMail.text).toContain(`603/7506/5 Level 3 Diploma in Light Vehicle Maintenance (document ${amy1.number})`);
    expect(amyMail.text).toContain(`Unit certificate: 600/2222/2 Level 2 Award in Tyre Fitting (document ${amy2.number})`);
    expect(amyMail.text).toContain(`${t.config.PUBLIC_URL}/sign-in`);
    const benMail = await t.smtp.waitFor((m) => m.to.includes('ben.bishop@learners.example'));
    expect(benMail.subject).toBe('Your document is available on the Achievement Portal');
    expect(benMail.text).not.toContain(benRevoked.number);
    expect(t.smtp.received.filter((m) => m.to.includes('amy.archer@learners.example'))).toHaveLength(1);

    const notices = await t.ds.query('SELECT document_id, learner_id, notified_by_user_id FROM learner_notices ORDER BY document_id');
    expect(notices.map((n: { document_id: number }) => Number(n.document_id))).toEqual([amy1.id, amy2.id, ben.id]);
    expect(notices.every((n: { notified_by_user_id: number }) => Number(n.notified_by_user_id) === staff.id)).toBe(true);
    const rows = ((await a.get('/api/records?limit=200')).body as RecordPage).items;
    const notified = rows
      .filter((r) => r.lastNotifiedAt !== null)
      .map((r) => r.id)
      .sort((x, y) => x - y);
    expect(notified).toEqual([amy1.id, amy2.id, ben.id]);
    const [audit] = await t.ds.query(`SELECT actor_user_id FROM audit_log WHERE action = 'documents.learners_notified'`);
    expect(Number(audit.actor_user_id)).toBe(staff.id);
  });

  it('asks for confirmation before notifying a document again within 24 hours, and sends nothing until then', async () => {
    const before = t.smtp.received.length;
    const refused = await a.post('/api/records/notify', { selection: { ids: [amy1.id, cal.id] } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, recentlyNotified: 1 });
    expect((refused.body as RecentNoticeErrorBody).code).toBe('RECENTLY_NOTIFIED');
    const confirmed = await a.post('/api/records/notify', { selection: { ids: [amy1.id, cal.id] }, confirmRecent: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ learnersNotified: 1, documentsNotified: 1, documentsWithoutEmail: 1, documentsNotValid: 0 });
    await t.smtp.waitFor(() => t.smtp.received.length === before + 1);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM learner_notices WHERE document_id = ?', [amy1.id]))[0].n)).toBe(2);
  });

  it('notifies again without asking once a day has passed', async () => {
    // the last notice 25 hours ago (the session would expire if the clock moved instead)
    await t.ds.query('UPDATE documents SET last_notified_at = ? WHERE id = ?', [new Date(Date.now() - 25 * HOUR), ben.id]);
    const res = await a.post('/api/records/notify', { selection: { ids: [ben.id] } });
    expect(res.status).toBe(200);
    expect((res.body as NotifyLearnersResponse).documentsNotified).toBe(1);
  });

  it('takes every record matching a filter, less the ones unticked', async () => {
    const res = await a.post('/api/records/notify', { selection: { filter: { name: 'a' }, exceptIds: [amy2.id] }, confirmRecent: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ learnersNotified: 1, documentsNotified: 1, documentsWithoutEmail: 0, documentsNotValid: 0 });
  });

  it("refuses another centre's records (404) and selections that are empty, mixed or too large (400)", async () => {
    expect((await a.post('/api/records/notify', { selection: { ids: [amy1.id, otherCentre.id] }, confirmRecent: true })).status).toBe(404);
    expect((await a.post('/api/records/notify', { selection: { ids: [] } })).status).toBe(400);
    expect((await a.post('/api/records/notify', { selection: { ids: [amy1.id], filter: {} } })).status).toBe(400);
    expect((await a.post('/api/records/notify', { selection: { filter: { name: 'nobody' } } })).status).toBe(400);
    const tooMany = await a.post('/api/records/notify', { selection: { ids: Array.from({ length: MAX_SELECTION + 1 }, (_, i) => i + 1) } });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as ApiErrorBody).fieldErrors!['selection.ids'][0]).toMatch(/at most 10,000/);
    expect((await a.post('/api/records/notify', { selection: { ids: ['x'] } })).status).toBe(400);
    const support = await signedIn(t.app, await createUser(t.ds, 'support'));
    expect((await support.post('/api/records/notify', { selection: { ids: [amy1.id] } })).status).toBe(403);
  });
});
