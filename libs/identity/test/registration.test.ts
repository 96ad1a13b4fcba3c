import { ExpiredTokensCleanupTask } from '@achievement/identity';
import { createCentre, createUser, SmtpSink, TEST_PASSWORD, TestUser } from '@achievement/testing';
import { Client, createContact, IdentityTestApp, outboxFor, PASSWORD, startIdentityApp, tokenIn, withoutRequestId } from './support/identity-test-app';

describe('registration, email verification and the review queue', () => {
  const sink = new SmtpSink();
  let t: IdentityTestApp;
  let admin: Client;
  let adminUser: TestUser;
  let centreId: number;
  let contactId: number;

  const ada = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada.lovelace@northfield.example',
    dateOfBirth: '1985-04-23',
    centreNumber: 'NF1001',
    phone: '+44 113 496 0000',
    password: PASSWORD,
  };

  const register = (details: Record<string, unknown>, client = new Client(t.app)) => client.post('/api/registrations', details);
  const verificationToken = async (email: string, nth = 1) => {
    const mail = await sink.waitFor(
      (m) =>
        m.to.includes(email) &&
        m.subject.startsWith('Verify your email') &&
        sink.received.filter((x) => x.to.includes(email) && x.subject.startsWith('Verify')).length >= nth,
    );
    const all = sink.received.filter((m) => m.to.includes(email) && m.subject.startsWith('Verify your email'));
    return tokenIn((all[nth - 1] ?? mail).text, 'verify-email');
  };
  const signIn = (email: string, password: string) => new Client(t.app).post('/api/auth/sign-in', { email, password });
  const userRow = async (email: string) => (await t.ds.query('SELECT * FROM users WHERE email = ?', [email]))[0];

  beforeAll(async () => {
    await sink.start();
    t = await startIdentityApp({ SMTP_URL: sink.url });
    centreId = await createCentre(t.ds, { number: 'NF1001', name: 'Northfield College' });
    contactId = await createContact(t.ds, centreId, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada.lovelace@northfield.example',
      dateOfBirth: '1985-04-23',
    });
    adminUser = await createUser(t.ds, 'administrator');
    admin = new Client(t.app);
    await admin.signIn(adminUser.email, adminUser.password);
  });

  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('registers, emails a verification link, and a registration that matches the held record can sign in at once', async () => {
    const res = await register(ada);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: expect.stringContaining('We have sent an email') });
    expect((await signIn(ada.email, ada.password)).status).toBe(403); // not verified yet

    const mail = await sink.waitFor((m) => m.to.includes(ada.email));
    expect(mail.subject).toBe('Verify your email address for Achievement Portal');
    expect(mail.text).toContain('http://localhost:3000/verify-email?token=');
    const verified = await new Client(t.app).post('/api/registrations/verify', { token: tokenIn(mail.text, 'verify-email') });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ outcome: 'active', message: expect.stringContaining('You can sign in now') });

    const session = await signIn(ada.email.toUpperCase(), ada.password);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { email: ada.email, role: 'centre_staff', centre: { id: centreId, number: 'NF1001' } } });
    const row = await userRow(ada.email);
    expect(row).toMatchObject({ status: 'active', centre_id: centreId, centre_contact_id: contactId, phone: '+44 113 496 0000', role: 'centre_staff' });
    expect(row.email_verified_at).not.toBeNull();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    const actions = (await t.ds.query("SELECT action FROM audit_log WHERE subject_type = 'user' AND subject_id = ?", [String(row.id)])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.registered', 'user.email_verified', 'auth.signed_in']));
  });

  it('matches however the details are written: case, accents and spacing do not matter', async () => {
    const centre = await createCentre(t.ds, { number: 'SC2002', name: 'Southcliff Academy' });
    const held = await createContact(t.ds, centre, {
      firstName: 'José María',
      lastName: "O'Neil-Brontë",
      email: 'jm.oneil@southcliff.example',
      dateOfBirth: '1979-11-02',
    });
    await register({
      ...ada,
      firstName: '  JOSE   maria ',
      lastName: 'o’neil bronte',
      email: 'JM.ONeil@SouthCliff.example',
      dateOfBirth: '1979-11-02',
      centreNumber: ' sc 2002 ',
    });
    const res = await new Client(t.app).post('/api/registrations/verify', { token: await verificationToken('jm.oneil@southcliff.example') });
    expect(res.body).toMatchObject({ outcome: 'active' });
    expect(await userRow('jm.oneil@southcliff.example')).toMatchObject({ status: 'active', centre_id: centre, centre_contact_id: held });
  });

  it('sends a registration that does not match to the review queue; an administrator approves it, linking the held record', async () => {
    const grace = { ...ada, firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@northfield.example', dateOfBirth: '1980-12-09' };
    const held = await createContact(t.ds, centreId, {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace.hopper@northfield.example',
      dateOfBirth: '1980-12-10',
    });
    expect((await register(grace)).status).toBe(202);
    const verified = await new Client(t.app).post('/api/registrations/verify', { token: await verificationToken(grace.email) });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ outcome: 'awaiting_review', message: expect.stringContaining('an administrator will check') });
    const waiting = await sink.waitFor((m) => m.to.includes(grace.email) && m.subject.includes('being checked'));
    expect(waiting.text).toContain('Until then you cannot sign in');

    // cannot sign in: the right password is told why, a wrong one gets the usual answer
    const right = await signIn(grace.email, grace.password);
    expect(right.status).toBe(403);
    expect(right.body).toMatchObject({ message: expect.stringContaining('waiting for an administrator') });
    const wrong = await signIn(grace.email, 'not-her-password-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: 'Email or password is incorrect.' });

    const queue = await admin.get('/api/admin/registrations?status=awaiting_review');
    expect(queue.status).toBe(200);
    const item = (queue.body as { items: { id: number; email: string }[] }).items.find((i) => i.email === grace.email)!;
    expect(item).toMatchObject({ status: 'awaiting_review', centreNumber: 'NF1001', centre: { id: centreId }, dateOfBirth: '1980-12-09' });

    const detail = await admin.get(`/api/admin/registrations/${item.id}`);
    expect(detail.body).toMatchObject({ registration: { id: item.id } });
    const candidates = (detail.body as { candidates: { contact: { id: number }; differs: Record<string, boolean> }[] }).candidates;
    expect(candidates[0]).toEqual({
      contact: expect.objectContaining({ id: held, centreNumber: 'NF1001', centreName: 'Northfield College', dateOfBirth: '1980-12-10' }),
      differs: { firstName: false, lastName: false, email: false, dateOfBirth: true, centreNumber: false },
    });
    // the centre's other record (Ada) is shown after it, with its differing fields flagged
    expect(candidates.find((c) => c.contact.id === contactId)?.differs).toMatchObject({ firstName: true, lastName: true, email: true, centreNumber: false });

    const approved = await admin.post(`/api/admin/registrations/${item.id}/approve`, { contactId: held });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', contactId: held, decidedAt: expect.any(String) });
    const mail = await sink.waitFor((m) => m.to.includes(grace.email) && m.subject.includes('account is ready'));
    expect(mail.text).toContain('approved for Northfield College');

    expect((await signIn(grace.email, grace.password)).status).toBe(200);
    expect(await userRow(grace.email)).toMatchObject({ status: 'active', centre_id: centreId, centre_contact_id: held });
    const [audit] = await t.ds.query("SELECT actor_user_id, details FROM audit_log WHERE action = 'registration.approved' AND subject_id = ?", [
      String(item.id),
    ]);
    expect(audit.actor_user_id).toBe(adminUser.id);
    expect((await admin.post(`/api/admin/registrations/${item.id}/approve`, {})).status).toBe(409);
    expect((await admin.get('/api/admin/registrations?status=approved')).body).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: item.id })]),
    });
  });

  it('rejects a registration with a reason, emails it, and the account cannot sign in', async () => {
    const alan = { ...ada, firstName: 'Alan', lastName: 'Turing', email: 'alan@nowhere.example', centreNumber: 'ZZ9999' };
    await register(alan);
    const verified = await new Client(t.app).post('/api/registrations/verify', { token: await verificationToken(alan.email) });
    expect(verified.body).toMatchObject({ outcome: 'awaiting_review' });
    const queue = await admin.get('/api/admin/registrations');
    const item = (queue.body as { items: { id: number; email: string; centre: unknown }[] }).items.find((i) => i.email === alan.email)!;
    expect(item.centre).toBeNull(); // no centre has that number
    expect(await userRow(alan.email)).toMatchObject({ centre_id: null });

    // approving needs a centre: none has the number and no record is linked
    const noCentre = await admin.post(`/api/admin/registrations/${item.id}/approve`, {});
    expect(noCentre.status).toBe(409);
    expect(noCentre.body).toMatchObject({ message: expect.stringContaining('no centre with the number ZZ9999') });

    expect((await admin.post(`/api/admin/registrations/${item.id}/reject`, {})).status).toBe(400);
    expect((await admin.post(`/api/admin/registrations/${item.id}/reject`, { reason: '   ' })).status).toBe(400);
    const rejected = await admin.post(`/api/admin/registrations/${item.id}/reject`, { reason: 'We hold no centre ZZ9999 & no record of you <there>.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'We hold no centre ZZ9999 & no record of you <there>.' });
    const mail = await sink.waitFor((m) => m.to.includes(alan.email) && m.subject.includes('not approved'));
    expect(mail.text).toContain('We hold no centre ZZ9999 & no record of you <there>.');
    expect(mail.html).toContain('no record of you &lt;there&gt;');

    const res = await signIn(alan.email, alan.password);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ message: expect.stringContaining('was not approved') });
    expect((await admin.post(`/api/admin/registrations/${item.id}/approve`, {})).status).toBe(409);
    expect((await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'registration.rejected' AND subject_id = ?", [String(item.id)]))[0].n).toBe(
      '1',
    );
  });

  it('answers the same when the address is already registered, and tells its owner instead', async () => {
    const owner = await createUser(t.ds, 'centre_staff', { email: 'owner@northfield.example', firstName: 'Olive' });
    const fresh = await register({ ...ada, firstName: 'Fresh', lastName: 'Person', email: 'fresh.person@northfield.example' });
    const taken = await register({ ...ada, firstName: 'Mallory', lastName: 'Mischief', email: 'Owner@Northfield.example' });
    expect(withoutRequestId(taken)).toEqual(withoutRequestId(fresh));
    const mail = await sink.waitFor((m) => m.to.includes(owner.email));
    expect(mail.subject).toBe('Someone tried to register with your email address');
    expect(mail.text).toContain('Hello Olive');
    expect((await t.ds.query('SELECT COUNT(*) AS n FROM users WHERE email = ?', [owner.email]))[0].n).toBe('1');
    expect((await signIn(owner.email, TEST_PASSWORD)).status).toBe(200); // the owner's account is untouched
  });

  it('sends a new verification link on request, which makes the earlier one stop working', async () => {
    const mary = { ...ada, firstName: 'Mary', lastName: 'Somerville', email: 'mary@northfield.example' };
    await register(mary);
    const first = await verificationToken(mary.email, 1);
    const resent = await new Client(t.app).post('/api/registrations/resend', { email: 'MARY@northfield.example' });
    const unknown = await new Client(t.app).post('/api/registrations/resend', { email: 'nobody-at-all@northfield.example' });
    expect(resent.status).toBe(202);
    expect(withoutRequestId(unknown)).toEqual(withoutRequestId(resent));
    const second = await verificationToken(mary.email, 2);
    expect(second).not.toBe(first);

    const old = await new Client(t.app).post('/api/registrations/verify', { token: first });
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ message: expect.stringContaining('a newer one was sent') });
    expect((await new Client(t.app).post('/api/registrations/verify', { token: second })).status).toBe(200);
  });

  it('refuses a used, an expired or a made-up verification link with a clear 400', async () => {
    const kate = { ...ada, firstName: 'Katherine', lastName: 'Johnson', email: 'kate@northfield.example' };
    await register(kate);
    const token = await verificationToken(kate.email);
    expect((await new Client(t.app).post('/api/registrations/verify', { token })).status).toBe(200);
    const used = await new Client(t.app).post('/api/registrations/verify', { token });
    expect(used.status).toBe(400);
    expect(used.body).toMatchObject({ message: expect.stringContaining('already been used'), fieldErrors: { token: [expect.any(String)] } });

    const made = await new Client(t.app).post('/api/registrations/verify', { token: 'A'.repeat(43) });
    expect(made.status).toBe(400);
    expect(made.body).toMatchObject({ message: expect.stringContaining('not valid') });
    expect((await new Client(t.app).post('/api/registrations/verify', { token: 'short' })).status).toBe(400);

    const dorothy = { ...ada, firstName: 'Dorothy', lastName: 'Vaughan', email: 'dorothy@northfield.example' };
    await register(dorothy);
    const late = await verificationToken(dorothy.email);
    t.clock.advance(24 * 3_600_000 + 60_000);
    try {
      const expired = await new Client(t.app).post('/api/registrations/verify', { token: late });
      expect(expired.status).toBe(400);
      expect(expired.body).toMatchObject({ message: 'This verification link has expired. Ask for a new one.' });
    } finally {
      t.clock.reset();
    }
    expect(await userRow(dorothy.email)).toMatchObject({ status: 'pending_verification', email_verified_at: null });
  });

  it('sends at most 3 verification emails an hour to one address, answering the same', async () => {
    const flood = { ...ada, firstName: 'Flo', lastName: 'Nightingale', email: 'flo@northfield.example' };
    const answers = [await register(flood)];
    for (let i = 0; i < 4; i++) answers.push(await new Client(t.app).post('/api/registrations/resend', { email: flood.email }));
    expect(answers.slice(1).map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const written = (await outboxFor(t.ds, flood.email)).filter((m) => m.template === 'verify-email');
    expect(written).toHaveLength(3);
  });
});

describe('clean-up of used-up links', () => {
  let t: IdentityTestApp;

  beforeAll(async () => {
    t = await startIdentityApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('deletes verification and reset tokens a week after they expired, and only those', async () => {
    const user = await createUser(t.ds, 'learner');
    const insert = (hash: string, expiresAt: Date) =>
      t.ds.query("INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at, created_at) VALUES (?, 'reset_password', ?, ?, NOW(3))", [
        user.id,
        hash,
        expiresAt,
      ]);
    const day = 24 * 3_600_000;
    await insert('o'.repeat(43), new Date(Date.now() - 8 * day));
    await insert('r'.repeat(43), new Date(Date.now() - 2 * day));
    const task = t.app.get(ExpiredTokensCleanupTask);
    expect(await task.purge(new Date())).toBe(1);
    expect(await task.purge(new Date())).toBe(0); // safe to run again
    expect((await t.ds.query('SELECT token_hash FROM user_tokens WHERE user_id = ?', [user.id])).map((r: { token_hash: string }) => r.token_hash)).toEqual([
      'r'.repeat(43),
    ]);
  });
});
