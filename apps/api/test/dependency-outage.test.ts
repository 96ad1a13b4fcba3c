import { AppConfig } from '@achievement/platform';
import { ApiClient, ApiResponse, createUser, dropTestArtifacts, testConfig, TestUser } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/create-api-app';

/**
 * A TCP proxy on loopback in front of a real server (MariaDB, Redis). Cutting it closes every
 * connection through it and refuses new ones, as a server that went away; the shared server
 * itself keeps running for the other test files.
 */
class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      upstream.connect(this.targetPort, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Cuts every connection and stops listening: new connections are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe('when the database or Redis does not answer', () => {
  let config: AppConfig;
  let app: NestFastifyApplication;
  let user: TestUser;
  const database = new TcpProxy(3306);
  const redis = new TcpProxy(6379);

  beforeAll(async () => {
    await database.start();
    await redis.start();
    config = testConfig({
      WEB_DIST_DIR: '/nonexistent',
      DB_PORT: database.port,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
    app = await createApiApp(config);
    user = await createUser(app.get(DataSource), 'centre_staff');
  });

  afterAll(async () => {
    await app?.close();
    await database.start().catch(() => undefined);
    await redis.start().catch(() => undefined);
    await dropTestArtifacts(config);
    await database.cut();
    await redis.cut();
  });

  const expectUnavailable = (res: ApiResponse) => {
    expect({ status: res.status, retryAfter: res.headers['retry-after'], body: res.body }).toEqual({
      status: 503,
      retryAfter: expect.stringMatching(/^\d+$/),
      body: expect.objectContaining({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String), requestId: res.headers['x-request-id'] }),
    });
  };

  /** Waits until the api answers health 200 again (the pools reconnect by themselves). */
  async function recovered(api: ApiClient, withinMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const res = await api.get('/api/health');
      if (res.status === 200) return Date.now() - started;
      if (Date.now() - started > withinMs) throw new Error(`still ${res.status} after ${withinMs} ms: ${res.text}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('answers 503 with Retry-After while the database is away, says so at /api/health, and recovers when it is back', async () => {
    const staff = new ApiClient(app);
    await staff.signIn(user.email, user.password);
    expect((await staff.get('/api/health')).status).toBe(200);

    await database.cut();
    expectUnavailable(await new ApiClient(app).post('/api/auth/sign-in', { email: user.email, password: user.password }));
    expectUnavailable(await staff.get('/api/profile'));
    expectUnavailable(await staff.get('/api/jobs'));
    // the verification look-up, answered at the server's front door (over a real socket)
    await app.listen(0, '127.0.0.1');
    const verify = await fetch(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/verify/${'A'.repeat(32)}`);
    expectUnavailable({ status: verify.status, headers: Object.fromEntries(verify.headers), body: await verify.json(), text: '' });
    // a document's verification page (written by the server) says it could not check, as a page, with the way to try again
    const page = await fetch(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/verify/${'A'.repeat(32)}?via=code`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('10');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const pageText = await page.text();
    expect(pageText).toContain('The document could not be checked. Try again in a moment.');
    expect(pageText).toContain(`href="/verify/${'A'.repeat(32)}?via&#x3D;code">`);
    expect(pageText).not.toContain('data-testid="verify-status"');
    const health = await new ApiClient(app).get('/api/health');
    expectUnavailable(health);
    expect(health.body).toMatchObject({
      message: expect.stringContaining('database'),
      details: { database: { status: 'down' }, redis: { status: 'up' }, storage: { status: 'up' } },
    });

    await database.start();
    await recovered(staff, 15_000);
    expect((await staff.get('/api/profile')).status).toBe(200);
    expect((await new ApiClient(app).post('/api/auth/sign-in', { email: user.email, password: user.password })).status).toBe(200);
  });

  it('answers 503 while Redis is away (sessions live there), names it at /api/health, and recovers', async () => {
    const staff = new ApiClient(app);
    await staff.signIn(user.email, user.password);

    await redis.cut();
    expectUnavailable(await staff.get('/api/profile'));
    const health = await new ApiClient(app).get('/api/health'); // as a load balancer asks: no session
    expectUnavailable(health);
    expect(health.body).toMatchObject({
      message: expect.stringContaining('redis'),
      details: { database: { status: 'up' }, redis: { status: 'down' }, storage: { status: 'up' } },
    });

    await redis.start();
    await recovered(staff, 15_000);
    expect((await staff.get('/api/profile')).status).toBe(200);
  });
});
