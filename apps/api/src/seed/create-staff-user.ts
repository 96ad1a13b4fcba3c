import { hashPassword, normaliseEmail } from '@achievement/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The core of `cli create-user`: an active, verified administrator or support account, created by
 * the system (no one is signed in at a terminal), with an audit row. Other roles register through
 * the portal, so they are refused here.
 */

export const STAFF_ROLES = ['administrator', 'support'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const MIN_PASSWORD_LENGTH = 12;

export interface CreateStaffUserInput {
  role: string;
  email: string;
  firstName: string;
  lastName: string;
  /** when absent, a strong random password is generated and returned once */
  password?: string;
}

export interface CreatedStaffUser {
  id: number;
  email: string;
  role: StaffRole;
  /** set only when the password was generated: show it once, it is not stored */
  generatedPassword?: string;
}

/** A refusal with a message for the operator. */
export class CreateUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateUserError';
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** 18 random bytes as 24 characters of base64url (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Why a role is refused, or null for administrator and support. */
export function roleRefusal(role: string): string | null {
  return isStaffRole(role)
    ? null
    : `create-user makes administrator or support accounts only, not "${role}". Centre staff, learners and third parties register through the portal.`;
}

export async function createStaffUser(dataSource: DataSource, input: CreateStaffUserInput): Promise<CreatedStaffUser> {
  const refusal = roleRefusal(input.role);
  if (refusal || !isStaffRole(input.role)) throw new CreateUserError(refusal ?? 'unknown role');
  const role: StaffRole = input.role;
  const email = normaliseEmail(input.email ?? '');
  if (email.length > 320 || !EMAIL.test(email)) throw new CreateUserError(`"${input.email}" is not an email address`);
  const firstName = (input.firstName ?? '').trim();
  const lastName = (input.lastName ?? '').trim();
  if (!firstName || firstName.length > 100) throw new CreateUserError('--first-name is required (at most 100 characters)');
  if (!lastName || lastName.length > 100) throw new CreateUserError('--last-name is required (at most 100 characters)');
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new CreateUserError(`NEW_USER_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);

  const id = await dataSource.transaction(async (manager) => {
    const existing: unknown[] = await manager.query('SELECT id FROM users WHERE email = ? FOR UPDATE', [email]);
    if (existing.length > 0) throw duplicate(email);
    const now = new Date();
    let result: { insertId: number };
    try {
      result = await manager.query(
        `INSERT INTO users (email, password_hash, first_name, last_name, role, status, email_verified_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        [email, passwordHash, firstName, lastName, role, now, now, now],
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY' || (err as { driverError?: { code?: string } }).driverError?.code === 'ER_DUP_ENTRY') {
        throw duplicate(email);
      }
      throw err;
    }
    const userId = Number(result.insertId);
    await manager.query(
      `INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, after_state, details)
       VALUES (?, NULL, 'system', 'user.created', 'user', ?, ?, ?)`,
      [now, String(userId), JSON.stringify({ email, role, firstName, lastName, status: 'active' }), JSON.stringify({ via: 'cli create-user' })],
    );
    return userId;
  });
  return { id, email, role, generatedPassword };
}

function duplicate(email: string): CreateUserError {
  return new CreateUserError(`An account with the email ${email} already exists`);
}
