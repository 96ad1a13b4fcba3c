/**
 * Helpers for writing many rows quickly: literals built by hand (placeholders for 2,000 rows × 17
 * columns cost more than the insert), and a writer that sends multi-row INSERTs while the next
 * statement is being built.
 */

const UNSAFE = /[\\\0\n\r\x1a]/;

/**
 * The inside of a single-quoted SQL string literal. Quotes are doubled, which is correct whatever
 * the sql_mode; the seeder's own text never holds backslashes or control characters, and this
 * refuses them rather than depend on NO_BACKSLASH_ESCAPES being off.
 */
export function sqlInner(value: string): string {
  if (UNSAFE.test(value)) throw new Error(`Refusing to write ${JSON.stringify(value)} as a literal`);
  return value.includes("'") ? value.replace(/'/g, "''") : value;
}

export function sqlString(value: string | null | undefined): string {
  return value == null ? 'NULL' : `'${sqlInner(value)}'`;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, quoted. */
export function sqlDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `'${iso.slice(0, 10)} ${iso.slice(11, 23)}'`;
}

/** 'YYYY-MM-DD' (UTC), quoted. */
export function sqlDate(ms: number): string {
  return `'${new Date(ms).toISOString().slice(0, 10)}'`;
}

/** 'YYYY-MM-DD' (UTC), unquoted. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Collects rows ("(1,'a',…)") and sends them as multi-row INSERTs of `rowsPerStatement` rows.
 * One statement is in flight while the next is built; an error surfaces at the next add() that
 * sends, or at finish(). `add` returns a promise only when it sent a statement, so the hot loop
 * can skip an await per row: `const p = w.add(row); if (p) await p;`.
 */
export class BulkWriter {
  private rows: string[] = [];
  private pending: Promise<unknown> | null = null;
  private readonly prefix: string;
  rowsWritten = 0;
  statements = 0;

  constructor(
    private readonly exec: (sql: string) => Promise<unknown>,
    table: string,
    columns: readonly string[],
    private readonly rowsPerStatement: number,
  ) {
    this.prefix = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  }

  add(row: string): Promise<void> | undefined {
    this.rows.push(row);
    return this.rows.length >= this.rowsPerStatement ? this.send() : undefined;
  }

  async finish(): Promise<void> {
    if (this.rows.length > 0) await this.send();
    const last = this.pending;
    this.pending = null;
    if (last) await last;
  }

  private async send(): Promise<void> {
    const sql = this.prefix + this.rows.join(',');
    this.rowsWritten += this.rows.length;
    this.statements++;
    this.rows = [];
    if (this.pending) await this.pending;
    const sent = this.exec(sql);
    sent.catch(() => undefined); // reported by whoever awaits it next
    this.pending = sent;
  }
}
