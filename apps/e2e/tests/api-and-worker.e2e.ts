import { createUser } from '@achievement/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { envOf, ROOT, RunningPortal, WORKER_MAIN } from '../support/running-portal';

/** Scale-out shape: an api that runs no processors, and a separate worker process that delivers the email. */
describe('api and worker as separate processes', () => {
  const portal = new RunningPortal();
  let worker: ChildProcess | undefined;
  let workerOutput = '';

  beforeAll(async () => {
    await portal.start({ RUN_WORKERS_IN_API: false, RUN_SCHEDULED_TASKS: false, SMTP_URL: '' });
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await portal.stop();
  });

  async function jsonFetch(path: string, init: RequestInit & { cookies?: string } = {}) {
    const res = await fetch(`${portal.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers ?? {}), cookie: init.cookies ?? '' },
    });
    return { status: res.status, body: await res.json().catch(() => null), setCookies: res.headers.getSetCookie() };
  }

  it('queues in the api and delivers in the worker', async () => {
    const admin = await createUser(portal.db, 'administrator');
    const first = await jsonFetch('/api/auth/session');
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(first.setCookies.join(';'))![1];
    const signIn = await jsonFetch('/api/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email: admin.email, password: admin.password }),
      headers: { 'x-xsrf-token': csrf },
      cookies: `XSRF-TOKEN=${csrf}`,
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.setCookies.map((c) => c.split(';')[0]).join('; ');
    const sessionCsrf = /XSRF-TOKEN=([^;]+)/.exec(cookies)![1];
    const queued = await jsonFetch('/api/admin/emails/test', {
      method: 'POST',
      body: JSON.stringify({ to: 'worker-check@example.test' }),
      headers: { 'x-xsrf-token': sessionCsrf },
      cookies,
    });
    expect(queued.status).toBe(202);

    // nothing delivers it while no worker runs
    await new Promise((r) => setTimeout(r, 1500));
    const [pending] = await portal.db.query('SELECT status FROM outbox_emails WHERE id = ?', [queued.body.id]);
    expect(pending.status).toBe('pending');

    worker = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env: envOf(portal.config), stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d) => (workerOutput += d));
    worker.stderr!.on('data', (d) => (workerOutput += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await portal.db.query('SELECT status, html FROM outbox_emails WHERE id = ?', [queued.body.id]);
      if (row.status === 'captured') {
        expect(row.html).toContain('Test email');
        break;
      }
      if (Date.now() > deadline) throw new Error(`The worker did not deliver the email; worker said:\n${workerOutput}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
