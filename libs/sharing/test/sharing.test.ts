import { InvitationSummary, LearnerConnection, LearnerDocument, ThirdPartyConnection } from '@achievement/contracts';
import { ConnectionExpiryTask } from '@achievement/sharing';
import { createCentre, createUser, TEST_PASSWORD } from '@achievement/testing';
import {
  Client,
  createDocument,
  DocumentsTestApp,
  signedIn,
  startDocumentsApp,
  storeRenderedPdf,
  TestDocument,
} from '../../documents/test/document-factory';

/*
 * Learners and third parties over the API, on the real database, Redis, SMTP sink and files, with
 * a movable clock: registration, connections both ways, what a third party can and cannot reach.
 */

const DAY = 86_400_000;

describe('Learners and third parties', () => {
  let t: DocumentsTestApp;
  let centreId: number;
  let docs: TestDocument[];
  let otherLearnerDoc: TestDocument;

  /** The link of the newest email to an address whose subject matches. */
  async function linkIn(to: string, subject: RegExp, path: RegExp): Promise<string> {
    const mail = await t.smtp.waitFor((m) => m.to.includes(to) && subject.test(m.subject));
    const match = path.exec(mail.text);
    if (!match) throw new Error(`No link matching ${path} in: ${mail.text}`);
    return match[0];
  }

  async function registerAndVerify(path: string, body: Record<string, unknown>, email: string): Promise<Client> {
    const visitor = new Client(t.app);
    const res = await visitor.post(path, { ...body, email, password: TEST_PASSWORD });
    expect(res.status).toBe(202);
    const link = await linkIn(email, /verify/i, /verify-email\?token=[A-Za-z0-9_%-]+/);
    const token = decodeURIComponent(link.split('token=')[1]);
    const verified = await visitor.post('/api/registrations/verify', { token });
    expect(verified.body).toMatchObject({ outcome: 'active' });
    return signedIn(t.app, { email, password: TEST_PASSWORD });
  }

  let learner: Client;
  let employer: Client;

  beforeAll(async () => {
    t = await startDocumentsApp();
    centreId = await createCentre(t.ds, { number: 'C55001', name: 'Sharewell College' });
    const first = await createDocument(t.ds, { centreId, firstName: 'Priya', lastName: 'Shah', enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21', email: 'priya@learners.example' });
    docs = [
      first,
      await createDocument(t.ds, { centreId, learnerId: first.learnerId, qualificationCode: '610/0001/1', qualificationTitle: 'Level 2 Certificate in Welding' }),
      await createDocument(t.ds, { centreId, learnerId: first.learnerId, qualificationCode: '610/0002/2', qualificationTitle: 'Level 2 Award in Tyres' }),
    ];
    for (const d of docs) await storeRenderedPdf(t.app, t.ds, d);
    otherLearnerDoc = await createDocument(t.ds, { centreId, firstName: 'Omar', lastName: 'Other', enrolmentNumber: 'OT0001' });
    await storeRenderedPdf(t.app, t.ds, otherLearnerDoc);

    learner = await registerAndVerify('/api/learners/register', { enrolmentNumber: 'sh 0001', dateOfBirth: '2003-09-21' }, 'priya.account@learners.example');
    employer = await registerAndVerify('/api/third-parties/register', { firstName: 'Grace', lastName: 'Hopper', organisation: 'Hopper Garages' }, 'grace@employer.example');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('registers a learner by enrolment number and date of birth, who then sees only their own documents with live status', async () => {
    const res = await learner.get('/api/learner/documents');
    expect(res.status).toBe(200);
    const list = res.body as LearnerDocument[];
    expect(list.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(list[0]).toMatchObject({ status: 'valid', available: true, centreName: 'Sharewell College' });
    const file = await learner.getRaw(`/api/learner/documents/${docs[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(file.headers['content-disposition'])).toMatch(/^inline/);
    expect((await learner.getRaw(`/api/learner/documents/${otherLearnerDoc.id}/file`)).statusCode).toBe(404);
  });

  it('answers a learner registration that matches nothing the same, and tells the address by email', async () => {
    const res = await new Client(t.app).post('/api/learners/register', { enrolmentNumber: 'NOPE999', dateOfBirth: '2000-01-01', email: 'nobody@learners.example', password: TEST_PASSWORD });
    expect(res.status).toBe(202);
    const again = await new Client(t.app).post('/api/learners/register', { enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21', email: 'second@learners.example', password: TEST_PASSWORD });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(res.body);
    const mail = await t.smtp.waitFor((m) => m.to.includes('nobody@learners.example'));
    expect(mail.subject).toMatch(/could not find your documents/);
    // the learner already has an account: its owner hears of the attempt, the new address gets nothing usable
    await t.smtp.waitFor((m) => m.to.includes('priya.account@learners.example') && /attempt|registered|sign in/i.test(m.text));
    const [count] = await t.ds.query(`SELECT COUNT(*) AS n FROM users WHERE learner_id = ?`, [docs[0].learnerId]);
    expect(Number(count.n)).toBe(1);
  });

  it('shares chosen documents through an invitation that only the invited address can accept, until the access ends', async () => {
    const added = await learner.post('/api/learner/connections', { name: 'Grace Hopper', email: 'Grace@Employer.example', period: 'month', documentIds: [docs[0].id, docs[1].id] });
    expect(added.status).toBe(201);
    const connection = added.body as LearnerConnection;
    expect(connection).toMatchObject({ status: 'active', origin: 'learner', documentIds: [docs[0].id, docs[1].id].sort((a, b) => a - b), thirdPartyJoined: true });

    const link = await linkIn('grace@employer.example', /shared/, /\/invitations\/[A-Za-z0-9_-]{43}/);
    const token = link.split('/invitations/')[1];
    const summary = (await new Client(t.app).get(`/api/invitations/${token}`)).body as InvitationSummary;
    expect(summary).toMatchObject({ learnerName: 'Priya Shah', email: 'grace@employer.example', documentCount: 2 });

    // another third party cannot take it
    const stranger = await signedIn(t.app, await createUser(t.ds, 'third_party'));
    expect((await stranger.post(`/api/third-party/invitations/${token}/accept`)).status).toBe(403);
    const accepted = await employer.post(`/api/third-party/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect((await employer.post(`/api/third-party/invitations/${token}/accept`)).status).toBe(404); // used

    const seen = (await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[];
    const mine = seen.find((c) => c.id === connection.id)!;
    expect(mine.learnerName).toBe('Priya Shah');
    expect(mine.documents.map((d) => d.id)).toEqual([docs[0].id, docs[1].id].sort((a, b) => a - b));
    expect(JSON.stringify(seen)).not.toMatch(/2003-09-21|priya@|SH0001|priya\.account/);
    expect((await stranger.get('/api/third-party/connections')).body).toEqual([]);

    // the shared PDF opens and the view is logged for the learner; an unshared one does not
    expect((await employer.getRaw(`/api/third-party/connections/${connection.id}/documents/${docs[0].id}/file`)).statusCode).toBe(200);
    expect((await employer.getRaw(`/api/third-party/connections/${connection.id}/documents/${docs[2].id}/file`)).statusCode).toBe(404);
    expect((await employer.getRaw(`/api/third-party/connections/${connection.id}/documents/${otherLearnerDoc.id}/file`)).statusCode).toBe(404);
    expect((await stranger.getRaw(`/api/third-party/connections/${connection.id}/documents/${docs[0].id}/file`)).statusCode).toBe(404);
    const views = await learner.get(`/api/learner/connections/${connection.id}/views`);
    expect(views.body).toEqual([expect.objectContaining({ documentId: docs[0].id, documentNumber: docs[0].number })]);

    // after the end (moved clock) nothing is reachable, at once; the task then records it and emails both sides
    // (sessions are timed by the same clock: both sign in again on each side of the move)
    t.clock.advance(32 * DAY);
    try {
      employer = await signedIn(t.app, { email: 'grace@employer.example', password: TEST_PASSWORD });
      const later = ((await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[]).find((c) => c.id === connection.id)!;
      expect(later).toMatchObject({ status: 'expired', documents: [] });
      expect((await employer.getRaw(`/api/third-party/connections/${connection.id}/documents/${docs[0].id}/file`)).statusCode).toBe(403);
      expect(await t.app.get(ConnectionExpiryTask).expireDue(t.clock.now())).toBeGreaterThanOrEqual(1);
      expect(await t.app.get(ConnectionExpiryTask).expireDue(t.clock.now())).toBe(0); // safe to run twice
      await t.smtp.waitFor((m) => m.to.includes('grace@employer.example') && /has ended/.test(m.subject));
      await t.smtp.waitFor((m) => m.to.includes('priya.account@learners.example') && /has ended/.test(m.subject));
    } finally {
      t.clock.advance(-32 * DAY);
      employer = await signedIn(t.app, { email: 'grace@employer.example', password: TEST_PASSWORD });
    }
  });

  it('takes a third party request by the learner’s email without saying whether the learner exists; the learner accepts one document', async () => {
    const asked = await employer.post('/api/third-party/requests', { learnerEmail: 'priya@learners.example', message: 'For the workshop job' });
    expect(asked.status).toBe(202);
    const unknown = await employer.post('/api/third-party/requests', { learnerEmail: 'nobody-here@learners.example' });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(asked.body);
    await t.smtp.waitFor((m) => m.to.includes('priya.account@learners.example') && /asks to see your documents/.test(m.subject));

    const pending = ((await learner.get('/api/learner/connections')).body as LearnerConnection[])[0];
    expect(pending).toMatchObject({ status: 'pending', origin: 'third_party', message: 'For the workshop job', thirdParty: { email: 'grace@employer.example', organisation: 'Hopper Garages' } });
    // nothing is shared while pending
    const before = ((await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[]).find((c) => c.id === pending.id)!;
    expect(before).toMatchObject({ status: 'pending', documents: [] });

    // only the learner's own, valid documents can be shared
    expect((await learner.post(`/api/learner/connections/${pending.id}/accept`, { period: 'week', documentIds: [otherLearnerDoc.id] })).status).toBe(400);
    const accepted = await learner.post(`/api/learner/connections/${pending.id}/accept`, { period: 'week', documentIds: [docs[2].id] });
    expect(accepted.status).toBe(200);
    expect((await learner.post(`/api/learner/connections/${pending.id}/accept`, { period: 'week', documentIds: [docs[2].id] })).status).toBe(409);
    await t.smtp.waitFor((m) => m.to.includes('grace@employer.example') && /has shared documents with you/.test(m.subject));

    const after = ((await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[]).find((c) => c.id === pending.id)!;
    expect(after.documents.map((d) => d.id)).toEqual([docs[2].id]);
  });

  it('declines a request by enrolment number: nothing is shared and the third party is told', async () => {
    expect((await employer.post('/api/third-party/requests', { enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21' })).status).toBe(202);
    const pending = ((await learner.get('/api/learner/connections')).body as LearnerConnection[]).find((c) => c.status === 'pending')!;
    const declined = await learner.post(`/api/learner/connections/${pending.id}/decline`);
    expect(declined.body).toMatchObject({ status: 'declined', documentIds: [] });
    await t.smtp.waitFor((m) => m.to.includes('grace@employer.example') && /declined/.test(m.subject));
    const seen = ((await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[]).find((c) => c.id === pending.id)!;
    expect(seen).toMatchObject({ status: 'declined', documents: [] });
  });

  it('lets the learner change the documents, extend and end access; a revoked document is marked in the share and cannot be opened', async () => {
    const added = (await learner.post('/api/learner/connections', { name: 'Ada', email: 'ada@agency.example', period: 'date', until: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10), documentIds: [docs[0].id] }))
      .body as LearnerConnection;
    const changed = await learner.request('PATCH', `/api/learner/connections/${added.id}`, { documentIds: [docs[0].id, docs[2].id], access: { period: 'six_months' } });
    expect(changed.status).toBe(200);
    expect((changed.body as LearnerConnection).documentIds).toEqual([docs[0].id, docs[2].id].sort((a, b) => a - b));
    expect(new Date((changed.body as LearnerConnection).accessEndsAt!).getTime()).toBeGreaterThan(Date.now() + 150 * DAY);

    const ada = await signedIn(t.app, await createUser(t.ds, 'third_party', { email: 'ada@agency.example' }));
    const token = (await linkIn('ada@agency.example', /shared/, /\/invitations\/[A-Za-z0-9_-]{43}/)).split('/invitations/')[1];
    expect((await ada.post(`/api/third-party/invitations/${token}/accept`)).status).toBe(200);

    await t.ds.query(`UPDATE documents SET status = 'revoked', revoked_at = NOW(3) WHERE id = ?`, [docs[2].id]);
    try {
      const shared = ((await ada.get('/api/third-party/connections')).body as ThirdPartyConnection[])[0];
      expect(shared.documents.find((d) => d.id === docs[2].id)).toMatchObject({ status: 'revoked', viewable: false });
      expect((await ada.getRaw(`/api/third-party/connections/${added.id}/documents/${docs[2].id}/file`)).statusCode).toBe(409);
      // and it cannot be shared again
      expect((await learner.request('PATCH', `/api/learner/connections/${added.id}`, { documentIds: [docs[2].id] })).status).toBe(400);
    } finally {
      await t.ds.query(`UPDATE documents SET status = 'valid', revoked_at = NULL WHERE id = ?`, [docs[2].id]);
    }

    const ended = await learner.post(`/api/learner/connections/${added.id}/end`);
    expect(ended.body).toMatchObject({ status: 'ended' });
    expect(((await ada.get('/api/third-party/connections')).body as ThirdPartyConnection[])[0]).toMatchObject({ status: 'ended', documents: [] });
    expect((await learner.post(`/api/learner/connections/${added.id}/end`)).status).toBe(409);
  });

  it('shares nothing any more once the learner has deleted their account', async () => {
    const doc = await createDocument(t.ds, { centreId, firstName: 'Leah', lastName: 'Leaving', enrolmentNumber: 'LL0001', dateOfBirth: '2001-01-01' });
    await storeRenderedPdf(t.app, t.ds, doc);
    const leaving = await registerAndVerify('/api/learners/register', { enrolmentNumber: 'LL0001', dateOfBirth: '2001-01-01' }, 'leah@learners.example');
    const shared = (await leaving.post('/api/learner/connections', { name: 'Grace Hopper', email: 'grace@employer.example', period: 'year', documentIds: [doc.id] })).body as LearnerConnection;
    const visible = () => employer.get('/api/third-party/connections').then((r) => (r.body as ThirdPartyConnection[]).some((c) => c.id === shared.id));
    expect(await visible()).toBe(true);
    expect((await employer.getRaw(`/api/third-party/connections/${shared.id}/documents/${doc.id}/file`)).statusCode).toBe(200);

    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    const [account] = await t.ds.query(`SELECT id FROM users WHERE email = 'leah@learners.example'`);
    expect((await admin.request('DELETE', `/api/admin/users/${account.id}`)).status).toBe(204);
    expect(await visible()).toBe(false);
    expect((await employer.getRaw(`/api/third-party/connections/${shared.id}/documents/${doc.id}/file`)).statusCode).toBe(404);
  });

  it('lets only learners share: centre staff, administrators and third parties are refused', async () => {
    const staff = await signedIn(t.app, await createUser(t.ds, 'centre_staff', { centreId }));
    const admin = await signedIn(t.app, await createUser(t.ds, 'administrator'));
    for (const client of [staff, admin, employer]) {
      expect((await client.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'week', documentIds: [docs[0].id] })).status).toBe(403);
      expect((await client.get('/api/learner/documents')).status).toBe(403);
    }
    for (const client of [staff, admin, learner]) expect((await client.get('/api/third-party/connections')).status).toBe(403);
    expect((await new Client(t.app).get('/api/learner/documents')).status).toBe(401);
  });

  it('gives clear 400s for bad input', async () => {
    const noDocs = await learner.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'week', documentIds: [] });
    expect(noDocs.status).toBe(400);
    expect(noDocs.body.message).toMatch(/Choose at least one document/);
    const badPeriod = await learner.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'forever', documentIds: [docs[0].id] });
    expect(badPeriod.status).toBe(400);
    const pastDate = await learner.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'date', until: '2020-01-01', documentIds: [docs[0].id] });
    expect(pastDate.status).toBe(400);
    expect(pastDate.body.message).toMatch(/after today/);
    const self = await learner.post('/api/learner/connections', { name: 'Me', email: 'priya.account@learners.example', period: 'week', documentIds: [docs[0].id] });
    expect(self.status).toBe(400);
    const neither = await employer.post('/api/third-party/requests', {});
    expect(neither.status).toBe(400);
  });
});
