import { AppConfig, RedisService } from '@achievement/platform';
import { ApiClient, createUser, dropTestArtifacts, testConfig, TestUser } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

describe('sessions, CSRF and role checks', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let admin: TestUser;
  let support: TestUser;
  let staff: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent' });
    app = await createApiApp(config);
    ds = app.get(DataSource);
    admin = await createUser(ds, 'administrator');
    support = await createUser(ds, 'support');
    staff = await createUser(ds, 'centre_staff');
    learner = await createUser(ds, 'learner');
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  it('signs in, tells the browser who it is, and signs out', async () => {
    const api = new ApiClient(app);
    expect((await api.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
    const signIn = await api.signIn(staff.email.toUpperCase(), staff.password);
    expect(signIn.body).toMatchObject({ user: { id: staff.id, email: staff.email, role: 'centre_staff', centre: { id: staff.centreId } } });
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/ap_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await api.get('/api/auth/session')).body).toMatchObject({ user: { id: staff.id } });
    expect((await api.post('/api/auth/sign-out')).status).toBe(204);
    expect((await api.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const unknown = await new ApiClient(app).post('/api/auth/sign-in', { email: 'nobody@example.test', password: 'whatever-it-is' });
    const wrong = await new ApiClient(app).post('/api/auth/sign-in', { email: staff.email, password: 'whatever-it-is' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect({ ...(unknown.body as object), requestId: undefined }).toEqual({ ...(wrong.body as object), requestId: undefined });
    expect(unknown.body).toMatchObject({ message: 'Email or password is incorrect.' });
  });

  it('refuses an account that is not active: a wrong password gets the usual answer, only the right one learns why', async () => {
    const pending = await createUser(ds, 'centre_staff', { status: 'awaiting_review' });
    const wrong = await new ApiClient(app).post('/api/auth/sign-in', { email: pending.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: 'Email or password is incorrect.' });
    const right = await new ApiClient(app).post('/api/auth/sign-in', { email: pending.email, password: pending.password });
    expect(right.status).toBe(403);
    expect(right.body).toMatchObject({ message: expect.stringContaining('waiting for an administrator') });
    expect(right.headers['set-cookie'] ?? '').not.toContain('ap_session');
  });

  it('gives a new session id at each sign-in and ends the old one', async () => {
    const api = new ApiClient(app);
    await api.signIn(staff.email, staff.password);
    const first = api.cookie('ap_session')!;
    await api.signIn(staff.email, staff.password);
    expect(api.cookie('ap_session')).not.toBe(first);
    const old = new ApiClient(app);
    old.setCookie('ap_session', first);
    expect((await old.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
  });

  it('refuses a write without the anti-CSRF token, or with a token of another session', async () => {
    const api = new ApiClient(app);
    await api.signIn(admin.email, admin.password);
    const missing = await api.post('/api/admin/emails/test', { to: 'x@example.test' }, { 'x-xsrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ message: expect.stringContaining('security token') });

    const other = new ApiClient(app);
    await other.signIn(admin.email, admin.password);
    const foreign = other.cookie('XSRF-TOKEN')!;
    const mixed = await api.post('/api/admin/emails/test', { to: 'x@example.test' }, { 'x-xsrf-token': foreign });
    expect(mixed.status).toBe(403);
    expect((await api.post('/api/admin/emails/test', { to: 'x@example.test' })).status).toBe(202);
  });

  it('lets each role reach only its own routes, and records what it denies', async () => {
    const anonymous = new ApiClient(app);
    expect((await anonymous.get('/api/admin/emails')).status).toBe(401);
    for (const [user, expected] of [
      [admin, 200],
      [support, 200],
      [staff, 403],
      [learner, 403],
    ] as const) {
      const api = new ApiClient(app);
      await api.signIn(user.email, user.password);
      expect({ role: user.role, status: (await api.get('/api/admin/emails')).status }).toEqual({ role: user.role, status: expected });
    }
    const supportApi = new ApiClient(app);
    await supportApi.signIn(support.email, support.password);
    expect((await supportApi.post('/api/admin/emails/test', { to: 'x@example.test' })).status).toBe(403);
    const denied = await ds.query(`SELECT actor_user_id, action, subject_id FROM audit_log WHERE action = 'access.denied' AND actor_user_id = ?`, [staff.id]);
    expect(denied).toEqual([{ actor_user_id: staff.id, action: 'access.denied', subject_id: 'GET /api/admin/emails' }]);
  });

  it('ends every session of a user at once with "sign out everywhere"', async () => {
    const laptop = new ApiClient(app);
    const phone = new ApiClient(app);
    await laptop.signIn(learner.email, learner.password);
    await phone.signIn(learner.email, learner.password);
    expect((await phone.post('/api/auth/sign-out-everywhere')).status).toBe(204);
    expect((await laptop.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
    expect((await laptop.post('/api/auth/sign-out')).status).toBe(401);
  });

  it('audits sign-ins and failures without passwords', async () => {
    const rows: { action: string; details: string | null }[] = await ds.query(
      `SELECT action, details FROM audit_log WHERE action IN ('auth.signed_in', 'auth.sign_in_failed')`,
    );
    expect(rows.some((r) => r.action === 'auth.signed_in')).toBe(true);
    expect(rows.some((r) => r.action === 'auth.sign_in_failed')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(staff.password);
    expect(JSON.stringify(rows)).not.toContain('whatever-it-is');
  });

  it('ignores a session cookie that is not one of ours', async () => {
    const api = new ApiClient(app);
    api.setCookie('ap_session', 'forged-token');
    expect((await api.get('/api/admin/emails')).status).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const api = new ApiClient(app);
    await api.signIn(staff.email, staff.password);
    // age every session in Redis past the idle timeout, as if the user had walked away
    const redis = app.get(RedisService);
    const keys = await redis.client.keys(`${redis.prefix}sess:*`);
    for (const key of keys) {
      const raw = await redis.client.get(key.slice(redis.prefix.length));
      const record = JSON.parse(raw!);
      record.lastSeenAt -= (config.SESSION_IDLE_MINUTES + 1) * 60_000;
      await redis.client.set(key.slice(redis.prefix.length), JSON.stringify(record), 'PX', 60_000);
    }
    expect((await api.get('/api/auth/session')).body).toEqual({ user: null, pending: null });
  });
});
