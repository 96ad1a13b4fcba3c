/** A DataSource or a transaction's EntityManager: readers run inside the caller's transaction when given one. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}
