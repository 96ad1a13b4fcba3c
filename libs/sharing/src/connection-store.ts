import { ConnectionStatus, LearnerConnection } from '@achievement/contracts';
import { accountContact, accountContacts } from '@achievement/identity';
import { Outbox } from '@achievement/notifications';
import { AuditService, Clock, SYSTEM_ACTOR } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { longDate } from './access-length';
import { SharingLinks } from './sharing-links';
import { ApiError } from '@achievement/platform';

/** A row of `connections`. */
export interface ConnectionRow {
  id: number;
  /** null for a request that reached no learner (kept so that the third party's list looks the same either way) */
  learner_id: number | null;
  learner_user_id: number | null;
  origin: 'learner' | 'third_party';
  status: ConnectionStatus;
  third_party_name: string;
  third_party_email: string;
  third_party_user_id: number | null;
  /** what the third party typed when asking (email or enrolment number) */
  requested_as: string | null;
  request_key: string | null;
  duplicate_of: number | null;
  message: string | null;
  access_ends_at: Date | null;
  created_at: Date;
  decided_at: Date | null;
}

export const CONNECTION_NOT_FOUND = 'There is no such connection.';

/** The unique keys of `connections` that a duplicate runs into. */
export type ConnectionKey = 'open_pair' | 'open_request';

/** Which of the connection keys an error is a duplicate of (null when it is not a duplicate-key error). */
export function duplicateKeyOf(err: unknown): ConnectionKey | null {
  const e = err as { code?: string; sqlMessage?: string; message?: string; driverError?: { code?: string; sqlMessage?: string } };
  const code = e.driverError?.code ?? e.code;
  if (code !== 'ER_DUP_ENTRY') return null;
  const text = e.driverError?.sqlMessage ?? e.sqlMessage ?? e.message ?? '';
  if (text.includes('uq_connections_open_pair')) return 'open_pair';
  if (text.includes('uq_connections_open_request')) return 'open_request';
  return null;
}

/**
 * Reads and writes of connections shared by the learner's and the third party's use cases. The
 * status a person sees is the live one: an active connection past its end shows as expired at once,
 * before the scheduled task records it.
 */
@Injectable()
export class ConnectionStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly links: SharingLinks,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an active connection whose access has run out as expired and emails both sides, in the
   * caller's transaction. Claimed by a conditional UPDATE, so of several callers (the scheduled
   * task on several workers, a new connection between the same two) only one does it.
   */
  async expire(manager: EntityManager, outbox: Outbox, row: ConnectionRow, now: Date): Promise<boolean> {
    const claim = await manager.query(`UPDATE connections SET status = 'expired', decided_at = ? WHERE id = ? AND status = 'active' AND access_ends_at <= ?`, [
      now,
      row.id,
      now,
    ]);
    if (Number(claim.affectedRows) !== 1) return false;
    const learner = row.learner_user_id ? await accountContact(manager, row.learner_user_id) : null;
    const learnerName = learner ? `${learner.firstName} ${learner.lastName}` : 'The learner';
    const endedAt = longDate(new Date(row.access_ends_at!));
    const common = {
      thirdPartyName: row.third_party_name,
      thirdPartyEmail: row.third_party_email,
      learnerName,
      endedAt,
      connectionsUrl: this.links.learnerConnections(),
    };
    if (learner) {
      await outbox.add({
        to: learner.email,
        template: 'connection-expired',
        eventKey: `connection.expired:${row.id}:learner`,
        data: { ...common, firstName: learner.firstName, toLearner: true },
      });
    }
    await outbox.add({
      to: row.third_party_email,
      template: 'connection-expired',
      eventKey: `connection.expired:${row.id}:third-party`,
      data: { ...common, firstName: row.third_party_name, toLearner: false },
    });
    await this.audit.record(
      SYSTEM_ACTOR,
      { action: 'connection.expired', subjectType: 'connection', subjectId: Number(row.id), before: { status: 'active' }, after: { status: 'expired' } },
      manager,
    );
    return true;
  }

  /**
   * Before a new connection between a learner and a third-party address: an active one between
   * them that is past its end (not yet recorded by the scheduled task) is recorded as expired now,
   * so that it does not count as open.
   */
  async expirePastEnd(manager: EntityManager, outbox: Outbox, learnerUserId: number, thirdPartyEmail: string, now: Date): Promise<void> {
    const due: ConnectionRow[] = await manager.query(
      `SELECT * FROM connections WHERE learner_user_id = ? AND third_party_email = ? AND status = 'active' AND access_ends_at <= ?`,
      [learnerUserId, thirdPartyEmail, now],
    );
    for (const row of due) await this.expire(manager, outbox, row, now);
  }

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
    if (!rows.length) throw new ApiError('CONNECTION_NOT_FOUND', CONNECTION_NOT_FOUND);
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
    await manager.query(
      `INSERT INTO connection_documents (connection_id, document_id) VALUES ${documentIds.map(() => '(?, ?)').join(', ')}`,
      documentIds.flatMap((d) => [connectionId, d]),
    );
  }

  /** The learner's view of their connections (one, or all), with the documents and the number of views. */
  async learnerViews(rows: ConnectionRow[], manager?: EntityManager): Promise<LearnerConnection[]> {
    const ids = rows.map((r) => Number(r.id));
    const documents = await this.documentIdsOf(ids, manager);
    const third = rows.map((r) => r.third_party_user_id).filter((id): id is number => id !== null);
    const thirdParties = await accountContacts(manager ?? this.dataSource, third);
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
        organisation: r.third_party_user_id ? (thirdParties.get(Number(r.third_party_user_id))?.organisation ?? null) : null,
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
