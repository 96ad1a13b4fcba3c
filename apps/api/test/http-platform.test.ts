import { AppConfig } from '@achievement/platform';
import { ApiClient, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../src/create-api-app';

describe('HTTP platform', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let api: ApiClient;

  beforeAll(async () => {
    config = testConfig({ WEB_DIST_DIR: '/nonexistent' });
    app = await createApiApp(config);
    api = new ApiClient(app);
  });

  afterAll(async () => {
    await app?.close();
    await dropTestArtifacts(config);
  });

  it('creates its database and applies every migration at start', async () => {
    const api2 = await api.get('/api/health');
    expect(api2.status).toBe(200);
    expect(api2.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('tells anyone how to contact the body, from configuration (the Support page)', async () => {
    const res = await api.get('/api/support');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enquiryFormUrl: config.CENTRES_HUB_ENQUIRY_URL, servicesTeamEmail: config.SERVICES_TEAM_EMAIL });
    expect(config.CENTRES_HUB_ENQUIRY_URL).toMatch(/^https:\/\//);
  });

  it('answers an unknown route with the one error shape and a request id', async () => {
    const res = await api.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), code: 'NOT_FOUND', requestId: res.headers['x-request-id'] });
  });

  it('keeps a well-formed request id from a proxy and replaces a malformed one', async () => {
    expect((await api.get('/api/health', { 'x-request-id': 'proxy-id-12345' })).headers['x-request-id']).toBe('proxy-id-12345');
    expect((await api.get('/api/health', { 'x-request-id': '<script>' })).headers['x-request-id']).not.toBe('<script>');
  });

  it('rejects unknown fields with a field-level message', async () => {
    const res = await api.post('/api/auth/sign-in', { email: 'a@example.test', password: 'x', role: 'administrator' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fieldErrors: { role: ['role is not a field this request accepts'] } });
  });

  it('answers a body that is not JSON with a 400 in the same shape, not a 500', async () => {
    const res = await api.post('/api/auth/sign-in', '{"email": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON.' });
  });

  it('answers a JSON array where an object belongs with a 400 that says so', async () => {
    const res = await api.post('/api/auth/sign-in', [{ email: 'a@example.test', password: 'x' }]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'The request body must be a JSON object.' });
  });

  it('answers a body that is too large with a 413', async () => {
    const res = await api.post('/api/auth/sign-in', JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(9 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: 'The request body is too large.' });
  });

  it('sends the security headers and no-store on API answers', async () => {
    const res = await api.get('/api/auth/session');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('publishes the OpenAPI document built from the controllers', async () => {
    const res = await api.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/admin/emails', '/api/admin/emails/{id}']));
    expect((await api.get('/api/docs')).status).toBe(200);
  });

  it('limits requests per client address, backed by Redis', async () => {
    const limited = testConfig({ RATE_LIMIT_PER_MINUTE: 5, WEB_DIST_DIR: '/nonexistent' });
    const small = await createApiApp(limited);
    try {
      const client = new ApiClient(small);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await client.get('/api/auth/session')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses[6]).toBe(429);
      const res = await client.get('/api/auth/session');
      expect(res.body).toMatchObject({ statusCode: 429, message: 'Too many requests. Wait a minute and try again.' });
    } finally {
      await small.close();
      await dropTestArtifacts(limited);
    }
  });

  it('ignores a forged X-Forwarded-For unless a proxy is trusted', async () => {
    const limited = testConfig({ RATE_LIMIT_PER_MINUTE: 3, WEB_DIST_DIR: '/nonexistent' });
    const small = await createApiApp(limited);
    try {
      const client = new ApiClient(small);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.get('/api/auth/session', { 'x-forwarded-for': `10.0.0.${i}` })).status);
      expect(statuses[4]).toBe(429);
    } finally {
      await small.close();
      await dropTestArtifacts(limited);
    }
  });
});
