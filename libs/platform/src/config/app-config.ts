import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value; // left as a string so @IsBoolean reports it
};
const toInt = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  return /^-?\d+$/.test(String(value).trim()) ? Number(value) : value;
};

/** The built-in sandbox gateway's secrets: printed here, so good for development and tests only (production refuses them). */
export const SANDBOX_OPAYO_ENCRYPTION_PASSWORD = 'SandboxCrypt2026';
export const SANDBOX_OPAYO_REPORTING_USER = 'sandboxreporter';
export const SANDBOX_OPAYO_REPORTING_PASSWORD = 'SandboxReporting2026';
/** The built-in key of the sign-in device cookies: printed here, so good for development and tests only (production must refuse it). */
export const DEVELOPMENT_DEVICE_COOKIE_SECRET = 'development-device-cookie-secret-not-for-production';
/** The built-in key that encrypts authenticator-app secrets at rest: for development and tests only (production refuses it). */
export const DEVELOPMENT_SECOND_FACTOR_KEY = 'development-second-factor-key-not-for-production';

/**
 * Every setting of the portal, read once from the environment at start and validated.
 * Defaults work on a development machine with no configuration at all.
 * Property names are the environment variable names, so an error names the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The address people use to reach the portal: links in emails and QR codes start with it. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(1)
  DB_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  @MinLength(1)
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'DB_NAME must be 1-64 letters, digits or underscores' })
  DB_NAME = 'achievement_portal';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:port' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Every Redis key of this deployment starts with it, so several deployments (or test files) can share one Redis. */
  @Matches(/^[A-Za-z0-9_:-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, _ : or -' })
  REDIS_PREFIX = 'ap';

  /** Where PDFs and zips are kept (local-disk storage driver). */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = './var/files';

  /** SMTP server, e.g. smtp://user:pass@mail.example.org:587. Empty: emails are captured and shown in the Email log. */
  @IsOptional()
  @Matches(/^(smtps?:\/\/.+)?$/, { message: 'SMTP_URL must be empty or look like smtp://host:port' })
  SMTP_URL = '';

  @IsString()
  @Matches(/^(.+<)?[^<>\s@]+@[^<>\s@]+(>)?$/, { message: 'MAIL_FROM must be an email address, optionally as "Name <address>"' })
  MAIL_FROM = 'Achievement Portal <no-reply@achievement.test>';

  @IsEmail({ require_tld: false }, { message: 'SERVICES_TEAM_EMAIL must be an email address' })
  SERVICES_TEAM_EMAIL = 'centre.services@achievement.test';

  /** The Centres Hub's Enquiry Form, where the Support page sends people who need help. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'CENTRES_HUB_ENQUIRY_URL must be an http(s) address' })
  CENTRES_HUB_ENQUIRY_URL = 'https://centres-hub.achievement.test/enquiry';

  /** Run the queue processors and scheduled tasks inside the api process too (one-process start). */
  @Transform(toBool)
  @IsBoolean()
  RUN_WORKERS_IN_API = true;

  /** Scheduled tasks (reconciler, purges) run only where this is on. */
  @Transform(toBool)
  @IsBoolean()
  RUN_SCHEDULED_TASKS = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Secure cookies with the __Host- prefix. Off only for plain-http local development. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /**
   * The HMAC key of the device cookies of sign-in (a device the owner signed in from is not locked out by failures from
   * elsewhere). At least 32 characters; the built-in value is for development only.
   */
  @IsString()
  @MinLength(32, { message: 'DEVICE_COOKIE_SECRET must be at least 32 characters' })
  DEVICE_COOKIE_SECRET = DEVELOPMENT_DEVICE_COOKIE_SECRET;

  /**
   * The key that encrypts authenticator-app (TOTP) secrets in the database (AES-256-GCM; the key is
   * derived from this text). At least 32 characters; the built-in value is for development only.
   * Changing it makes every enrolled authenticator app unreadable: its owners use a passkey or a
   * recovery code, or an administrator resets their factors.
   */
  @IsString()
  @MinLength(32, { message: 'SECOND_FACTOR_KEY must be at least 32 characters' })
  SECOND_FACTOR_KEY = DEVELOPMENT_SECOND_FACTOR_KEY;

  /**
   * The roles that must use a second factor: they enrol one at their next sign-in, before they can
   * see anything else. A comma list of roles; "none" for nobody (a test of another journey, or a demo).
   */
  @Matches(/^(none|((centre_staff|administrator|support|learner|third_party)(\s*,\s*(centre_staff|administrator|support|learner|third_party))*))$/, {
    message: 'SECOND_FACTOR_ROLES must be "none" or a comma list of roles (centre_staff, administrator, support, learner, third_party)',
  })
  SECOND_FACTOR_ROLES = 'administrator,support';

  /** Trusted reverse proxies for the client address: "false", "true" (all), a hop count, or a comma list of addresses/CIDRs. */
  @Matches(/^(false|true|\d+|[0-9a-fA-F.:/,\s]+)$/, { message: 'TRUST_PROXY must be false, true, a hop count or a list of addresses' })
  TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Where the built Angular apps are (portal in ./portal/browser, admin remote in ./admin/browser). */
  @IsString()
  WEB_DIST_DIR = './dist/apps';

  /** Requests per minute per client address across the API (Redis-backed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_PER_MINUTE = 600;

  /** A card order not paid within this many hours (of its checkout or its last payment attempt) expires; its basket is kept. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  UNPAID_ORDER_EXPIRY_HOURS = 24;

  /** The card gateway (Opayo Form): the vendor name Opayo gave. */
  @Matches(/^[A-Za-z0-9]{1,15}$/, { message: 'OPAYO_VENDOR must be 1-15 letters or digits' })
  OPAYO_VENDOR = 'achievementdemo';

  /** The Form integration's encryption password (16 characters: the AES-128 key and IV of the Crypt field). */
  @Matches(/^.{16}$/, { message: 'OPAYO_ENCRYPTION_PASSWORD must be exactly 16 characters' })
  OPAYO_ENCRYPTION_PASSWORD = SANDBOX_OPAYO_ENCRYPTION_PASSWORD;

  /** Where the browser posts the payment form; empty: the built-in sandbox gateway (/api/sandbox/opayo/vspform-register.vsp). */
  @ValidateIf((o: AppConfig) => o.OPAYO_FORM_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OPAYO_FORM_URL must be empty or a URL' })
  OPAYO_FORM_URL = '';

  /**
   * Opayo's Reporting & Admin API (vspaccess), where each answer that comes back through the browser
   * is confirmed before an order is paid, e.g. https://sandbox.opayo.eu.elavon.com/access/access.htm.
   * Empty: the built-in sandbox gateway's (/api/sandbox/opayo/access/access.htm).
   */
  @ValidateIf((o: AppConfig) => o.OPAYO_REPORTING_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OPAYO_REPORTING_URL must be empty or a URL' })
  OPAYO_REPORTING_URL = '';

  /** The reporting user (a MySagePay / Opayo user with reporting rights) that signs the look-ups. */
  @Matches(/^[A-Za-z0-9._@-]{1,40}$/, { message: 'OPAYO_REPORTING_USER must be 1-40 letters, digits or . _ @ -' })
  OPAYO_REPORTING_USER = SANDBOX_OPAYO_REPORTING_USER;

  /** That user's password: the look-ups' MD5 signature is made with it. */
  @IsString()
  @MinLength(8, { message: 'OPAYO_REPORTING_PASSWORD must be at least 8 characters' })
  OPAYO_REPORTING_PASSWORD = SANDBOX_OPAYO_REPORTING_PASSWORD;

  /** Serve the sandbox card gateway (test cards only). Off by default in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  OPAYO_SANDBOX?: boolean;

  get opayoSandbox(): boolean {
    return this.OPAYO_SANDBOX ?? this.NODE_ENV !== 'production';
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV === 'production';
  }

  /** The roles of SECOND_FACTOR_ROLES, as a list. */
  get secondFactorRoles(): string[] {
    return this.SECOND_FACTOR_ROLES === 'none' ? [] : this.SECOND_FACTOR_ROLES.split(',').map((r) => r.trim());
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
