import { ConnectionRequestInput, InvitationSummary, ThirdPartyConnection } from '@achievement/contracts';
import { LearnerDocumentsService } from '@achievement/documents';
import { AccountDirectory } from '@achievement/identity';
import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, AuthenticatedUser, Clock, retryOnLockConflict } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONNECTION_NOT_FOUND, ConnectionRow, ConnectionStore, duplicateKeyOf } from './connection-store';
import { invitationHashOf } from './learner-connections.service';
import { typedRequestOf } from './typed-request';
import { SharingLinks } from './sharing-links';
import { ApiError } from '@achievement/platform';

/** The one answer to a connection request, whether or not such a learner exists. */
export const REQUEST_ACCEPTED =
  'Thank you. If a learner with those details has an account, they have been emailed your request; you will get an email when they answer. ' +
  'Pending requests show under Shared with me.';

const INVITATION_GONE = 'This invitation has expired, has been used, or does not exist.';
/** A third party's pending requests at once; beyond it new requests are quietly not sent (the answer stays the same). */
const MAX_PENDING_REQUESTS = 20;

/** Whether the learner has shared on this connection (so that the third party may see their name). */
function hasShared(row: ConnectionRow): boolean {
  return row.learner_id !== null && (row.origin === 'learner' || row.access_ends_at !== null);
}

/**
 * A third party's side: accepting an invitation, asking learners for access, and seeing exactly
 * the documents shared with them while the access lasts (each view logged for the learner).
 */
@Injectable()
export class ThirdPartyService {
  private readonly logger = new Logger(ThirdPartyService.name);

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

  /** What an invitation link shares (public: the link is the secret). */
  async invitation(token: string): Promise<InvitationSummary> {
    const row = await this.openInvitation(token);
    const learner = await this.documents.findById(Number(row.learner_id));
    const documents = await this.store.documentIdsOf([Number(row.id)]);
    return {
      learnerName: learner ? `${learner.firstName} ${learner.lastName}` : 'A learner',
      email: row.third_party_email,
      accessEndsAt: row.access_ends_at ? new Date(row.access_ends_at).toISOString() : null,
      documentCount: documents.get(Number(row.id))?.length ?? 0,
    };
  }

  /** Links an invitation to the signed-in third party, whose address must be the one it was sent to; the link then stops working. */
  async acceptInvitation(user: AuthenticatedUser, actor: Actor, token: string): Promise<ThirdPartyConnection> {
    const row = await this.openInvitation(token);
    if (row.third_party_email.toLowerCase() !== user.email.toLowerCase()) {
      throw new ApiError(
        'INVITATION_FOR_ANOTHER',
        `This invitation was sent to ${row.third_party_email}. Sign in with that address (or register it as a third party) to accept it.`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query(
        `UPDATE connections SET third_party_user_id = ?, invitation_hash = NULL WHERE id = ? AND invitation_hash = ? AND (third_party_user_id IS NULL OR third_party_user_id = ?)`,
        [user.id, row.id, invitationHashOf(token), user.id],
      );
      if (Number(claimed.affectedRows) !== 1) throw new ApiError('INVITATION_GONE', INVITATION_GONE);
      await this.audit.record(actor, { action: 'connection.invitation_accepted', subjectType: 'connection', subjectId: Number(row.id) }, manager);
    });
    const [view] = await this.views([{ ...row, third_party_user_id: user.id }]);
    return view;
  }

  /**
   * Asks a learner for access. Always the same answer, and the same row in the third party's list
   * (what they typed, pending), whether or not such a learner exists: the request reaches the
   * learner (an email) only when one matches and has no pending or active connection with this
   * third party already. The same request again while it is pending is recorded once.
   */
  async request(user: AuthenticatedUser, actor: Actor, input: ConnectionRequestInput): Promise<void> {
    const typed = typedRequestOf(input);
    const learner = await this.learnerAccountFor(input);
    const now = this.clock.now();
    const account = await this.accounts.byId(user.id);
    const message = input.message?.trim() || null;
    try {
      await retryOnLockConflict(() =>
        this.outbox.transaction(async (manager, outbox) => {
          const [pending] = await manager.query(
            `SELECT COUNT(*) AS n, COALESCE(SUM(request_key = ?), 0) AS same FROM connections WHERE third_party_user_id = ? AND origin = 'third_party' AND status = 'pending'`,
            [typed.key, user.id],
          );
          if (Number(pending.same) > 0 || Number(pending.n) >= MAX_PENDING_REQUESTS) {
            await this.audit.record(
              actor,
              { action: 'connection.request_not_sent', subjectType: 'user', subjectId: user.id, details: { alreadyPending: Number(pending.same) > 0 } },
              manager,
            );
            return;
          }
          const insert = (to: { learnerId: number; userId: number } | null) =>
            manager.query(
              `INSERT INTO connections (learner_id, learner_user_id, origin, status, third_party_name, third_party_email, third_party_user_id, requested_as, request_key, message, created_at)
             VALUES (?, ?, 'third_party', 'pending', ?, ?, ?, ?, ?, ?, ?)`,
              [to?.learnerId ?? null, to?.userId ?? null, user.name, user.email, user.id, typed.shown, typed.key, message, now],
            );
          let inserted: { insertId: number } | null = null;
          if (learner?.learnerId) {
            await this.store.expirePastEnd(manager, outbox, learner.id, user.email, now);
            try {
              inserted = await insert({ learnerId: learner.learnerId, userId: learner.id });
            } catch (err) {
              // already connected (pending or active): the learner is not asked twice
              if (duplicateKeyOf(err) !== 'open_pair') throw err;
            }
          }
          const delivered = inserted !== null;
          const id = Number((inserted ?? (await insert(null))).insertId);
          await this.audit.record(
            actor,
            {
              action: delivered ? 'connection.requested' : 'connection.request_unmatched',
              subjectType: 'connection',
              subjectId: id,
              details: { alreadyConnected: !!learner && !delivered },
            },
            manager,
          );
          if (!delivered || !learner) return;
          await outbox.add({
            to: learner.email,
            template: 'connection-requested',
            eventKey: `connection.requested:${id}`,
            data: {
              firstName: learner.firstName,
              thirdPartyName: user.name,
              thirdPartyEmail: user.email,
              organisation: account?.organisation ?? '',
              message: message ?? '',
              connectionsUrl: this.links.learnerConnections(),
            },
          });
        }),
      );
    } catch (err) {
      // the same request at the same moment: the other one is recorded
      if (duplicateKeyOf(err) !== 'open_request') throw err;
      await this.audit.record(actor, { action: 'connection.request_not_sent', subjectType: 'user', subjectId: user.id, details: { alreadyPending: true } });
    }
  }

  async list(user: AuthenticatedUser): Promise<ThirdPartyConnection[]> {
    // a learner who has deleted their account shares nothing any more; a request not accepted shows only what was typed, whoever it reached
    const rows: ConnectionRow[] = await this.dataSource.query(
      `SELECT c.* FROM connections c LEFT JOIN users lu ON lu.id = c.learner_user_id
        WHERE c.third_party_user_id = ? AND (lu.status = 'active' OR (c.origin = 'third_party' AND c.access_ends_at IS NULL))
        ORDER BY c.status = 'active' DESC, c.created_at DESC, c.id DESC LIMIT 500`,
      [user.id],
    );
    return this.views(rows);
  }

  /** The PDF of a document shared on an open connection of this third party; the view is logged for the learner. */
  async openDocument(user: AuthenticatedUser, connectionId: number, documentId: number): Promise<{ pdf: Buffer; documentNumber: string }> {
    const [row]: ConnectionRow[] = await this.dataSource.query(
      `SELECT c.* FROM connections c JOIN users lu ON lu.id = c.learner_user_id AND lu.status = 'active' WHERE c.id = ? AND c.third_party_user_id = ?`,
      [connectionId, user.id],
    );
    // a request the learner has not accepted answers as one that reached no learner
    if (!row || !hasShared(row)) throw new ApiError('CONNECTION_NOT_FOUND', CONNECTION_NOT_FOUND);
    if (!this.store.isOpen(row)) throw new ApiError('ACCESS_ENDED', 'Your access to these documents has ended. Ask the learner to share them again.');
    const shared = (await this.store.documentIdsOf([connectionId])).get(connectionId) ?? [];
    if (!shared.includes(documentId)) throw new ApiError('DOCUMENT_NOT_SHARED', 'This document is not shared with you.');
    const file = await this.documents.pdfOf(documentId);
    if (!file) throw new ApiError('DOCUMENT_NOT_READY', 'This document is not ready to view yet. Try again in a few minutes.');
    if (file.status !== 'valid')
      throw new ApiError('DOCUMENT_NOT_VALID_VERSION', `This document has been ${file.status}: it is no longer valid, so it cannot be opened.`);
    await this.dataSource.query('INSERT INTO connection_views (connection_id, document_id, viewed_at) VALUES (?, ?, ?)', [
      connectionId,
      documentId,
      this.clock.now(),
    ]);
    return { pdf: file.pdf, documentNumber: file.documentNumber };
  }

  private async views(rows: ConnectionRow[]): Promise<ThirdPartyConnection[]> {
    const now = this.clock.now();
    const open = rows.filter((r) => this.store.isOpen(r, now)).map((r) => Number(r.id));
    const documents = await this.store.documentIdsOf(open);
    // the learner's name only where the learner has shared (an invitation, or the request accepted)
    const learners = new Map<number, string>();
    for (const id of new Set(rows.filter(hasShared).map((r) => Number(r.learner_id)))) {
      const learner = await this.documents.findById(id);
      learners.set(id, learner ? `${learner.firstName} ${learner.lastName}` : 'A learner');
    }
    const out: ThirdPartyConnection[] = [];
    for (const r of rows) {
      const ids = documents.get(Number(r.id)) ?? [];
      out.push({
        id: Number(r.id),
        learnerName: hasShared(r) ? (learners.get(Number(r.learner_id)) ?? 'A learner') : null,
        requestedAs: r.origin === 'third_party' ? (r.requested_as ?? 'your request') : null,
        status: this.store.liveStatus(r, now),
        accessEndsAt: r.access_ends_at ? new Date(r.access_ends_at).toISOString() : null,
        createdAt: new Date(r.created_at).toISOString(),
        documents: await this.documents.sharedView(ids),
      });
    }
    return out;
  }

  private async openInvitation(token: string): Promise<ConnectionRow> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new ApiError('INVITATION_GONE', INVITATION_GONE);
    const [row]: ConnectionRow[] = await this.dataSource.query(
      `SELECT c.* FROM connections c JOIN users lu ON lu.id = c.learner_user_id AND lu.status = 'active' WHERE c.invitation_hash = ?`,
      [invitationHashOf(token)],
    );
    if (!row || !this.store.isOpen(row)) throw new ApiError('INVITATION_GONE', INVITATION_GONE);
    return row;
  }

  /** The active learner account the request names, if any: by the account's email or the learner record's, or by enrolment number and date of birth. */
  private async learnerAccountFor(input: ConnectionRequestInput) {
    if (input.learnerEmail) {
      const direct = await this.accounts.activeByEmail(input.learnerEmail, 'learner');
      if (direct) return direct;
      for (const record of await this.documents.findByEmail(input.learnerEmail)) {
        const account = await this.accounts.activeLearner(record.id);
        if (account) return account;
      }
      return null;
    }
    if (input.enrolmentNumber && input.dateOfBirth) {
      const record = await this.documents.findByEnrolment(input.enrolmentNumber, input.dateOfBirth);
      return record ? this.accounts.activeLearner(record.id) : null;
    }
    return null;
  }
}
