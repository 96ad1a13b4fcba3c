import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { productionProblems } from './production-safety';

const KNOWN = new Set(Object.keys(new AppConfig()).concat('COOKIE_SECURE', 'OPAYO_SANDBOX'));

/**
 * Reads the settings from an environment (process.env by default), applies defaults and
 * validates them. Throws ConfigError naming every bad variable and the value it had, and, in
 * production, every built-in development secret or sandbox setting still in use.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of KNOWN) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  Object.assign(raw, overrides);
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  // production also refuses the built-in development secrets and the sandbox gateway
  const problems = [...errors.map((e) => describe(e, raw)), ...productionProblems(config, raw)];
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const messages = Object.values(error.constraints ?? {}).join('; ');
  const given = raw[error.property];
  const shown = given === undefined ? 'not set' : `got ${JSON.stringify(redact(error.property, given))}`;
  return `${error.property}: ${messages} (${shown})`;
}

function redact(name: string, value: unknown): unknown {
  if (/PASSWORD|SECRET|KEY/.test(name)) return '***';
  if (typeof value === 'string' && /:\/\/[^/]*:[^@/]*@/.test(value)) return value.replace(/:\/\/([^:/]*):[^@/]*@/, '://$1:***@');
  return value;
}
