import { Queryable } from './queryable';

/** What other libs may know of a centre: its number and name, and where its post and email go. */
export interface CentreSummary {
  id: number;
  number: string;
  name: string;
  centralEmail: string;
  address: { line1: string; line2: string | null; town: string; postcode: string; country: string };
}

interface CentreRow {
  id: number;
  number: string;
  name: string;
  central_email: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  postcode: string;
  country: string;
}

const COLUMNS = 'id, number, name, central_email, address_line1, address_line2, town, postcode, country';

/** The centre, or null when there is none with this id. */
export async function centreSummary(db: Queryable, centreId: number): Promise<CentreSummary | null> {
  const [row] = (await db.query(`SELECT ${COLUMNS} FROM centres WHERE id = ?`, [centreId])) as CentreRow[];
  return row ? summaryOf(row) : null;
}

/** The centres of these ids, by id (an id with no centre is left out). */
export async function centreSummaries(db: Queryable, centreIds: readonly number[]): Promise<Map<number, CentreSummary>> {
  const ids = [...new Set(centreIds)];
  if (ids.length === 0) return new Map();
  const rows = (await db.query(`SELECT ${COLUMNS} FROM centres WHERE id IN (?)`, [ids])) as CentreRow[];
  return new Map(rows.map((row) => [Number(row.id), summaryOf(row)]));
}

/** A row of another lib's table that names its centre by id, and the centre's number and name that are filled in. */
export interface CentreNameColumns {
  centre_id: number | null;
  centre_number?: string | null;
  centre_name?: string | null;
}

/** Fills in each row's centre_number and centre_name (null for a row of no centre); the rows are changed and returned. */
export async function withCentreNames<R extends CentreNameColumns>(db: Queryable, rows: R[]): Promise<R[]> {
  const centres = await centreSummaries(
    db,
    rows.flatMap((r) => (r.centre_id === null ? [] : [Number(r.centre_id)])),
  );
  for (const row of rows) {
    const centre = row.centre_id === null ? undefined : centres.get(Number(row.centre_id));
    row.centre_number = centre?.number ?? null;
    row.centre_name = centre?.name ?? null;
  }
  return rows;
}

/**
 * Locks the centre's row until the caller's transaction ends (FOR UPDATE), so that work for one
 * centre that must not interleave (numbering its jobs) runs one at a time. Null when there is no such centre.
 */
export async function lockCentre(manager: Queryable, centreId: number): Promise<{ id: number; number: string } | null> {
  const [row] = (await manager.query('SELECT id, number FROM centres WHERE id = ? FOR UPDATE', [centreId])) as { id: number; number: string }[];
  return row ? { id: Number(row.id), number: row.number } : null;
}

function summaryOf(row: CentreRow): CentreSummary {
  return {
    id: Number(row.id),
    number: row.number,
    name: row.name,
    centralEmail: row.central_email,
    address: { line1: row.address_line1, line2: row.address_line2, town: row.town, postcode: row.postcode, country: row.country },
  };
}
