import { EmailDetail, EmailSummary, Page } from '@achievement/contracts';
import { AppConfig } from '@achievement/platform';
import { ApiClient, createUser, dropTestArtifacts, eventually, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

describe('Email log (no SMTP configured: emails are captured)', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let admin: ApiClient;
  let adminId: number;

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent', SMTP_URL: '' });
    app = await createApiApp(config);
    const user = await createUser(app.get(DataSource), 'administrator', { firstName: 'Ada', lastName: 'Lovelace' });
    adminId = user.id;
    admin = new ApiClient(app);
    await admin.signIn(user.email, user.password);
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  it('queues a test email and shows it captured, with its rendered body and clickable link', async () => {
    const queued = await admin.post('/api/admin/emails/test', { to: 'Check@Example.test' });
    expect(queued.status).toBe(202);
    const id = (queued.body as { id: number }).id;
    const detail = await eventually(async () => {
      const res = await admin.get(`/api/admin/emails/${id}`);
      expect((res.body as EmailDetail).status).toBe('captured');
      return res.body as EmailDetail;
    });
    expect(detail).toMatchObject({ id, to: 'Check@Example.test', template: 'test-message', subject: 'Test email from Achievement Portal', attempts: 1 });
    expect(detail.html).toContain('Ada Lovelace');
    expect(detail.html).toContain(`<a href="${config.PUBLIC_URL}/admin/emails"`);
    expect(detail.text).toContain(`${config.PUBLIC_URL}/admin/emails`);
    expect(detail.messageId).toMatch(/^<[0-9a-f]+\.\d+@localhost>$/);
  });

  it('records who sent the test email in the audit log', async () => {
    const rows = await app.get(DataSource).query(`SELECT actor_user_id, actor_role FROM audit_log WHERE action = 'email.test_sent'`);
    expect(rows).toEqual([{ actor_user_id: adminId, actor_role: 'administrator' }]);
  });

  it('lists newest first, pages with a cursor and filters by status', async () => {
    for (let i = 0; i < 3; i++) await admin.post('/api/admin/emails/test', { to: `page${i}@example.test` });
    const first = (await admin.get('/api/admin/emails?limit=2')).body as Page<EmailSummary>;
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    expect(first.nextCursor).toBe(String(first.items[1].id));
    const second = (await admin.get(`/api/admin/emails?limit=2&cursor=${first.nextCursor}`)).body as Page<EmailSummary>;
    expect(second.items.every((e) => e.id < first.items[1].id)).toBe(true);
    const none = (await admin.get('/api/admin/emails?status=failed')).body as Page<EmailSummary>;
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('answers bad input with a 4xx that says what is wrong', async () => {
    const badStatus = await admin.get('/api/admin/emails?status=lost');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body).toMatchObject({ fieldErrors: { status: [expect.stringContaining('status must be one of')] } });
    expect((await admin.get('/api/admin/emails?limit=0')).status).toBe(400);
    expect((await admin.get('/api/admin/emails?cursor=abc')).status).toBe(400);
    expect((await admin.get('/api/admin/emails/abc')).status).toBe(400);
    const missing = await admin.get('/api/admin/emails/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: 'There is no email 999999 in the Email log.' });
    const badTo = await admin.post('/api/admin/emails/test', { to: 'not-an-address' });
    expect(badTo.status).toBe(400);
    expect(badTo.body).toMatchObject({ fieldErrors: { to: ['to must be an email address'] } });
  });
});
