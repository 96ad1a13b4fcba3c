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
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
  });
});
