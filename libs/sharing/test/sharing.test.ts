import { InvitationSummary, LearnerConnection, LearnerDocument, ThirdPartyConnection } from '@achievement/contracts';
import { ConnectionExpiryTask } from '@achievement/sharing';
import { createCentre, createUser, TEST_PASSWORD } from '@achievement/testing';
import { Client, createDocument, DocumentsTestApp, signedIn, startDocumentsApp, storeRenderedPdf, TestDocument } from '../../documents/test/document-factory';

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
    const first = await createDocument(t.ds, {
      centreId,
      firstName: 'Priya',
      lastName: 'Shah',
      enrolmentNumber: 'SH0001',
      dateOfBirth: '2003-09-21',
      email: 'priya@learners.example',
    });
    docs = [
      first,
      await createDocument(t.ds, {
        centreId,
        learnerId: first.learnerId,
        qualificationCode: '610/0001/1',
        qualificationTitle: 'Level 2 Certificate in Welding',
      }),
      await createDocument(t.ds, { centreId, learnerId: first.learnerId, qualificationCode: '610/0002/2', qualificationTitle: 'Level 2 Award in Tyres' }),
    ];
    for (const d of docs) await storeRenderedPdf(t.app, t.ds, d);
    otherLearnerDoc = await createDocument(t.ds, { centreId, firstName: 'Omar', lastName: 'Other', enrolmentNumber: 'OT0001' });
    await storeRenderedPdf(t.app, t.ds, otherLearnerDoc);

    learner = await registerAndVerify('/api/learners/register', { enrolmentNumber: 'sh 0001', dateOfBirth: '2003-09-21' }, 'priya.account@learners.example');
    employer = await registerAndVerify(
      '/api/third-parties/register',
      { firstName: 'Grace', lastName: 'Hopper', organisation: 'Hopper Garages' },
      'grace@employer.example',
    );
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
    const res = await new Client(t.app).post('/api/learners/register', {
      enrolmentNumber: 'NOPE999',
      dateOfBirth: '2000-01-01',
      email: 'nobody@learners.example',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(202);
    const again = await new Client(t.app).post('/api/learners/register', {
      enrolmentNumber: 'SH0001',
      dateOfBirth: '2003-09-21',
      email: 'second@learners.example',
      password: TEST_PASSWORD,
    });
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
    const added = await learner.post('/api/learner/connections', {
      name: 'Grace Hopper',
      email: 'Grace@Employer.example',
      period: 'month',
      documentIds: [docs[0].id, docs[1].id],
    });
    expect(added.status).toBe(201);
    const connection = added.body as LearnerConnection;
    expect(connection).toMatchObject({
      status: 'active',
      origin: 'learner',
      documentIds: [docs[0].id, docs[1].id].sort((a, b) => a - b),
      thirdPartyJoined: true,
    });

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
    expect(pending).toMatchObject({
      status: 'pending',
      origin: 'third_party',
      message: 'For the workshop job',
      thirdParty: { email: 'grace@employer.example', organisation: 'Hopper Garages' },
    });
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

  it('declines a request by enrolment number: nothing is shared and the third party is told, by what they typed', async () => {
    // the request accepted above is still open, and a learner has one open connection per third party: end it first
    const open = ((await learner.get('/api/learner/connections')).body as LearnerConnection[]).find(
      (c) => c.status === 'active' && c.thirdParty.email === 'grace@employer.example',
    )!;
    expect((await learner.post(`/api/learner/connections/${open.id}/end`)).status).toBe(200);

    expect((await employer.post('/api/third-party/requests', { enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21' })).status).toBe(202);
    const pending = ((await learner.get('/api/learner/connections')).body as LearnerConnection[]).find((c) => c.status === 'pending')!;
    const declined = await learner.post(`/api/learner/connections/${pending.id}/decline`);
    expect(declined.body).toMatchObject({ status: 'declined', documentIds: [] });
    const mail = await t.smtp.waitFor((m) => m.to.includes('grace@employer.example') && /declined/.test(m.subject));
    expect(mail.subject).toBe('Your request for SH0001 was declined');
    expect(mail.text).not.toMatch(/Priya|Shah/);
    const seen = ((await employer.get('/api/third-party/connections')).body as ThirdPartyConnection[]).find((c) => c.id === pending.id)!;
    expect(seen).toMatchObject({ status: 'declined', documents: [], learnerName: null, requestedAs: 'SH0001' });
  });

  it('lets the learner change the documents, extend and end access; a revoked document is marked in the share and cannot be opened', async () => {
    const added = (
      await learner.post('/api/learner/connections', {
        name: 'Ada',
        email: 'ada@agency.example',
        period: 'date',
        until: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10),
        documentIds: [docs[0].id],
      })
    ).body as LearnerConnection;
    const changed = await learner.request('PATCH', `/api/learner/connections/${added.id}`, {
      documentIds: [docs[0].id, docs[2].id],
      access: { period: 'six_months' },
    });
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

  /** A third party's view of a request, without what differs by nature (its id, time and what was typed). */
  function shapeOf(c: ThirdPartyConnection | undefined): Omit<ThirdPartyConnection, 'id' | 'createdAt' | 'requestedAs'> | undefined {
    if (!c) return undefined;
    const { id: _id, createdAt: _at, requestedAs: _typed, ...rest } = c;
    return rest;
  }

  const myConnections = async (client: Client) => (await client.get('/api/third-party/connections')).body as ThirdPartyConnection[];
  const typedAs = (list: ThirdPartyConnection[], typed: string) => list.filter((c) => c.requestedAs === typed);

  it('shows a third party the same after asking for an existing or an unknown learner: only what they typed, until the learner accepts', async () => {
    const asker = await signedIn(t.app, await createUser(t.ds, 'third_party', { firstName: 'Nosy', lastName: 'Parker' }));
    const answers = [
      await asker.post('/api/third-party/requests', { learnerEmail: 'Priya@Learners.example' }),
      await asker.post('/api/third-party/requests', { learnerEmail: 'no-such-learner@learners.example' }),
      await asker.post('/api/third-party/requests', { enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21' }),
      await asker.post('/api/third-party/requests', { enrolmentNumber: 'ZZ9999', dateOfBirth: '2003-09-21' }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(202);
      expect(a.body).toEqual(answers[0].body);
    }

    const list = await myConnections(asker);
    expect(list.map((c) => c.requestedAs).sort()).toEqual(['SH0001', 'ZZ9999', 'no-such-learner@learners.example', 'priya@learners.example']);
    const [existingByEmail] = typedAs(list, 'priya@learners.example');
    const [unknownByEmail] = typedAs(list, 'no-such-learner@learners.example');
    expect(shapeOf(existingByEmail)).toEqual({ learnerName: null, status: 'pending', accessEndsAt: null, documents: [] });
    expect(shapeOf(existingByEmail)).toEqual(shapeOf(unknownByEmail));
    expect(shapeOf(typedAs(list, 'SH0001')[0])).toEqual(shapeOf(typedAs(list, 'ZZ9999')[0]));
    expect(Object.keys(existingByEmail).sort()).toEqual(Object.keys(unknownByEmail).sort());
    expect(JSON.stringify(list)).not.toMatch(/Priya|Shah|2003-09-21|priya\.account/);

    // reaching for a document of either answers alike
    const tryOpen = async (c: ThirdPartyConnection) => {
      const res = await asker.get(`/api/third-party/connections/${c.id}/documents/${docs[0].id}/file`);
      return { status: res.status, message: (res.body as { message?: string }).message };
    };
    expect(await tryOpen(existingByEmail)).toEqual(await tryOpen(unknownByEmail));
    expect((await tryOpen(existingByEmail)).status).toBe(404);

    // the learner got the request once (the enrolment number names the same learner: not asked twice)
    const fromAsker = ((await learner.get('/api/learner/connections')).body as LearnerConnection[]).filter((c) => c.thirdParty.name === 'Nosy Parker');
    expect(fromAsker).toHaveLength(1);
    expect(fromAsker[0]).toMatchObject({ status: 'pending', origin: 'third_party' });

    // once the learner accepts, the third party sees whose documents they are
    expect((await learner.post(`/api/learner/connections/${fromAsker[0].id}/accept`, { period: 'week', documentIds: [docs[0].id] })).status).toBe(200);
    const after = await myConnections(asker);
    expect(after.find((c) => c.id === fromAsker[0].id)).toMatchObject({ learnerName: 'Priya Shah', status: 'active', requestedAs: 'priya@learners.example' });
    expect(after.filter((c) => c.learnerName !== null)).toHaveLength(1);
    expect((await asker.getRaw(`/api/third-party/connections/${fromAsker[0].id}/documents/${docs[0].id}/file`)).statusCode).toBe(200);
    expect((await learner.post(`/api/learner/connections/${fromAsker[0].id}/end`)).status).toBe(200);
  });

  it('records a repeated request once and never asks a learner twice, the same way for an unknown learner, also at the same moment', async () => {
    const asker = await signedIn(t.app, await createUser(t.ds, 'third_party', { firstName: 'Eager', lastName: 'Beaver' }));
    const ask = (body: Record<string, string>) => asker.post('/api/third-party/requests', body);
    // one after the other
    for (const learnerEmail of ['priya@learners.example', 'unknown-one@learners.example']) {
      expect((await ask({ learnerEmail })).status).toBe(202);
      expect((await ask({ learnerEmail })).status).toBe(202);
    }
    let list = await myConnections(asker);
    expect(typedAs(list, 'priya@learners.example')).toHaveLength(1);
    expect(typedAs(list, 'unknown-one@learners.example')).toHaveLength(1);

    // at the same moment, by another third party: 8 alike for each, and the same learner by enrolment number too
    const racer = await signedIn(t.app, await createUser(t.ds, 'third_party', { firstName: 'Quick', lastName: 'Racer' }));
    const bodies = [
      ...Array.from({ length: 8 }, () => ({ learnerEmail: 'priya@learners.example' })),
      ...Array.from({ length: 8 }, () => ({ learnerEmail: 'unknown-two@learners.example' })),
      ...Array.from({ length: 4 }, () => ({ enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21' })),
    ];
    const answers = await Promise.all(bodies.map((b) => racer.post('/api/third-party/requests', b)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 202));
    list = await myConnections(racer);
    expect(typedAs(list, 'priya@learners.example')).toHaveLength(1);
    expect(typedAs(list, 'unknown-two@learners.example')).toHaveLength(1);
    expect(typedAs(list, 'SH0001')).toHaveLength(1);
    expect(list).toHaveLength(3);
    expect(new Set(list.map((c) => JSON.stringify(shapeOf(c)))).size).toBe(1);

    // the learner holds exactly one open connection with each of them
    const [account] = await t.ds.query(`SELECT id FROM users WHERE email = 'priya.account@learners.example'`);
    const open: { third_party_user_id: number; n: number }[] = await t.ds.query(
      `SELECT third_party_user_id, COUNT(*) AS n FROM connections WHERE learner_user_id = ? AND status IN ('pending', 'active') AND third_party_name IN ('Eager Beaver', 'Quick Racer') GROUP BY third_party_user_id`,
      [account.id],
    );
    expect(open.map((o) => Number(o.n))).toEqual([1, 1]);
  });

  it('refuses a learner a second open connection with the same third party, also asked at the same moment; after the end a new one can be made', async () => {
    const email = 'twice@agency.example';
    const share = () => learner.post('/api/learner/connections', { name: 'Twice Agency', email, period: 'week', documentIds: [docs[0].id] });
    const answers = await Promise.all(Array.from({ length: 6 }, share));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const first = answers.find((a) => a.status === 201)!.body as LearnerConnection;
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ statusCode: 409, fieldErrors: { email: [expect.any(String)] } });
    const mine = () => learner.get('/api/learner/connections').then((r) => (r.body as LearnerConnection[]).filter((c) => c.thirdParty.email === email));
    expect((await mine()).filter((c) => c.status === 'active')).toHaveLength(1);

    // a third party's request waiting for an answer counts as open too
    const asking = await createUser(t.ds, 'third_party', { email: 'asking@agency.example', firstName: 'Asking', lastName: 'Agency' });
    expect((await (await signedIn(t.app, asking)).post('/api/third-party/requests', { learnerEmail: 'priya@learners.example' })).status).toBe(202);
    expect(
      (await learner.post('/api/learner/connections', { name: 'Asking Agency', email: 'asking@agency.example', period: 'week', documentIds: [docs[0].id] }))
        .status,
    ).toBe(409);

    // ended: shared again
    expect((await learner.post(`/api/learner/connections/${first.id}/end`)).status).toBe(200);
    const again = await share();
    expect(again.status).toBe(201);

    // past its end but not yet recorded by the task: it does not count, and is recorded as expired
    t.clock.advance(8 * DAY);
    try {
      learner = await signedIn(t.app, { email: 'priya.account@learners.example', password: TEST_PASSWORD });
      expect((await share()).status).toBe(201);
      const rows = await mine();
      expect(rows.find((c) => c.id === (again.body as LearnerConnection).id)).toMatchObject({ status: 'expired' });
      expect(rows.filter((c) => c.status === 'active')).toHaveLength(1);
    } finally {
      t.clock.advance(-8 * DAY);
      learner = await signedIn(t.app, { email: 'priya.account@learners.example', password: TEST_PASSWORD });
    }
  });

  it('shares nothing any more once the learner has deleted their account', async () => {
    const doc = await createDocument(t.ds, { centreId, firstName: 'Leah', lastName: 'Leaving', enrolmentNumber: 'LL0001', dateOfBirth: '2001-01-01' });
    await storeRenderedPdf(t.app, t.ds, doc);
    const leaving = await registerAndVerify('/api/learners/register', { enrolmentNumber: 'LL0001', dateOfBirth: '2001-01-01' }, 'leah@learners.example');
    const shared = (
      await leaving.post('/api/learner/connections', { name: 'Grace Hopper', email: 'grace@employer.example', period: 'year', documentIds: [doc.id] })
    ).body as LearnerConnection;
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
      expect((await client.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'week', documentIds: [docs[0].id] })).status).toBe(
        403,
      );
      expect((await client.get('/api/learner/documents')).status).toBe(403);
    }
    for (const client of [staff, admin, learner]) expect((await client.get('/api/third-party/connections')).status).toBe(403);
    expect((await new Client(t.app).get('/api/learner/documents')).status).toBe(401);
  });

  it('expires requests left unanswered for 30 days, alike whether or not they reached a learner', async () => {
    const user = await createUser(t.ds, 'third_party', { firstName: 'Patient', lastName: 'Waiter' });
    let waiter = await signedIn(t.app, user);
    expect((await waiter.post('/api/third-party/requests', { enrolmentNumber: 'SH0001', dateOfBirth: '2003-09-21' })).status).toBe(202);
    expect((await waiter.post('/api/third-party/requests', { enrolmentNumber: 'NN0000', dateOfBirth: '2001-01-01' })).status).toBe(202);
    expect((await waiter.post('/api/third-party/requests', { learnerEmail: 'omar@nowhere.example' })).status).toBe(202);
    const task = t.app.get(ConnectionExpiryTask);
    expect(await task.expireUnansweredRequests(t.clock.now())).toBe(0);
    t.clock.advance(31 * DAY);
    try {
      expect(await task.expireUnansweredRequests(t.clock.now())).toBeGreaterThanOrEqual(3);
      expect(await task.expireUnansweredRequests(t.clock.now())).toBe(0); // safe to run twice
      waiter = await signedIn(t.app, user);
      const list = await myConnections(waiter);
      expect(list).toHaveLength(3);
      for (const c of list) expect(shapeOf(c)).toEqual({ learnerName: null, status: 'expired', accessEndsAt: null, documents: [] });
      // and the third party can ask again
      expect((await waiter.post('/api/third-party/requests', { learnerEmail: 'omar@nowhere.example' })).status).toBe(202);
      expect(
        typedAs(await myConnections(waiter), 'omar@nowhere.example')
          .map((c) => c.status)
          .sort(),
      ).toEqual(['expired', 'pending']);
    } finally {
      t.clock.advance(-31 * DAY);
    }
  });

  it('gives clear 400s for bad input', async () => {
    const noDocs = await learner.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'week', documentIds: [] });
    expect(noDocs.status).toBe(400);
    expect(noDocs.body.code).toBe('VALIDATION_FAILED');
    expect(noDocs.body.message).toMatch(/Choose at least one document/);
    const badPeriod = await learner.post('/api/learner/connections', { name: 'X', email: 'x@example.test', period: 'forever', documentIds: [docs[0].id] });
    expect(badPeriod.status).toBe(400);
    const pastDate = await learner.post('/api/learner/connections', {
      name: 'X',
      email: 'x@example.test',
      period: 'date',
      until: '2020-01-01',
      documentIds: [docs[0].id],
    });
    expect(pastDate.status).toBe(400);
    expect(pastDate.body.code).toBe('ACCESS_END_NOT_AFTER_TODAY');
    const self = await learner.post('/api/learner/connections', {
      name: 'Me',
      email: 'priya.account@learners.example',
      period: 'week',
      documentIds: [docs[0].id],
    });
    expect(self.status).toBe(400);
    const neither = await employer.post('/api/third-party/requests', {});
    expect(neither.status).toBe(400);
  });
});
