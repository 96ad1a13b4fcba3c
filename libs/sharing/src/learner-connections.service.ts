import { AccessLength, ConnectionView, LearnerConnection } from '@achievement/contracts';
import { LearnerDocumentsService } from '@achievement/documents';
import { AccountDirectory } from '@achievement/identity';
import { Outbox, OutboxService } from '@achievement/notifications';
import { Actor, AuditService, AuthenticatedUser, Clock, retryOnLockConflict } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { accessEndOf, longDate } from './access-length';
import { ConnectionRow, ConnectionStore, duplicateKeyOf } from './connection-store';
import { SharingLinks } from './sharing-links';
import { ApiError } from '@achievement/platform';

export function invitationHashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The learner's id of record; only learners share, and only their own documents. */
export function learnerOf(user: AuthenticatedUser): number {
  if (user.role !== 'learner' || !user.learnerId) throw new ApiError('NOT_A_LEARNER', 'Only a learner can share their documents.');
  return user.learnerId;
}

/**
 * A learner's connections: sharing chosen documents with a third party for a while (an emailed
 * invitation), answering third parties' requests, changing what is shared, extending or ending
 * access, and seeing who viewed what. Every query is scoped by the learner's account; every change
 * is audited.
 */
@Injectable()
export class LearnerConnectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ConnectionStore,
    private readonly documents: LearnerDocumentsService,
    private readonly accounts: AccountDirectory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly links: SharingLinks,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser): Promise<LearnerConnection[]> {
    learnerOf(user);
    const rows: ConnectionRow[] = await this.dataSource.query(
      `SELECT * FROM connections WHERE learner_user_id = ? ORDER BY status = 'pending' DESC, created_at DESC, id DESC LIMIT 500`,
      [user.id],
    );
    return this.store.learnerViews(rows);
  }

  /** Shares documents with a third party until a time; emails them the invitation link. */
  async add(user: AuthenticatedUser, actor: Actor, input: { name: string; email: string; documentIds: number[] } & AccessLength): Promise<LearnerConnection> {
    const learnerId = learnerOf(user);
    const email = input.email.trim().toLowerCase();
    if (email === user.email.toLowerCase())
      throw new ApiError('OWN_EMAIL', {
        message: 'That is your own email address: give the email of the person you share with.',
        fieldErrors: { email: ['Give the email of the person you share with.'] },
      });
    const documentIds = await this.shareable(learnerId, input.documentIds);
    const now = this.clock.now();
    const endsAt = accessEndOf(input, now);
    const token = randomBytes(32).toString('base64url');
    // an address that already has a third-party account is linked at once (the invitation still opens the documents)
    const existing = await this.accounts.activeByEmail(email, 'third_party');
    const id = await retryOnLockConflict(() =>
      this.outbox.transaction(async (manager, outbox) => {
        await this.store.expirePastEnd(manager, outbox, user.id, email, now);
        // one open connection per third party (a unique key, so two at the same moment cannot both be made)
        const result = await manager
          .query(
            `INSERT INTO connections (learner_id, learner_user_id, origin, status, third_party_name, third_party_email, third_party_user_id, invitation_hash, access_ends_at, created_at, decided_at)
           VALUES (?, ?, 'learner', 'active', ?, ?, ?, ?, ?, ?, ?)`,
            [learnerId, user.id, input.name, email, existing?.id ?? null, invitationHashOf(token), endsAt, now, now],
          )
          .catch((err: unknown) => {
            if (duplicateKeyOf(err) !== 'open_pair') throw err;
            throw new ApiError('CONNECTION_EXISTS', {
              message: `You already have an open connection with ${email} (documents shared, or their request waiting for your answer). Change that connection instead: choose other documents, or extend it.`,
              fieldErrors: { email: ['You already have an open connection with this address.'] },
            });
          });
        const connectionId = Number(result.insertId);
        await this.store.replaceDocuments(manager, connectionId, documentIds);
        await this.audit.record(
          actor,
          {
            action: 'connection.created',
            subjectType: 'connection',
            subjectId: connectionId,
            after: { thirdPartyEmail: email, documentIds, accessEndsAt: endsAt.toISOString() },
          },
          manager,
        );
        await outbox.add({
          to: email,
          template: 'connection-invitation',
          eventKey: `connection.invitation:${connectionId}`,
          data: {
            thirdPartyName: input.name,
            learnerName: user.name,
            documentCount: documentIds.length,
            single: documentIds.length === 1,
            accessEnds: longDate(endsAt),
            invitationUrl: this.links.invitation(token),
          },
        });
        return connectionId;
      }),
    );
    return this.one(user, id);
  }

  /** Accepts a third party's pending request, sharing the chosen documents for the chosen time. */
  async accept(user: AuthenticatedUser, actor: Actor, id: number, input: { documentIds: number[] } & AccessLength): Promise<LearnerConnection> {
    const learnerId = learnerOf(user);
    const documentIds = await this.shareable(learnerId, input.documentIds);
    const now = this.clock.now();
    const endsAt = accessEndOf(input, now);
    await this.outbox.transaction(async (manager, outbox) => {
      const row = await this.pending(manager, user.id, id);
      await manager.query(`UPDATE connections SET status = 'active', access_ends_at = ?, decided_at = ? WHERE id = ?`, [endsAt, now, id]);
      await this.store.replaceDocuments(manager, id, documentIds);
      await this.audit.record(
        actor,
        {
          action: 'connection.accepted',
          subjectType: 'connection',
          subjectId: id,
          before: { status: 'pending' },
          after: { status: 'active', documentIds, accessEndsAt: endsAt.toISOString() },
        },
        manager,
      );
      await this.tellRequester(outbox, row, user, { accepted: true, documentCount: documentIds.length, accessEnds: longDate(endsAt) });
    });
    return this.one(user, id);
  }

  async decline(user: AuthenticatedUser, actor: Actor, id: number): Promise<LearnerConnection> {
    learnerOf(user);
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, outbox) => {
      const row = await this.pending(manager, user.id, id);
      await manager.query(`UPDATE connections SET status = 'declined', decided_at = ? WHERE id = ?`, [now, id]);
      await this.audit.record(
        actor,
        { action: 'connection.declined', subjectType: 'connection', subjectId: id, before: { status: 'pending' }, after: { status: 'declined' } },
        manager,
      );
      await this.tellRequester(outbox, row, user, { accepted: false });
    });
    return this.one(user, id);
  }

  /** Changes the shared documents and/or the end of access of a connection that is open. */
  async update(user: AuthenticatedUser, actor: Actor, id: number, input: { documentIds?: number[]; access?: AccessLength }): Promise<LearnerConnection> {
    const learnerId = learnerOf(user);
    if (!input.documentIds && !input.access) throw new ApiError('NOTHING_TO_CHANGE', 'Say what to change: the documents shared, or how long access lasts.');
    const documentIds = input.documentIds ? await this.shareable(learnerId, input.documentIds) : undefined;
    const now = this.clock.now();
    const endsAt = input.access ? accessEndOf(input.access, now) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const row = await this.store.ofLearner(user.id, id, manager);
      if (!this.store.isOpen(row, now))
        throw new ApiError('CONNECTION_NOT_ACTIVE', 'Only an active connection can be changed. Add a new connection to share again.');
      const before = { documentIds: (await this.store.documentIdsOf([id], manager)).get(id), accessEndsAt: row.access_ends_at };
      if (documentIds) await this.store.replaceDocuments(manager, id, documentIds);
      if (endsAt) await manager.query('UPDATE connections SET access_ends_at = ? WHERE id = ?', [endsAt, id]);
      await this.audit.record(
        actor,
        { action: 'connection.changed', subjectType: 'connection', subjectId: id, before, after: { documentIds, accessEndsAt: endsAt?.toISOString() } },
        manager,
      );
    });
    return this.one(user, id);
  }

  /** Ends access now. */
  async end(user: AuthenticatedUser, actor: Actor, id: number): Promise<LearnerConnection> {
    learnerOf(user);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.store.ofLearner(user.id, id, manager);
      if (!this.store.isOpen(row, now)) throw new ApiError('CONNECTION_ENDED', 'This connection has already ended.');
      await manager.query(`UPDATE connections SET status = 'ended', access_ends_at = ?, decided_at = ? WHERE id = ?`, [now, now, id]);
      await this.audit.record(
        actor,
        { action: 'connection.ended', subjectType: 'connection', subjectId: id, before: { status: 'active' }, after: { status: 'ended' } },
        manager,
      );
    });
    return this.one(user, id);
  }

  async views(user: AuthenticatedUser, id: number): Promise<ConnectionView[]> {
    learnerOf(user);
    await this.store.ofLearner(user.id, id);
    const rows: { viewed_at: Date; document_id: number }[] = await this.dataSource.query(
      'SELECT viewed_at, document_id FROM connection_views WHERE connection_id = ? ORDER BY viewed_at DESC, id DESC LIMIT 1000',
      [id],
    );
    // the documents' numbers come from the documents lib, which owns that table
    const numbers = await this.documents.documentNumbers(rows.map((r) => Number(r.document_id)));
    return rows.map((r) => ({
      at: new Date(r.viewed_at).toISOString(),
      documentId: Number(r.document_id),
      documentNumber: numbers.get(Number(r.document_id)) ?? '',
    }));
  }

  private async one(user: AuthenticatedUser, id: number): Promise<LearnerConnection> {
    const [view] = await this.store.learnerViews([await this.store.ofLearner(user.id, id)]);
    return view;
  }

  /** The documents, if every one is the learner's own and still valid; a clear 400 otherwise. */
  private async shareable(learnerId: number, ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const own = await this.documents.documentsOf(learnerId);
    const byId = new Map(own.map((d) => [d.id, d]));
    const foreign = unique.filter((id) => !byId.has(id));
    if (foreign.length)
      throw new ApiError('DOCUMENT_NOT_YOURS', {
        message: 'Choose documents of your own to share.',
        fieldErrors: { documentIds: [`Not one of your documents: ${foreign.join(', ')}`] },
      });
    const notValid = unique.filter((id) => byId.get(id)!.status !== 'valid');
    if (notValid.length) {
      throw new ApiError('DOCUMENT_NOT_VALID', {
        message: 'A revoked or superseded document cannot be shared: share its current version.',
        fieldErrors: { documentIds: [`Not valid any more: ${notValid.map((id) => byId.get(id)!.documentNumber).join(', ')}`] },
      });
    }
    return unique.sort((a, b) => a - b);
  }

  private async pending(manager: EntityManager, learnerUserId: number, id: number): Promise<ConnectionRow> {
    const row = await this.store.ofLearner(learnerUserId, id, manager);
    if (row.status !== 'pending') throw new ApiError('REQUEST_ANSWERED', 'This request has already been answered.');
    return row;
  }

  private async tellRequester(
    outbox: Outbox,
    row: ConnectionRow,
    learner: AuthenticatedUser,
    outcome: { accepted: boolean; documentCount?: number; accessEnds?: string },
  ): Promise<void> {
    await outbox.add({
      to: row.third_party_email,
      template: 'connection-request-answered',
      eventKey: `connection.answered:${row.id}`,
      data: {
        thirdPartyName: row.third_party_name,
        // the learner's name goes with what they share; a decline names only what the third party typed
        learnerName: outcome.accepted ? learner.name : '',
        requestedAs: row.requested_as ?? 'a learner',
        accepted: outcome.accepted,
        documentCount: outcome.documentCount ?? 0,
        single: outcome.documentCount === 1,
        accessEnds: outcome.accessEnds ?? '',
        sharedUrl: this.links.sharedWithMe(),
      },
    });
  }
}
