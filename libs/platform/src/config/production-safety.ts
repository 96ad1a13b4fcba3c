import {
  AppConfig,
  DEVELOPMENT_DEVICE_COOKIE_SECRET,
  DEVELOPMENT_SECOND_FACTOR_KEY,
  SANDBOX_OPAYO_ENCRYPTION_PASSWORD,
  SANDBOX_OPAYO_REPORTING_PASSWORD,
  SANDBOX_OPAYO_REPORTING_USER,
} from './app-config';

/**
 * What production refuses to start with: a built-in development secret or the sandbox gateway.
 * Each problem names the setting and says why, in the ConfigError's "NAME: rule (value)" form.
 * The built-in secrets are printed in the source code, so anyone can use them: with the sandbox's
 * encryption key anyone could encrypt a "paid" answer for their own order.
 */
export function productionProblems(config: AppConfig, raw: Record<string, unknown>): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const shown = (name: string) =>
    raw[name] === undefined || raw[name] === '' ? 'not set' : /PASSWORD/.test(name) ? 'got "***"' : `got ${JSON.stringify(raw[name])}`;
  const refuse = (name: string, why: string) => problems.push(`${name}: ${why} (${shown(name)})`);

  if (config.OPAYO_ENCRYPTION_PASSWORD === SANDBOX_OPAYO_ENCRYPTION_PASSWORD) {
    refuse(
      'OPAYO_ENCRYPTION_PASSWORD',
      'production refuses the built-in sandbox encryption key: it is in the source code, so anyone could forge a "paid" answer with it; set the Form encryption password Opayo gave you',
    );
  }
  if (config.opayoSandbox) {
    refuse(
      'OPAYO_SANDBOX',
      'production refuses the sandbox card gateway: it takes test cards and its answers pay orders without taking any money; leave it unset or set it to false',
    );
  }
  if (!config.OPAYO_FORM_URL) {
    refuse('OPAYO_FORM_URL', "production needs Opayo's registration URL: empty means the built-in sandbox gateway, which takes no money");
  }
  if (!config.OPAYO_REPORTING_URL) {
    refuse(
      'OPAYO_REPORTING_URL',
      "production needs Opayo's Reporting API URL: empty means the built-in sandbox's, so payments could not be confirmed with Opayo",
    );
  }
  if (config.OPAYO_REPORTING_USER === SANDBOX_OPAYO_REPORTING_USER) {
    refuse('OPAYO_REPORTING_USER', 'production refuses the built-in sandbox reporting user; set the Opayo reporting user that confirms payments');
  }
  if (config.OPAYO_REPORTING_PASSWORD === SANDBOX_OPAYO_REPORTING_PASSWORD) {
    refuse(
      'OPAYO_REPORTING_PASSWORD',
      "production refuses the built-in sandbox reporting password: it is in the source code; set the Opayo reporting user's password",
    );
  }
  if (config.DEVICE_COOKIE_SECRET === DEVELOPMENT_DEVICE_COOKIE_SECRET) {
    refuse(
      'DEVICE_COOKIE_SECRET',
      'production refuses the built-in development key of the sign-in device cookies: it is in the source code, so anyone could forge a trusted device; set at least 32 random characters',
    );
  }
  if (config.SECOND_FACTOR_KEY === DEVELOPMENT_SECOND_FACTOR_KEY) {
    refuse(
      'SECOND_FACTOR_KEY',
      'production refuses the built-in development key of the authenticator-app secrets: it is in the source code, so a database copy would give away every second factor; set at least 32 random characters',
    );
  }
  if (!config.secondFactorRoles.includes('administrator') || !config.secondFactorRoles.includes('support')) {
    refuse(
      'SECOND_FACTOR_ROLES',
      'production requires a second factor of administrators and support, who can revoke and reissue documents; keep administrator and support in the list',
    );
  }
  if (config.DB_PASSWORD === '') {
    refuse('DB_PASSWORD', 'production refuses the development default of a database user without a password; set the password of the database user');
  }
  return problems;
}
