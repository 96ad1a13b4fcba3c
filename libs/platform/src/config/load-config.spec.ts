import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('works with no configuration at all, with defaults for this machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DB_HOST).toBe('127.0.0.1');
    expect(config.DB_USER).toBe('root');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.STORAGE_DIR).toBe('./var/files');
    expect(config.SMTP_URL).toBe('');
    expect(config.cookieSecure).toBe(false);
  });

  it('converts numbers and booleans from their text form', () => {
    const config = loadConfig({ PORT: '8080', RUN_WORKERS_IN_API: 'false', COOKIE_SECURE: 'yes' });
    expect(config.PORT).toBe(8080);
    expect(config.RUN_WORKERS_IN_API).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  it('names the variable, the rule and the bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*(integer|number).*\(got "eighty"\)/);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '70000', REDIS_URL: 'localhost:6379', NODE_ENV: 'staging', RUN_WORKERS_IN_API: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual(['NODE_ENV', 'PORT', 'REDIS_URL', 'RUN_WORKERS_IN_API']);
    }
  });

  it('never prints a password, even inside a URL', () => {
    try {
      loadConfig({ SMTP_URL: 'ftp://mailer:s3cret@mail.example.org', DB_NAME: 'bad name!' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).toContain('SMTP_URL');
      expect((err as Error).message).not.toContain('s3cret');
      expect((err as Error).message).toContain('DB_NAME');
    }
  });

  it('defaults to secure cookies in production', () => {
    expect(loadConfig(PRODUCTION).cookieSecure).toBe(true);
  });

  it('starts in production with real gateway settings and secrets, the sandbox off', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.opayoSandbox).toBe(false);
    expect(config.OPAYO_REPORTING_URL).toBe(PRODUCTION.OPAYO_REPORTING_URL);
  });

  it('refuses to start in production with the sandbox encryption key, naming the setting and why', () => {
    const env = { ...PRODUCTION, OPAYO_ENCRYPTION_PASSWORD: undefined };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /OPAYO_ENCRYPTION_PASSWORD: production refuses the built-in sandbox encryption key: .*forge a "paid" answer.* \(not set\)/,
    );
    // the key given explicitly is refused too, and never printed
    const explicit = { ...PRODUCTION, OPAYO_ENCRYPTION_PASSWORD: 'SandboxCrypt2026' };
    expect(() => loadConfig(explicit)).toThrow(/OPAYO_ENCRYPTION_PASSWORD: .*\(got "\*\*\*"\)/);
    expect(() => loadConfig(explicit)).not.toThrow(/SandboxCrypt2026/);
  });

  it('refuses to start in production with the sandbox gateway, and names each setting', () => {
    expect(() => loadConfig({ ...PRODUCTION, OPAYO_SANDBOX: 'true' })).toThrow(/OPAYO_SANDBOX: production refuses the sandbox card gateway/);
    expect(() => loadConfig({ ...PRODUCTION, OPAYO_FORM_URL: '' })).toThrow(
      /OPAYO_FORM_URL: production needs Opayo's registration URL: empty means the built-in sandbox/,
    );
    expect(() => loadConfig({ ...PRODUCTION, OPAYO_REPORTING_URL: undefined })).toThrow(/OPAYO_REPORTING_URL: production needs/);
  });

  it('refuses every built-in development secret in production at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual([
        'DB_PASSWORD',
        'DEVICE_COOKIE_SECRET',
        'OPAYO_ENCRYPTION_PASSWORD',
        'OPAYO_FORM_URL',
        'OPAYO_REPORTING_PASSWORD',
        'OPAYO_REPORTING_URL',
        'OPAYO_REPORTING_USER',
        'SECOND_FACTOR_KEY',
      ]);
    }
  });

  it('refuses production without a second factor for administrators and support', () => {
    expect(() => loadConfig(PRODUCTION)).not.toThrow();
    expect(() => loadConfig({ ...PRODUCTION, SECOND_FACTOR_ROLES: 'none' })).toThrow(
      /SECOND_FACTOR_ROLES: production requires a second factor of administrators and support/,
    );
    expect(() => loadConfig({ ...PRODUCTION, SECOND_FACTOR_ROLES: 'administrator' })).toThrow(/SECOND_FACTOR_ROLES/);
    expect(loadConfig({ ...PRODUCTION, SECOND_FACTOR_ROLES: 'administrator, support, centre_staff' }).secondFactorRoles).toEqual([
      'administrator',
      'support',
      'centre_staff',
    ]);
    expect(() => loadConfig({ NODE_ENV: 'test', SECOND_FACTOR_ROLES: 'admins' })).toThrow(/SECOND_FACTOR_ROLES must be "none" or a comma list of roles/);
  });

  it('keeps the sandbox and its built-in secrets outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig({ NODE_ENV });
      expect(config.opayoSandbox).toBe(true);
      expect(config.OPAYO_ENCRYPTION_PASSWORD).toBe('SandboxCrypt2026');
    }
  });
});

/** A production environment with every secret set and the real gateway. */
const PRODUCTION: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  DB_PASSWORD: 'db-secret-of-production',
  OPAYO_ENCRYPTION_PASSWORD: 'Pr0ductionKey16!',
  OPAYO_FORM_URL: 'https://live.opayo.eu.elavon.com/gateway/service/vspform-register.vsp',
  OPAYO_REPORTING_URL: 'https://live.opayo.eu.elavon.com/access/access.htm',
  OPAYO_REPORTING_USER: 'portalreports',
  OPAYO_REPORTING_PASSWORD: 'reporting-secret-of-production',
  DEVICE_COOKIE_SECRET: 'device-cookie-secret-of-production-0123456789',
  SECOND_FACTOR_KEY: 'second-factor-key-of-production-0123456789',
};
