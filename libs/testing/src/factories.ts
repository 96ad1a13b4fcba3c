import { Role } from '@achievement/contracts';
import { hashPassword } from '@achievement/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'correct-horse-battery-9';
let passwordHash: Promise<string> | undefined;

function unique(): string {
  return randomBytes(4).toString('hex');
}

/** A centre with believable details; returns its id. */
export async function createCentre(ds: DataSource, overrides: Partial<{ number: string; name: string; centralEmail: string }> = {}): Promise<number> {
  const u = unique();
  const now = new Date();
  const result = await ds.query(
    `INSERT INTO centres (number, name, central_email, address_line1, town, postcode, country, created_at, updated_at)
     VALUES (?, ?, ?, '1 High Street', 'Leeds', 'LS1 1AA', 'GB', ?, ?)`,
    [overrides.number ?? `C${u.slice(0, 6)}`, overrides.name ?? `Test Centre ${u}`, overrides.centralEmail ?? `centre-${u}@example.test`, now, now],
  );
  return Number(result.insertId);
}

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
  centreId: number | null;
}

/** An active, verified user of the given role (centre staff get a centre of their own unless one is given). */
export async function createUser(
  ds: DataSource,
  role: Role,
  overrides: Partial<{ email: string; centreId: number | null; firstName: string; lastName: string; status: string }> = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = (overrides.email ?? `${role}-${unique()}@example.test`).toLowerCase();
  const centreId = overrides.centreId !== undefined ? overrides.centreId : role === 'centre_staff' ? await createCentre(ds) : null;
  const now = new Date();
  const result = await ds.query(
    `INSERT INTO users (email, password_hash, first_name, last_name, role, status, centre_id, email_verified_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [email, await passwordHash, overrides.firstName ?? 'Test', overrides.lastName ?? role, role, overrides.status ?? 'active', centreId, now, now, now],
  );
  return { id: Number(result.insertId), email, password: TEST_PASSWORD, role, centreId };
}
