import { createUser, SmtpSink, TEST_PASSWORD, TestUser } from '@achievement/testing';
import { Client, IdentityTestApp, outboxFor, startIdentityApp, tokenIn, withoutRequestId } from './support/identity-test-app';

describe('forgotten, reset and changed passwords', () => {
  const sink = new SmtpSink();
  let t: IdentityTestApp;

  beforeAll(async () => {
    await sink.start();
    t = await startIdentityApp({ SMTP_URL: sink.url });
  });

  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const staff = (firstName: string) => createUser(t.ds, 'centre_staff', { email: `${firstName.toLowerCase()}@centre.example`, firstName, lastName: 'Tester' });
  const forgot = (email: string) => new Client(t.app).post('/api/auth/forgot-password', { email });
  const resetToken = async (email: string) =>
    tokenIn((await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Reset your'))).text, 'reset-password');
  const reset = (token: string, password: string) => new Client(t.app).post('/api/auth/reset-password', { token, password });
  const signIn = (email: string, password: string) => new Client(t.app).post('/api/auth/sign-in', { email, password });

  it('answers "forgot password" identically whether or not the email has an account', async () => {
    const user = await staff('Frida');
    const known = await forgot(user.email);
    const unknown = await forgot('no-such-person@centre.example');
    const knownUpper = await forgot(user.email.toUpperCase());
    expect(known.status).toBe(202);
    expect(withoutRequestId(unknown)).toEqual(withoutRequestId(known));
    expect(withoutRequestId(knownUpper)).toEqual(withoutRequestId(known));
    expect(known.body).toEqual({ message: expect.stringContaining('If that address has an account') });
    const mail = await sink.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Reset your Achievement Portal password');
    expect(mail.text).toContain('within one hour');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received.some((m) => m.to.includes('no-such-person@centre.example'))).toBe(false);
  });

  it('resets with the link once, ends every session of the account, and tells the owner', async () => {
    const user = await staff('Rosalind');
    const laptop = new Client(t.app);
    const phone = new Client(t.app);
    await laptop.signIn(user.email, user.password);
    await phone.signIn(user.email, user.password);
    await forgot(user.email);
    const token = await resetToken(user.email);

    const res = await reset(token, 'marble-orchard-quietly-93');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: expect.stringContaining('Sign in with your new password') });
    for (const device of [laptop, phone]) expect((await device.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
    const changed = await sink.waitFor((m) => m.to.includes(user.email) && m.subject.includes('password was changed'));
    expect(changed.text).toContain('reset with a link sent to this address');

    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, 'marble-orchard-quietly-93')).status).toBe(200);
    const again = await reset(token, 'another-fine-password-12');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ message: expect.stringContaining('already been used') });
    const audit = await t.ds.query("SELECT action FROM audit_log WHERE subject_id = ? AND action LIKE 'user.password%'", [String(user.id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.password_reset_requested', 'user.password_reset']);
  });

  it('refuses a reset link after an hour, and a newer link replaces an older one', async () => {
    const user = await staff('Hedy');
    await forgot(user.email);
    const first = await resetToken(user.email);
    t.clock.advance(61 * 60_000);
    try {
      const late = await reset(first, 'marble-orchard-quietly-93');
      expect(late.status).toBe(400);
      expect(late.body).toMatchObject({ message: expect.stringContaining('has expired') });
    } finally {
      t.clock.reset();
    }
    await forgot(user.email);
    await sink.waitFor(() => sink.received.filter((m) => m.to.includes(user.email)).length === 2);
    const second = tokenIn(sink.received.filter((m) => m.to.includes(user.email))[1].text, 'reset-password');
    await forgot(user.email);
    await sink.waitFor(() => sink.received.filter((m) => m.to.includes(user.email)).length === 3);
    expect((await reset(second, 'marble-orchard-quietly-93')).status).toBe(400); // replaced by the third
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the link usable when the new password breaks a rule', async () => {
    const user = await staff('Barbara');
    await forgot(user.email);
    const token = await resetToken(user.email);
    for (const [password, message] of [
      ['password123', 'too common'],
      ['Barbara-1234', 'your name'],
      ['short', '8 to 128 characters'],
      [user.email, 'email'],
    ]) {
      const res = await reset(token, password);
      expect({ password, status: res.status }).toEqual({ password, status: 400 });
      expect(res.body).toMatchObject({ fieldErrors: { password: [expect.stringContaining(message)] } });
    }
    expect((await reset(token, 'granite-meadow-whistle-8')).status).toBe(200);
  });

  it('sends at most 3 reset emails an hour to one address', async () => {
    const user = await staff('Ida');
    for (let i = 0; i < 5; i++) expect((await forgot(user.email)).status).toBe(202);
    expect((await outboxFor(t.ds, user.email)).filter((m) => m.template === 'password-reset')).toHaveLength(3);
  });

  describe('change password', () => {
    let user: TestUser;
    let laptop: Client;
    let phone: Client;

    beforeAll(async () => {
      user = await staff('Chien');
      laptop = new Client(t.app);
      phone = new Client(t.app);
      await laptop.signIn(user.email, user.password);
      await phone.signIn(user.email, user.password);
    });

    it('asks for the current password', async () => {
      const res = await laptop.post('/api/auth/change-password', { currentPassword: 'not-the-current-one', newPassword: 'copper-lagoon-sunrise-5' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        message: 'Your current password is not correct.',
        fieldErrors: { currentPassword: ['Your current password is not correct.'] },
      });
      expect((await laptop.post('/api/auth/change-password', { newPassword: 'copper-lagoon-sunrise-5' })).status).toBe(400);
    });

    it('applies the password rules to the new one', async () => {
      const common = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123!' });
      expect(common.status).toBe(400);
      expect(common.body).toMatchObject({ fieldErrors: { newPassword: [expect.stringContaining('too common')] } });
      const same = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
      expect(same.status).toBe(400);
      const long = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(129) });
      expect(long.body).toMatchObject({ fieldErrors: { newPassword: ['newPassword must be 8 to 128 characters'] } });
    });

    it('changes it, keeps this session, ends every other one and tells the owner', async () => {
      const res = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'copper-lagoon-sunrise-5' });
      expect(res.status).toBe(204);
      expect((await laptop.get('/api/auth/session')).body).toMatchObject({ user: { id: user.id } });
      expect((await phone.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
      const mail = await sink.waitFor((m) => m.to.includes(user.email) && m.subject.includes('password was changed'));
      expect(mail.text).toContain('Every other device that was signed in has been signed out');
      expect((await signIn(user.email, 'copper-lagoon-sunrise-5')).status).toBe(200);
      const [row] = await t.ds.query("SELECT actor_user_id, details FROM audit_log WHERE action = 'user.password_changed' AND subject_id = ?", [
        String(user.id),
      ]);
      expect(row.actor_user_id).toBe(user.id);
      expect(JSON.stringify(row)).not.toContain('copper-lagoon');
    });

    it('needs a signed-in user and the anti-CSRF token', async () => {
      expect((await new Client(t.app).post('/api/auth/change-password', { currentPassword: 'a', newPassword: 'copper-lagoon-sunrise-5' })).status).toBe(401);
      const forged = await laptop.post(
        '/api/auth/change-password',
        { currentPassword: 'copper-lagoon-sunrise-5', newPassword: 'other-lagoon-sunrise-6' },
        { 'x-xsrf-token': 'forged' },
      );
      expect(forged.status).toBe(403);
    });
  });

  it('applies the password rules at registration', async () => {
    const details = {
      firstName: 'Nikola',
      lastName: 'Tesla',
      email: 'nikola.tesla@centre.example',
      dateOfBirth: '1980-07-10',
      centreNumber: 'X1',
      phone: '0113 496 0000',
    };
    const cases: [string, string][] = [
      ['1234567', 'password must be 8 to 128 characters'],
      ['x'.repeat(129), 'password must be 8 to 128 characters'],
      ['Password1!', 'too common'],
      ['iloveyou2024', 'too common'],
      ['nikola.tesla@centre.example', 'not your email address'],
      ['TeslaCoil-Brightly', 'contain your name'],
      ['n i k o l a-rocks-22', 'contain your name'],
    ];
    for (const [password, message] of cases) {
      const res = await new Client(t.app).post('/api/registrations', { ...details, password });
      expect({ password, status: res.status }).toEqual({ password, status: 400 });
      expect(res.body).toMatchObject({ fieldErrors: { password: [expect.stringContaining(message)] } });
    }
    // 128 characters, spaces and all, are kept as they are: no truncation
    const long = `${'quiet harbour '.repeat(9)}lantern7`.slice(0, 128);
    expect([...long]).toHaveLength(128);
    expect((await new Client(t.app).post('/api/registrations', { ...details, password: long })).status).toBe(202);
  });
});
