import 'reflect-metadata';
import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { queueUnrenderedDocuments } from '@achievement/documents';
import { AppConfig, ConfigError, dataSourceOptions, ensureDatabase, loadConfig, runMigrationsLocked } from '@achievement/platform';
import { DataSource } from 'typeorm';
import { createStaffUser, CreateUserError, MIN_PASSWORD_LENGTH, roleRefusal } from './seed/create-staff-user';
import { DEFAULT_SEED, SeedError, seedDemoData } from './seed/demo-seeder';
import { formatSeedSummary } from './seed/seed-report';
import { SEED_SIZES, SeedSize } from './seed/seed-sizes';

/**
 * Operator commands: `node dist/apps/api/apps/api/src/cli.js <command>`.
 * Reads the same environment as the api (DB_HOST, DB_NAME, …), creates the database if needed and
 * applies pending migrations before running the command.
 */

export const USAGE = `Achievement Portal command line

Usage: node dist/apps/api/apps/api/src/cli.js <command> [options]

Commands:
  seed [--size small|large] [--if-empty] [--seed N]
      Fill an empty database with demo data.
        small (default): 6 centres, ~300 learners, ~30 jobs, 1,000 documents and one
                         account per role (password demo-portal-2026; demo data only)
        large:           1,000,000 documents across 2,000 centres for benchmarks, plus
                         admin@achievement.test and bench@achievement.test (a user of the
                         largest centre)
      --if-empty  do nothing when the database already holds centres
      --seed N    another deterministic data set (default ${DEFAULT_SEED})

  create-user --role administrator|support --email E --first-name F --last-name L
      Create an active administrator or support account. The password is read from
      NEW_USER_PASSWORD (at least ${MIN_PASSWORD_LENGTH} characters) or generated and printed once.

  help
      Show this text.

The database settings come from the environment (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME).`;

export type CliCommand =
  | { name: 'help' }
  | { name: 'seed'; size: SeedSize; ifEmpty: boolean; seed: number }
  | { name: 'create-user'; role: string; email: string; firstName: string; lastName: string };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options as `--name value`, `--name=value` or a bare `--flag`. */
function readOptions(args: string[], valued: readonly string[], flags: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`Unexpected argument "${arg}"`);
    const [, name, inline] = m;
    if (flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      out.set(name, 'true');
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      out.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name}`);
    }
  }
  return out;
}

export function parseArgs(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'seed': {
      const o = readOptions(rest, ['size', 'seed'], ['if-empty']);
      const size = o.get('size') ?? 'small';
      if (!(SEED_SIZES as readonly string[]).includes(size)) throw new UsageError(`--size must be small or large, not "${size}"`);
      const seedText = o.get('seed') ?? String(DEFAULT_SEED);
      if (!/^\d{1,9}$/.test(seedText)) throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
      return { name: 'seed', size: size as SeedSize, ifEmpty: o.has('if-empty'), seed: Number(seedText) };
    }
    case 'create-user': {
      const o = readOptions(rest, ['role', 'email', 'first-name', 'last-name'], []);
      const missing = ['role', 'email', 'first-name', 'last-name'].filter((k) => !o.get(k)?.trim());
      if (missing.length > 0) throw new UsageError(`create-user needs ${missing.map((m) => `--${m}`).join(', ')}`);
      return { name: 'create-user', role: o.get('role')!, email: o.get('email')!, firstName: o.get('first-name')!, lastName: o.get('last-name')! };
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function run(command: Exclude<CliCommand, { name: 'help' }>, dataSource: DataSource, config: AppConfig): Promise<void> {
  if (command.name === 'seed') {
    const summary = await seedDemoData(dataSource, {
      size: command.size,
      ifEmpty: command.ifEmpty,
      seed: command.seed,
      log: (line) => console.log(line),
    });
    console.log(formatSeedSummary(summary));
    if (command.size === 'small' && !summary.skipped) {
      // the demo's PDFs are rendered by the worker (or the api's in-process processors) from the render queue
      const queued = await queueUnrenderedDocuments(dataSource, config);
      console.log(`Queued ${queued.toLocaleString('en-GB')} documents for rendering; they are rendered as soon as a worker (or \`npm start\`) runs.`);
    }
    return;
  }
  const created = await createStaffUser(dataSource, {
    role: command.role,
    email: command.email,
    firstName: command.firstName,
    lastName: command.lastName,
    password: process.env.NEW_USER_PASSWORD || undefined,
  });
  console.log(`Created the active ${created.role} account ${created.email} (user id ${created.id}).`);
  if (created.generatedPassword) {
    console.log(`Password (shown once, not stored anywhere; change it after signing in): ${created.generatedPassword}`);
  } else {
    console.log('Password: the one given in NEW_USER_PASSWORD.');
  }
}

export async function main(argv: string[]): Promise<number> {
  let command: CliCommand;
  try {
    command = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return 1;
  }
  if (command.name === 'help') {
    console.log(USAGE);
    return 0;
  }
  const refusal = command.name === 'create-user' ? roleRefusal(command.role) : null;
  if (refusal) {
    console.error(refusal); // before touching the database
    return 1;
  }

  let dataSource: DataSource | undefined;
  try {
    const config = loadConfig();
    if (command.name === 'seed') console.log(`Seeding the ${command.size} data set into ${config.DB_NAME} on ${config.DB_HOST}:${config.DB_PORT}…`);
    dataSource = new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS));
    await ensureDatabase(config);
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
    await run(command, dataSource, config);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SeedError || err instanceof CreateUserError) {
      console.error(err.message);
    } else {
      console.error(`${command.name} failed:`, err);
    }
    return 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
