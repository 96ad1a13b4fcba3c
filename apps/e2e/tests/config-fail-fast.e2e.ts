import { spawnSync } from 'node:child_process';
import { API_MAIN, ROOT, WORKER_MAIN } from '../support/running-portal';

function startWith(main: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('a bad configuration stops the process at once', () => {
  it('the api names the variable, the rule and the value, and exits 1 without listening', () => {
    const started = Date.now();
    const result = startWith(API_MAIN, { PORT: 'eighty', DB_PORT: '3306x' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(result.stderr).toMatch(/DB_PORT: .*\(got "3306x"\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('production refuses to start with the sandbox key and gateway, and says which setting and why', () => {
    const result = startWith(API_MAIN, { NODE_ENV: 'production', DB_PASSWORD: 'db-secret', OPAYO_SANDBOX: 'true' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/OPAYO_ENCRYPTION_PASSWORD: production refuses the built-in sandbox encryption key: .*forge a "paid" answer/);
    expect(result.stderr).toMatch(/OPAYO_SANDBOX: production refuses the sandbox card gateway/);
    expect(result.stderr).toMatch(/OPAYO_FORM_URL: production needs Opayo's registration URL/);
    expect(result.stderr).toMatch(/OPAYO_REPORTING_PASSWORD: production refuses the built-in sandbox reporting password/);
    expect(result.stderr).toMatch(/DEVICE_COOKIE_SECRET: production refuses the built-in development key of the sign-in device cookies/);
    expect(result.stderr).not.toContain('SandboxCrypt2026');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('the worker does the same', () => {
    const result = startWith(WORKER_MAIN, { REDIS_URL: 'localhost:6379', SMTP_URL: 'http://mail.example.org' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/REDIS_URL: REDIS_URL must look like redis:\/\/host:port \(got "localhost:6379"\)/);
    expect(result.stderr).toMatch(/SMTP_URL: /);
  });
});
