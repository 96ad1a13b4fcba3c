import { ConnectionStatus, LearnerConnection } from '@achievement/contracts';
import { Clock } from '@achievement/platform';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A row of `connections`. */
export interface ConnectionRow {
  id: number;
  learner_id: number;
  learner_user_id: number;
  origin: 'learner' | 'third_party';
  status: ConnectionStatus;
  third_party_name: string;
  third_party_email: string;
  third_party_user_id: number | null;
  message: string | null;
  access_ends_at: Date | null;
  created_at: Date;
  decided_at: Date | null;
}

export const CONNECTION_NOT_FOUND = 'There is no such connection.';

/**
 * Reads and writes of connections shared by the learner's and the third party's use cases. The
 * status a person sees is the live one: an active connection past its end shows as expired at once,
 * before the scheduled task records it.
 */
@Injectable()
export class ConnectionStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Whether the connection gives access now. */
  isOpen(row: ConnectionRow, now = this.clock.now()): boolean {
    return row.status === 'active' && row.access_ends_at !== null && new Date(row.access_ends_at).getTime() > now.getTime();
  }

  liveStatus(row: ConnectionRow, now = this.clock.now()): ConnectionStatus {
    return row.status === 'active' && !this.isOpen(row, now) ? 'expired' : row.status;
  }

  /** A connection of this learner account (locked when a manager is given); 404 otherwise. */
  async ofLearner(learnerUserId: number, id: number, manager?: EntityManager): Promise<ConnectionRow> {
    const rows: ConnectionRow[] = await (manager ?? this.dataSource).query(
      `SELECT * FROM connections WHERE id = ? AND learner_user_id = ?${manager ? ' FOR UPDATE' : ''}`,
      [id, learnerUserId],
    );
    if (!rows.length) throw new NotFoundException(CONNECTION_NOT_FOUND);
    return rows[0];
  }

  async documentIdsOf(connectionIds: number[], manager?: EntityManager): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(connectionIds.map((id) => [id, []]));
    if (!connectionIds.length) return out;
    const rows: { connection_id: number; document_id: number }[] = await (manager ?? this.dataSource).query(
      'SELECT connection_id, document_id FROM connection_documents WHERE connection_id IN (?) ORDER BY document_id',
      [connectionIds],
    );
    for (const r of rows) out.get(Number(r.connection_id))?.push(Number(r.document_id));
    return out;
  }

  async replaceDocuments(manager: EntityManager, connectionId: number, documentIds: number[]): Promise<void> {
    await manager.query('DELETE FROM connection_documents WHERE connection_id = ?', [connectionId]);
    await manager.query(`INSERT INTO connection_documents (connection_id, document_id) VALUES ${documentIds.map(() => '(?, ?)').join(', ')}`, documentIds.flatMap((d) => [connectionId, d]));
  }

  /** The learner's view of their connections (one, or all), with the documents and the number of views. */
  async learnerViews(rows: ConnectionRow[], manager?: EntityManager): Promise<LearnerConnection[]> {
    const ids = rows.map((r) => Number(r.id));
    const documents = await this.documentIdsOf(ids, manager);
    const third = rows.map((r) => r.third_party_user_id).filter((id): id is number => id !== null);
    const organisations = new Map<number, string | null>();
    if (third.length) {
      const users: { id: number; organisation: string | null }[] = await (manager ?? this.dataSource).query('SELECT id, organisation FROM users WHERE id IN (?)', [third]);
      for (const u of users) organisations.set(Number(u.id), u.organisation);
    }
    const counts = new Map<number, number>();
    if (ids.length) {
      const viewed: { connection_id: number; n: number }[] = await (manager ?? this.dataSource).query(
        'SELECT connection_id, COUNT(*) AS n FROM connection_views WHERE connection_id IN (?) GROUP BY connection_id',
        [ids],
      );
      for (const v of viewed) counts.set(Number(v.connection_id), Number(v.n));
    }
    const now = this.clock.now();
    return rows.map((r) => ({
      id: Number(r.id),
      origin: r.origin,
      status: this.liveStatus(r, now),
      thirdParty: {
        name: r.third_party_name,
        email: r.third_party_email,
        organisation: r.third_party_user_id ? (organisations.get(Number(r.third_party_user_id)) ?? null) : null,
      },
      thirdPartyJoined: r.third_party_user_id !== null,
      message: r.message,
      documentIds: documents.get(Number(r.id)) ?? [],
      accessEndsAt: r.access_ends_at ? new Date(r.access_ends_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      viewCount: counts.get(Number(r.id)) ?? 0,
    }));
  }
}
