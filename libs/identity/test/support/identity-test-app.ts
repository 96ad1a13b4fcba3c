import { AppConfig, Clock } from '@achievement/platform';
import { ApiClient, ApiResponse, dropTestArtifacts, testConfig } from '@achievement/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../../apps/api/src/create-api-app';

/** The clock every service reads; a test moves it forward to expire links. */
export class MovableClock extends Clock {
  offsetMs = 0;
  /** set by freeze(): time stands still (moved only by advance) */
  private frozenAt: number | null = null;
  now(): Date {
    return new Date((this.frozenAt ?? Date.now()) + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** Stops the clock at `at`, for checks that must not straddle a 30-second step. */
  freeze(at: Date): void {
    this.frozenAt = at.getTime();
    this.offsetMs = 0;
  }
  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}

export interface IdentityTestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  config: AppConfig;
  clock: MovableClock;
  close(): Promise<void>;
}

/**
 * The api as it runs (createApiApp), with a movable clock, its own database and Redis prefix. TRUST_PROXY is on so each test
 * client can come from its own address (X-Forwarded-For), as behind the production proxy.
 */
export async function startIdentityApp(overrides: Partial<Record<keyof AppConfig, unknown>> = {}): Promise<IdentityTestApp> {
  const config = testConfig({ WEB_DIST_DIR: '/nonexistent', TRUST_PROXY: 'true', ...overrides });
  const clock = new MovableClock();
  const app = await createApiApp(config, { clock });
  return {
    app,
    ds: app.get(DataSource),
    config,
    clock,
    close: async () => {
      await app.close();
      await dropTestArtifacts(config);
    },
  };
}

let lastAddress = 0;
/** A fresh client address for each client, so per-address limits of one test do not touch another. */
export function nextAddress(): string {
  lastAddress++;
  return `10.${(lastAddress >> 16) & 255}.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

/** A browser at a client address of its own (X-Forwarded-For, trusted in these tests). */
export class Client extends ApiClient {
  constructor(
    app: NestFastifyApplication,
    public address = nextAddress(),
  ) {
    super(app);
  }

  override request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return super.request<T>(method, url, body, { 'x-forwarded-for': this.address, ...headers });
  }

  patch(url: string, body?: unknown): Promise<ApiResponse<any>> {
    return this.request('PATCH', url, body);
  }

  delete(url: string): Promise<ApiResponse<any>> {
    return this.request('DELETE', url);
  }
}

/** An answer without its request id, to compare two answers. */
export function withoutRequestId(res: ApiResponse): { status: number; body: unknown } {
  const body = res.body && typeof res.body === 'object' ? { ...(res.body as object), requestId: undefined } : res.body;
  return { status: res.status, body };
}

/** A contact record held for a centre; returns its id. */
export async function createContact(
  ds: DataSource,
  centreId: number,
  c: { firstName: string; lastName: string; email: string; dateOfBirth: string },
): Promise<number> {
  const result = await ds.query(
    'INSERT INTO centre_contacts (centre_id, first_name, last_name, email, date_of_birth, created_at) VALUES (?, ?, ?, ?, ?, NOW(3))',
    [centreId, c.firstName, c.lastName, c.email, c.dateOfBirth],
  );
  return Number(result.insertId);
}

/** The token of the first link to `page` in an email's text. */
export function tokenIn(text: string, page: 'verify-email' | 'reset-password'): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`No ${page} link in: ${text}`);
  return match[1];
}

/** Emails written to the outbox for an address (delivered, captured or still pending). */
export async function outboxFor(ds: DataSource, to: string): Promise<{ template: string; text_body: string | null; data: Record<string, unknown> }[]> {
  const rows = await ds.query('SELECT template, text_body, data FROM outbox_emails WHERE to_address = ? ORDER BY id', [to]);
  return rows.map((r: { template: string; text_body: string | null; data: unknown }) => ({
    ...r,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
  }));
}

export const PASSWORD = 'violet-harbour-lantern-47';
