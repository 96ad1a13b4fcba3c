import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';

const KNOWN = new Set(Object.keys(new AppConfig()).concat('COOKIE_SECURE', 'OPAYO_SANDBOX'));

/**
 * Reads the settings from an environment (process.env by default), applies defaults and
 * validates them. Throws ConfigError naming every bad variable and the value it had.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of KNOWN) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  Object.assign(raw, overrides);
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((e) => describe(e, raw)));
  }
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
