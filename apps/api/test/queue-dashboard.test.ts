import { AppConfig } from '@achievement/platform';
import { ApiClient, createUser, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

describe('queue dashboard', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent' });
    app = await createApiApp(config);
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const res = await new ApiClient(app).get('/api/admin/queues');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/sign-in?returnUrl=%2Fapi%2Fadmin%2Fqueues');
    expect((await new ApiClient(app).get('/api/admin/queues/api/queues')).status).toBe(401);
  });

  it('is for administrators only', async () => {
    const ds = app.get(DataSource);
    const support = await createUser(ds, 'support');
    const admin = await createUser(ds, 'administrator');
    const supportApi = new ApiClient(app);
    await supportApi.signIn(support.email, support.password);
    expect((await supportApi.get('/api/admin/queues/api/queues')).status).toBe(403);

    const adminApi = new ApiClient(app);
    await adminApi.signIn(admin.email, admin.password);
    const page = await adminApi.get('/api/admin/queues');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Achievement Portal queues');
    const queues = await adminApi.get('/api/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect((queues.body as { queues: { name: string }[] }).queues.map((q) => q.name)).toContain('mail');
  });
});
