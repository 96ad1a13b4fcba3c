import { Queryable } from './queryable';

/** How another lib may address a person: for an email, or a name on a screen. */
export interface AccountContact {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
}

interface ContactRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  organisation: string | null;
}

const COLUMNS = 'id, email, first_name, last_name, organisation';

/** The account's contact details, or null when there is no account with this id. */
export async function accountContact(db: Queryable, userId: number): Promise<AccountContact | null> {
  const [row] = (await db.query(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [userId])) as ContactRow[];
  return row ? contactOf(row) : null;
}

/** The contact details of these accounts, by id (an id with no account is left out). */
export async function accountContacts(db: Queryable, userIds: readonly number[]): Promise<Map<number, AccountContact>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = (await db.query(`SELECT ${COLUMNS} FROM users WHERE id IN (?)`, [ids])) as ContactRow[];
  return new Map(rows.map((row) => [Number(row.id), contactOf(row)]));
}

/** The full names ("first last") of these accounts, by id, for a screen (an id with no account is left out). */
export async function personNames(db: Queryable, userIds: readonly (number | null)[]): Promise<Map<number, string>> {
  const contacts = await accountContacts(
    db,
    userIds.flatMap((id) => (id === null ? [] : [Number(id)])),
  );
  return new Map([...contacts].map(([id, c]) => [id, [c.firstName, c.lastName].filter(Boolean).join(' ')]));
}

/**
 * Locks the account's row until the caller's transaction ends (FOR UPDATE), so that one person's
 * requests that must not interleave (a quota of downloads) run one at a time.
 */
export async function lockAccount(manager: Queryable, userId: number): Promise<void> {
  await manager.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
}

function contactOf(row: ContactRow): AccountContact {
  return { id: Number(row.id), email: row.email, firstName: row.first_name, lastName: row.last_name, organisation: row.organisation };
}
