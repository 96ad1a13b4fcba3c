import { testConfig, dropTestArtifacts } from '@achievement/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { envOf, freePort, ROOT } from '../support/running-portal';

/** `npm start` on an empty database: builds nothing that is current, seeds the demo, serves the portal and says how to sign in. */
describe('npm start', () => {
  let proc: ChildProcess | undefined;
  let output = '';
  const config = testConfig({ WEB_DIST_DIR: join(ROOT, 'dist/apps'), LOG_LEVEL: 'warn' });

  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc!.once('exit', r));
      process.kill(-proc.pid!, 'SIGTERM'); // the whole group: a build or the api it started
      await exited;
    }
    await dropTestArtifacts(config);
  });

  it('serves the portal with demo data and prints the address and the demo sign-ins', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    proc = spawn(process.execPath, [join(ROOT, 'scripts/start.js')], {
      cwd: ROOT,
      env: { ...envOf(config), PORT: String(port), PUBLIC_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes(`listening on ${url}`)) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not serve the portal in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(output).toContain('The api and the worker are up to date.');
    expect(output).toMatch(/admin@achievement\.test\s+demo-portal-2026\s+administrator/);
    expect(output).toMatch(/centre@achievement\.test\s+demo-portal-2026\s+centre_staff\s+C\d+/);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<ap-root');
    expect((await fetch(`${url}/admin-remote/remoteEntry.json`)).status).toBe(200);

    const first = await fetch(`${url}/api/auth/session`);
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(first.headers.getSetCookie().join(';'))![1];
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie: `XSRF-TOKEN=${csrf}` },
      body: JSON.stringify({ email: 'centre@achievement.test', password: 'demo-portal-2026' }),
    });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ user: { role: 'centre_staff', centre: { number: expect.stringMatching(/^C\d+$/) } } });
  });
});
