import { PROFILE_NOTICE } from '@achievement/contracts';
import { createUser, TEST_PASSWORD, TestUser } from '@achievement/testing';
import { Client, IdentityTestApp, startIdentityApp } from './support/identity-test-app';

describe('profile', () => {
  let t: IdentityTestApp;
  let staff: TestUser;
  let api: Client;

  beforeAll(async () => {
    t = await startIdentityApp();
    staff = await createUser(t.ds, 'centre_staff', { firstName: 'Edith', lastName: 'Clarke' });
    api = new Client(t.app);
    await api.signIn(staff.email, staff.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("shows the user's own details, centre and the notice about the body's other systems", async () => {
    const res = await api.get('/api/profile');
    expect(res.status).toBe(200);
    const [centre] = await t.ds.query('SELECT number, name FROM centres WHERE id = ?', [staff.centreId]);
    expect(res.body).toEqual({
      email: staff.email,
      role: 'centre_staff',
      firstName: 'Edith',
      lastName: 'Clarke',
      phone: null,
      jobTitle: null,
      addressLine1: null,
      addressLine2: null,
      town: null,
      postcode: null,
      country: null,
      centre: { number: centre.number, name: centre.name },
      notice: PROFILE_NOTICE,
    });
    expect(PROFILE_NOTICE).toBe("Changes here do not update your details held in the body's other systems, such as the Centres Hub.");
  });

  it('edits name, phone, job title and address, and audits the change', async () => {
    const res = await api.patch('/api/profile', {
      firstName: ' Edie ',
      phone: '0113 496 0123',
      jobTitle: 'Exams Officer',
      addressLine1: '4 Mill Lane',
      town: 'Leeds',
      postcode: 'ls1 4ab',
      country: 'gb',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firstName: 'Edie',
      lastName: 'Clarke',
      phone: '0113 496 0123',
      jobTitle: 'Exams Officer',
      addressLine1: '4 Mill Lane',
      addressLine2: null,
      town: 'Leeds',
      postcode: 'LS1 4AB',
      country: 'GB',
    });
    expect((await api.get('/api/profile')).body).toMatchObject({ firstName: 'Edie', postcode: 'LS1 4AB' });
    expect((await api.get('/api/auth/session')).body).toMatchObject({ user: { name: 'Edie Clarke' } });

    const [audit] = await t.ds.query(
      "SELECT actor_user_id, before_state, after_state FROM audit_log WHERE action = 'user.profile_updated' AND subject_id = ?",
      [String(staff.id)],
    );
    expect(audit.actor_user_id).toBe(staff.id);
    expect(audit.before_state).toEqual({ firstName: 'Edith', phone: null, jobTitle: null, addressLine1: null, town: null, postcode: null, country: null });
    expect(audit.after_state).toMatchObject({ firstName: 'Edie', jobTitle: 'Exams Officer', postcode: 'LS1 4AB' });

    // null clears an optional field; clearing the whole address is allowed
    const cleared = await api.patch('/api/profile', { jobTitle: null, addressLine1: null, town: null, postcode: null, country: null });
    expect(cleared.body).toMatchObject({ jobTitle: null, addressLine1: null, country: null, phone: '0113 496 0123' });
  });

  it('refuses bad or forbidden changes with a message per field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ addressLine1: '4 Mill Lane' }, 'town'],
      [{ country: 'United Kingdom' }, 'country'],
      [{ phone: 'call me maybe' }, 'phone'],
      [{ firstName: null }, 'firstName'],
      [{ firstName: '   ' }, 'firstName'],
      [{ lastName: 'x'.repeat(101) }, 'lastName'],
      [{ jobTitle: 42 }, 'jobTitle'],
      [{ email: 'new@example.test' }, 'email'],
      [{ role: 'administrator' }, 'role'],
      [{ centreId: 1 }, 'centreId'],
      [{ firstName: 'Line\u0000break' }, 'firstName'],
    ];
    for (const [body, field] of cases) {
      const res = await api.patch('/api/profile', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body).toMatchObject({ message: expect.any(String), fieldErrors: { [field]: [expect.any(String)] } });
    }
    expect((await api.get('/api/profile')).body).toMatchObject({ firstName: 'Edie', email: staff.email, role: 'centre_staff' });
  });

  it('checks the postcode by the one rule checkout uses: a UK postcode for a UK address, any shape abroad', async () => {
    const address = { addressLine1: '4 Mill Lane', town: 'Leeds' };
    const ukRefused = await api.patch('/api/profile', { ...address, postcode: 'ZZZ', country: 'GB' });
    expect(ukRefused.status).toBe(400);
    expect(ukRefused.body.fieldErrors).toEqual({ postcode: ['postcode must be a UK postcode, such as SW1A 1AA'] });

    const written = await api.patch('/api/profile', { ...address, postcode: 'ls14ab', country: 'GB' });
    expect(written.body).toMatchObject({ postcode: 'LS1 4AB', country: 'GB' });

    // abroad the looser shape: a French code de postal is fine, one of 11 characters is not
    expect((await api.patch('/api/profile', { postcode: '75001', country: 'FR' })).body).toMatchObject({ postcode: '75001', country: 'FR' });
    expect((await api.patch('/api/profile', { postcode: 'ABCDE-12345', country: 'FR' })).status).toBe(400);

    // changing only the country re-checks the postcode held: 75001 is no UK postcode
    const moved = await api.patch('/api/profile', { country: 'GB' });
    expect(moved.status).toBe(400);
    expect(moved.body.fieldErrors).toEqual({ postcode: ['postcode must be a UK postcode, such as SW1A 1AA'] });
    // and only the postcode is checked against the country held (Jersey uses UK postcodes)
    await api.patch('/api/profile', { postcode: 'JE2 3AB', country: 'JE' });
    expect((await api.patch('/api/profile', { postcode: 'ZZZ' })).status).toBe(400);
    expect((await api.get('/api/profile')).body).toMatchObject({ postcode: 'JE2 3AB', country: 'JE' });
  });

  it('shows no centre to roles without one, and nothing to anyone signed out', async () => {
    const support = await createUser(t.ds, 'support');
    const s = new Client(t.app);
    await s.signIn(support.email, support.password);
    expect((await s.get('/api/profile')).body).toMatchObject({ role: 'support', centre: null });
    expect((await new Client(t.app).get('/api/profile')).status).toBe(401);
    expect((await new Client(t.app).patch('/api/profile', { firstName: 'X' })).status).toBe(401);
  });
});

describe('deregistration', () => {
  let t: IdentityTestApp;
  let admin: Client;
  let adminUser: TestUser;

  beforeAll(async () => {
    t = await startIdentityApp();
    adminUser = await createUser(t.ds, 'administrator');
    admin = new Client(t.app);
    await admin.signIn(adminUser.email, adminUser.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('ends the sessions at once, refuses sign-in, erases personal data and keeps the audit trail', async () => {
    const person = await createUser(t.ds, 'centre_staff', { email: 'leaving@centre.example', firstName: 'Lise', lastName: 'Meitner' });
    await t.ds.query(
      "UPDATE users SET phone = '0113 496 0999', job_title = 'Tutor', date_of_birth = '1978-11-07', address_line1 = '1 Road', town = 'York', postcode = 'YO1 1AA', country = 'GB' WHERE id = ?",
      [person.id],
    );
    const laptop = new Client(t.app);
    const phone = new Client(t.app);
    await laptop.signIn(person.email, person.password);
    await phone.signIn(person.email, person.password);
    await laptop.patch('/api/profile', { jobTitle: 'Senior Tutor' });
    await admin.post('/api/admin/emails/test', { to: person.email }); // an email to them sits in the Email log

    const res = await admin.delete(`/api/admin/users/${person.id}`);
    expect(res.status).toBe(204);
    expect((await laptop.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
    expect((await phone.get('/api/profile')).status).toBe(401);

    const signIn = await new Client(t.app).post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(401);
    expect(signIn.body).toMatchObject({ message: 'Email or password is incorrect.' });

    const [row] = await t.ds.query('SELECT * FROM users WHERE id = ?', [person.id]);
    expect(row).toMatchObject({
      email: `deleted-user-${person.id}@invalid`,
      first_name: 'Deleted',
      last_name: 'User',
      password_hash: null,
      status: 'deleted',
      phone: null,
      job_title: null,
      date_of_birth: null,
      address_line1: null,
      town: null,
      postcode: null,
      country: null,
      centre_contact_id: null,
    });
    expect(row.deleted_at).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/leaving@|Lise|Meitner|0113 496 0999/);
    // nor does the Email log keep their address or what was written to them
    const emails = await t.ds.query('SELECT to_address, data, html, text_body FROM outbox_emails WHERE template = ?', ['test-message']);
    expect(emails.length).toBeGreaterThan(0);
    expect(JSON.stringify(emails)).not.toMatch(/leaving@/);
    expect(emails).toContainEqual({ to_address: `deleted-user-${person.id}@invalid`, data: {}, html: null, text_body: null });

    const trail = await t.ds.query("SELECT action, actor_user_id FROM audit_log WHERE subject_type = 'user' AND subject_id = ? ORDER BY id", [
      String(person.id),
    ]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['auth.signed_in', 'user.profile_updated', 'user.deleted']));
    expect(trail.find((r: { action: string }) => r.action === 'user.deleted').actor_user_id).toBe(adminUser.id);

    // not listed by default, listed when asked for
    const listed = await admin.get('/api/admin/users?q=deleted-user');
    expect((listed.body as { items: unknown[] }).items).toHaveLength(0);
    expect((await admin.get('/api/admin/users?status=deleted')).body).toMatchObject({
      items: [expect.objectContaining({ id: person.id, firstName: 'Deleted' })],
    });

    expect((await admin.delete(`/api/admin/users/${person.id}`)).status).toBe(409);
    // the address is free again: the person may register anew one day
    expect((await t.ds.query('SELECT COUNT(*) AS n FROM users WHERE email = ?', [person.email]))[0].n).toBe('0');
  });

  it('refuses unknown accounts, junk ids and deleting oneself', async () => {
    expect((await admin.delete('/api/admin/users/999999')).status).toBe(404);
    expect((await admin.delete('/api/admin/users/abc')).status).toBe(400);
    const self = await admin.delete(`/api/admin/users/${adminUser.id}`);
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ message: expect.stringContaining('your own account') });
  });

  it('lists accounts by role and name, newest first, page by page', async () => {
    const a = await createUser(t.ds, 'learner', { firstName: 'Listy', lastName: 'One' });
    const b = await createUser(t.ds, 'learner', { firstName: 'Listy', lastName: 'Two' });
    const page1 = await admin.get('/api/admin/users?role=learner&q=Listy&limit=1');
    expect(page1.body).toMatchObject({ items: [expect.objectContaining({ id: b.id, role: 'learner', status: 'active' })], nextCursor: String(b.id) });
    const page2 = await admin.get(`/api/admin/users?role=learner&q=Listy&limit=1&cursor=${b.id}`);
    expect(page2.body).toMatchObject({ items: [expect.objectContaining({ id: a.id })] });
    expect((await admin.get('/api/admin/users?q=100%25_')).status).toBe(200);
  });
});
