import { PENDING_SESSION_MINUTES, RECOVERY_CODE_COUNT, STEP_UP_MINUTES } from '@achievement/contracts';
import { createUser, SmtpSink, TestUser } from '@achievement/testing';
import { totpCodeAt } from '../src/second-factor/totp';
import { Client, IdentityTestApp, startIdentityApp } from './support/identity-test-app';

const STEP_MS = 30_000;

/** A moment in the middle of a 30-second step, so that codes of the steps around it are what they say. */
function midStep(from = Date.now()): Date {
  return new Date(Math.floor(from / STEP_MS) * STEP_MS + STEP_MS / 2);
}

describe('the second factor', () => {
  const sink = new SmtpSink();
  let t: IdentityTestApp;
  let openapi: { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    await sink.start();
    t = await startIdentityApp({ SMTP_URL: sink.url, SECOND_FACTOR_ROLES: 'administrator,support' });
    openapi = (await new Client(t.app).get('/api/docs/openapi.json')).body as typeof openapi;
  });

  afterEach(() => t.clock.reset());

  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const code = (secret: string, offsetMs = 0) => totpCodeAt(secret, new Date(t.clock.now().getTime() + offsetMs));

  /** Signs in with the password; the answer says what comes next. */
  async function passwordStep(user: TestUser, client = new Client(t.app)) {
    const res = await client.post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(res.status).toBe(200);
    return { client, body: res.body as { user: unknown; pending: { step: string; methods: string[]; name: string; expiresAt: string } | null } };
  }

  /** Sets up an authenticator app in this session (half signed in to enrol, or full); returns its secret and first recovery codes. */
  async function enrolTotp(client: Client) {
    const started = await client.post('/api/account/factors/totp');
    expect(started.status).toBe(201);
    const { secret } = started.body as { secret: string };
    const confirmed = await client.post('/api/account/factors/totp/confirm', { code: await code(secret) });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] | null }).recoveryCodes };
  }

  /** An account with an authenticator app; the clock frozen mid-step and moved on so the step before is after the enrolment's. */
  async function enrolled(role: 'administrator' | 'support' | 'centre_staff') {
    t.clock.freeze(midStep());
    const user = await createUser(t.ds, role);
    const { client } = await passwordStep(user);
    const { secret, recoveryCodes } = await enrolTotp(client);
    t.clock.advance(2 * STEP_MS);
    return { user, secret, recoveryCodes: recoveryCodes!, client };
  }

  async function signedIn(user: TestUser, secret: string) {
    const { client, body } = await passwordStep(user);
    expect(body.pending?.step).toBe('second_factor');
    const res = await client.post('/api/auth/second-factor/totp', { code: await code(secret) });
    expect(res.status).toBe(200);
    t.clock.advance(STEP_MS); // the next code is a new one
    return client;
  }

  /** Every route of the OpenAPI document, with its path parameters filled in. */
  function everyRoute(): { method: string; path: string; route: string }[] {
    return Object.entries(openapi.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '1'), route: `${m.toUpperCase()} ${path}` })),
    );
  }

  const ENROLMENT_ROUTES = [
    'GET /api/account/factors',
    'POST /api/account/factors/totp',
    'POST /api/account/factors/totp/confirm',
    'POST /api/account/factors/passkeys/options',
    'POST /api/account/factors/passkeys',
    'POST /api/auth/sign-out',
  ];
  const SECOND_STEP_ROUTES = [
    'POST /api/auth/second-factor/totp',
    'POST /api/auth/second-factor/recovery-code',
    'POST /api/auth/second-factor/passkey/options',
    'POST /api/auth/second-factor/passkey',
    'POST /api/auth/sign-out',
  ];

  /** A half-signed-in session gets 401/403 with its code on every route that is not public and not its step's; on public routes it is nobody. */
  async function expectOnlyItsStep(client: Client, allowed: string[], expected: { status: number; code: string }) {
    const anonymous = new Client(t.app);
    const wrong: string[] = [];
    let refused = 0;
    for (const { method, path, route } of everyRoute()) {
      if (allowed.includes(route)) continue;
      const asNobody = await anonymous.request(method, path, method === 'GET' ? undefined : {});
      const asPending = await client.request(method, path, method === 'GET' ? undefined : {});
      if (asNobody.status === 401) {
        refused++;
        const got = { status: asPending.status, code: (asPending.body as { code?: string })?.code };
        if (got.status !== expected.status || got.code !== expected.code) wrong.push(`${route}: ${got.status} ${got.code}`);
      } else if (route.startsWith('GET ') && asPending.status !== asNobody.status) {
        wrong.push(`${route} (public): ${asPending.status}, anonymous ${asNobody.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(100);
  }

  describe('an administrator who has not enrolled', () => {
    it('is half signed in after the password and reaches only enrolment', async () => {
      const admin = await createUser(t.ds, 'administrator', { firstName: 'Ada' });
      const { client, body } = await passwordStep(admin);
      expect(body).toMatchObject({ user: null, pending: { step: 'enrolment', methods: [], name: 'Ada administrator' } });
      const expiresIn = new Date(body.pending!.expiresAt).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan((PENDING_SESSION_MINUTES - 1) * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(PENDING_SESSION_MINUTES * 60_000);
      expect((await client.get('/api/auth/session')).body).toMatchObject({ user: null, pending: { step: 'enrolment' } });
      expect((await client.get('/api/account/factors')).body).toMatchObject({ required: true, totp: null, passkeys: [], recoveryCodes: null });
      await expectOnlyItsStep(client, ENROLMENT_ROUTES, { status: 403, code: 'ENROLMENT_REQUIRED' });
    });

    it('becomes fully signed in, with a new session cookie, once the first factor is confirmed', async () => {
      t.clock.freeze(midStep());
      const admin = await createUser(t.ds, 'administrator');
      const { client } = await passwordStep(admin);
      const halfCookie = client.cookie('ap_session');
      const started = await client.post('/api/account/factors/totp');
      expect(started.body).toMatchObject({ secret: expect.stringMatching(/^[A-Z2-7]{16,}$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//) });
      expect((started.body as { qrSvg: string }).qrSvg).toMatch(/^<svg/);

      const wrong = await client.post('/api/account/factors/totp/confirm', {
        code: '000000' === (await code((started.body as { secret: string }).secret)) ? '111111' : '000000',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ code: 'CODE_INCORRECT', fieldErrors: { code: [expect.any(String)] } });
      expect((await client.get('/api/admin/users')).status).toBe(403);

      const confirmed = await client.post('/api/account/factors/totp/confirm', { code: await code((started.body as { secret: string }).secret) });
      expect(confirmed.status).toBe(200);
      const added = confirmed.body as {
        recoveryCodes: string[];
        session: { signedIn: boolean };
        factors: { totp: unknown; recoveryCodes: { remaining: number } };
      };
      expect(added.session).toEqual({ signedIn: true });
      expect(added.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
      expect(new Set(added.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
      expect(added.factors).toMatchObject({ totp: { createdAt: expect.any(String) }, recoveryCodes: { remaining: RECOVERY_CODE_COUNT } });
      expect(client.cookie('ap_session')).not.toBe(halfCookie);
      expect((await client.get('/api/admin/users')).status).toBe(200);
      expect((await client.get('/api/auth/session')).body).toMatchObject({ user: { id: admin.id }, pending: null });

      const stale = new Client(t.app);
      stale.setCookie('ap_session', halfCookie!);
      expect((await stale.get('/api/auth/session')).body).toMatchObject({ user: null, pending: null });

      const mail = await sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('second factor was added'));
      expect(mail.text).toContain('An authenticator app was added');
      const audit = await t.ds.query("SELECT details FROM audit_log WHERE action = 'user.second_factor_added' AND subject_id = ?", [String(admin.id)]);
      expect(audit).toHaveLength(1);
      const secrets = await t.ds.query('SELECT totp_secret FROM user_factors WHERE user_id = ?', [admin.id]);
      expect(Buffer.from(secrets[0].totp_secret).toString('latin1')).not.toContain((started.body as { secret: string }).secret);
    });

    it('ends after a few minutes when nothing more is given', async () => {
      const admin = await createUser(t.ds, 'support');
      const { client } = await passwordStep(admin);
      t.clock.advance(PENDING_SESSION_MINUTES * 60_000 + 1_000);
      expect((await client.get('/api/auth/session')).body).toMatchObject({ user: null, pending: null });
      expect((await client.post('/api/account/factors/totp')).status).toBe(401);
    });
  });

  describe('signing in with an authenticator app', () => {
    it('asks for the second factor, and the half session can do nothing else', async () => {
      const { user } = await enrolled('support');
      const { client, body } = await passwordStep(user);
      expect(body).toMatchObject({ user: null, pending: { step: 'second_factor', methods: ['totp', 'recovery_code'] } });
      await expectOnlyItsStep(client, SECOND_STEP_ROUTES, { status: 401, code: 'SECOND_FACTOR_REQUIRED' });
    });

    it('takes a code of the step before or after, not two steps away, and each code once', async () => {
      const { user, secret } = await enrolled('administrator');
      const { client } = await passwordStep(user);
      for (const offset of [-2 * STEP_MS, 2 * STEP_MS]) {
        const res = await client.post('/api/auth/second-factor/totp', { code: await code(secret, offset) });
        expect({ offset, status: res.status, code: (res.body as { code?: string }).code }).toEqual({ offset, status: 400, code: 'CODE_INCORRECT' });
      }
      const earlier = await code(secret, -STEP_MS);
      expect((await client.post('/api/auth/second-factor/totp', { code: earlier })).status).toBe(200);
      expect((await client.get('/api/auth/session')).body).toMatchObject({ user: { id: user.id } });

      // the same code again, in a new sign-in within its window: refused
      const again = await passwordStep(user);
      const replay = await again.client.post('/api/auth/second-factor/totp', { code: earlier });
      expect(replay.status).toBe(400);
      // the step after the current one is inside the window
      expect((await again.client.post('/api/auth/second-factor/totp', { code: await code(secret, STEP_MS) })).status).toBe(200);
      // and once a later step was used, the current step's code is refused too
      const third = await passwordStep(user);
      expect((await third.client.post('/api/auth/second-factor/totp', { code: await code(secret) })).status).toBe(400);

      const failures = await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.second_factor_failed' AND subject_id = ?", [String(user.id)]);
      expect(Number(failures[0].n)).toBe(4);
    });

    it('limits wrong codes per account, and the right code after the limit waits too', async () => {
      const { user, secret } = await enrolled('support');
      const { client } = await passwordStep(user);
      const right = await code(secret);
      const wrongCode = right === '123456' ? '654321' : '123456';
      for (let i = 0; i < 10; i++) expect((await client.post('/api/auth/second-factor/totp', { code: wrongCode })).status).toBe(400);
      const limited = await client.post('/api/auth/second-factor/totp', { code: right });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'TOO_MANY_CODES' });
      // a stranger without the password cannot send codes at all
      const stranger = new Client(t.app);
      expect((await stranger.post('/api/auth/second-factor/totp', { code: right })).status).toBe(401);
    });

    it('takes each recovery code once', async () => {
      const { user, recoveryCodes } = await enrolled('administrator');
      const first = await passwordStep(user);
      const used = await first.client.post('/api/auth/second-factor/recovery-code', { code: recoveryCodes[0].toLowerCase() });
      expect(used.status).toBe(200);
      expect((await first.client.get('/api/account/factors')).body).toMatchObject({ recoveryCodes: { remaining: RECOVERY_CODE_COUNT - 1 } });
      const second = await passwordStep(user);
      const reused = await second.client.post('/api/auth/second-factor/recovery-code', { code: recoveryCodes[0] });
      expect(reused.status).toBe(400);
      expect(reused.body).toMatchObject({ code: 'CODE_INCORRECT' });
      expect((await second.client.post('/api/auth/second-factor/recovery-code', { code: recoveryCodes[1] })).status).toBe(200);
    });

    it('refuses a passkey answer that proves nothing, with a 400', async () => {
      const { user } = await enrolled('support');
      const { client } = await passwordStep(user);
      expect((await client.post('/api/auth/second-factor/passkey', { response: 'nonsense' })).status).toBe(400);
      const forged = await client.post('/api/auth/second-factor/passkey', { response: { id: 'abc', rawId: 'abc', type: 'public-key', response: {} } });
      expect(forged.status).toBe(400);
      expect(forged.body).toMatchObject({ code: 'CODE_INCORRECT' });
    });
  });

  describe('step-up', () => {
    it(`asks for the second factor again on the named routes once ${STEP_UP_MINUTES} minutes have passed`, async () => {
      const { user: admin, secret } = await enrolled('administrator');
      const target = await createUser(t.ds, 'centre_staff');
      const client = await signedIn(admin, secret);
      const stepUpRoutes: [string, string, unknown?][] = [
        ['POST', '/api/admin/documents/999999/reissue', { reason: 'Surname corrected' }],
        ['POST', '/api/admin/documents/999999/revoke', { reason: 'Issued in error' }],
        ['DELETE', `/api/admin/users/${target.id}`],
        ['PUT', `/api/admin/credit-accounts/${target.centreId}`, { limitPence: 1000, open: true }],
        ['POST', `/api/admin/users/${target.id}/factors/reset`],
        ['POST', '/api/account/factors/totp'],
        ['POST', '/api/account/factors/passkeys/options', {}],
        ['DELETE', '/api/account/factors/totp'],
        ['DELETE', '/api/account/factors/passkeys/999999'],
        ['POST', '/api/account/factors/recovery-codes'],
      ];
      t.clock.advance(STEP_UP_MINUTES * 60_000 + 1_000);
      for (const [method, path, body] of stepUpRoutes) {
        const res = await client.request(method, path, body);
        expect({ path, status: res.status, code: (res.body as { code?: string }).code }).toEqual({ path, status: 403, code: 'STEP_UP_REQUIRED' });
      }
      // a route without step-up goes ahead
      expect((await client.get('/api/admin/users')).status).toBe(200);

      expect((await client.post('/api/auth/second-factor/totp', { code: await code(secret) })).status).toBe(200);
      for (const [method, path, body] of stepUpRoutes.filter(([m, p]) => m !== 'DELETE' || !p.includes('/users/'))) {
        const res = await client.request(method, path, body);
        expect({ path, stepUp: (res.body as { code?: string } | null)?.code === 'STEP_UP_REQUIRED', ok: res.status < 500 }).toEqual({
          path,
          stepUp: false,
          ok: true,
        });
      }
    });

    it('lets an account without a factor (whose role needs none) go ahead', async () => {
      const staff = await createUser(t.ds, 'centre_staff');
      const { client, body } = await passwordStep(staff);
      expect(body.user).toMatchObject({ id: staff.id });
      t.clock.advance(STEP_UP_MINUTES * 60_000 + 1_000);
      expect((await client.post('/api/account/factors/totp')).status).toBe(201);
    });
  });

  describe('factors of one’s own', () => {
    it('centre staff may enrol, are then asked at sign-in, and may remove it again', async () => {
      const { user, secret, client } = await enrolled('centre_staff');
      expect((await passwordStep(user)).body.pending).toMatchObject({ step: 'second_factor' });
      const removed = await client.request('DELETE', '/api/account/factors/totp');
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ totp: null, recoveryCodes: null, required: false });
      expect((await passwordStep(user)).body).toMatchObject({ user: { id: user.id }, pending: null });
      const mail = await sink.waitFor((m) => m.to.includes(user.email) && m.subject.includes('second factor was removed'));
      expect(mail.text).toContain('An authenticator app was removed');
      expect(secret).toBeTruthy();
    });

    it('says what is missing when there is nothing to remove or to stand in for', async () => {
      const staff = await createUser(t.ds, 'centre_staff');
      const { client } = await passwordStep(staff);
      const removed = await client.request('DELETE', '/api/account/factors/totp');
      expect({ status: removed.status, code: (removed.body as { code?: string }).code }).toEqual({ status: 404, code: 'TOTP_NOT_FOUND' });
      const codes = await client.post('/api/account/factors/recovery-codes');
      expect({ status: codes.status, code: (codes.body as { code?: string }).code }).toEqual({ status: 409, code: 'NO_FACTOR' });
    });

    it('takes two authenticator-app set-ups started at once, and the later one is confirmed', async () => {
      t.clock.freeze(midStep());
      const staff = await createUser(t.ds, 'centre_staff');
      const { client } = await passwordStep(staff);
      const both = await Promise.all([client.post('/api/account/factors/totp'), client.post('/api/account/factors/totp')]);
      expect(both.map((r) => r.status)).toEqual([201, 201]);
      const { secret } = await enrolTotp(client);
      expect((await passwordStep(staff)).body.pending).toMatchObject({ step: 'second_factor' });
      expect((await client.post('/api/account/factors/totp')).body).toMatchObject({ code: 'TOTP_ALREADY_ENROLLED' });
      expect(secret).toMatch(/^[A-Z2-7]+$/);
    });

    it('an administrator cannot remove the last factor, and new recovery codes replace the old', async () => {
      const { user, recoveryCodes, client } = await enrolled('administrator');
      const last = await client.request('DELETE', '/api/account/factors/totp');
      expect(last.status).toBe(409);
      expect(last.body).toMatchObject({ code: 'LAST_FACTOR' });
      const replaced = await client.post('/api/account/factors/recovery-codes');
      expect(replaced.status).toBe(201);
      const fresh = (replaced.body as { codes: string[] }).codes;
      expect(fresh).toHaveLength(RECOVERY_CODE_COUNT);
      const half = await passwordStep(user);
      expect((await half.client.post('/api/auth/second-factor/recovery-code', { code: recoveryCodes[2] })).status).toBe(400);
      expect((await half.client.post('/api/auth/second-factor/recovery-code', { code: fresh[0] })).status).toBe(200);
      await sink.waitFor((m) => m.to.includes(user.email) && m.subject.includes('recovery codes were replaced'));
      const audit = await t.ds.query("SELECT 1 FROM audit_log WHERE action = 'user.recovery_codes_replaced' AND subject_id = ?", [String(user.id)]);
      expect(audit).toHaveLength(1);
    });
  });

  describe('reset by an administrator', () => {
    it("resets another account's factors with step-up, ends its sessions, emails and audits; never one's own", async () => {
      const { user: admin, secret } = await enrolled('administrator');
      const { user: other, secret: otherSecret } = await enrolled('support');
      const otherClient = await signedIn(other, otherSecret);
      const client = await signedIn(admin, secret);

      const listed = (await client.get('/api/admin/users?role=support')).body as { items: { id: number; secondFactor: boolean }[] };
      expect(listed.items.find((u) => u.id === other.id)).toMatchObject({ secondFactor: true });

      const own = await client.post(`/api/admin/users/${admin.id}/factors/reset`);
      expect(own.status).toBe(403);
      expect(own.body).toMatchObject({ code: 'OWN_FACTORS' });

      expect((await client.post(`/api/admin/users/${other.id}/factors/reset`)).status).toBe(204);
      expect((await otherClient.get('/api/auth/session')).body).toMatchObject({ user: null });
      expect((await passwordStep(other)).body.pending).toMatchObject({ step: 'enrolment' });
      const mail = await sink.waitFor((m) => m.to.includes(other.email) && m.subject.includes('second factors were reset'));
      expect(mail.text).toContain('At your next sign-in you will set up a new one');
      const audit = await t.ds.query("SELECT actor_user_id FROM audit_log WHERE action = 'user.second_factors_reset' AND subject_id = ?", [String(other.id)]);
      expect(audit.map((r: { actor_user_id: number }) => Number(r.actor_user_id))).toEqual([admin.id]);
      const after = (await client.get('/api/admin/users?role=support')).body as { items: { id: number; secondFactor: boolean }[] };
      expect(after.items.find((u) => u.id === other.id)).toMatchObject({ secondFactor: false });
    });

    it('is for administrators only', async () => {
      const { user: support, secret } = await enrolled('support');
      const target = await createUser(t.ds, 'centre_staff');
      const client = await signedIn(support, secret);
      expect((await client.post(`/api/admin/users/${target.id}/factors/reset`)).status).toBe(403);
    });
  });
});
