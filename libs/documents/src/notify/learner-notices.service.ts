import { centreSummary } from '@achievement/identity';
import { DOCUMENT_TYPE_LABELS, DocumentStatus, DocumentType, NotifyLearnersResponse, RENOTIFY_CONFIRM_HOURS } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { centreOf, RecordsService, SelectionInput } from '../records/records.service';
import { RecentNoticeError } from './recent-notice.error';

interface NoticeRow {
  id: number;
  status: DocumentStatus;
  type: DocumentType;
  document_number: string;
  last_notified_at: Date | null;
  learner_id: number;
  email: string | null;
  first_name: string;
  enrolment_number: string;
  qualification_code: string;
  qualification_title: string;
}

const HOUR_MS = 3_600_000;
const ROWS_PER_STATEMENT = 1000;

/**
 * Notify learners (Records): one email per learner listing their selected valid documents, each
 * notice recorded, all in one transaction with the outbox rows. A document notified within
 * RENOTIFY_CONFIRM_HOURS is only notified again when the person confirms.
 */
@Injectable()
export class LearnerNoticesService {
  private readonly portalUrl: string;
  private readonly baseUrl: string;

  constructor(
    private readonly records: RecordsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.baseUrl = config.PUBLIC_URL.replace(/\/+$/, '');
    this.portalUrl = `${this.baseUrl}/sign-in`;
  }

  async notifyLearners(
    user: AuthenticatedUser,
    actor: Actor,
    request: { selection: SelectionInput; confirmRecent?: boolean },
  ): Promise<NotifyLearnersResponse> {
    const centreId = centreOf(user);
    return this.outbox.transaction(async (manager, outbox) => {
      const ids = await this.records.resolveSelection(user, request.selection, manager);
      const now = this.clock.now();
      const rows: NoticeRow[] = [];
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        const chunk = ids.slice(i, i + ROWS_PER_STATEMENT);
        rows.push(
          ...(await manager.query(
            `SELECT d.id, d.status, d.type, d.document_number, d.last_notified_at, d.learner_id, l.email, l.first_name,
                    l.enrolment_number, q.code AS qualification_code, q.title AS qualification_title
               FROM documents d JOIN learners l ON l.id = d.learner_id JOIN qualifications q ON q.id = d.qualification_id
              WHERE d.centre_id = ? AND d.id IN (${chunk.map(() => '?').join(',')})
              ORDER BY d.id
                FOR UPDATE`,
            [centreId, ...chunk],
          )),
        );
      }
      const valid = rows.filter((r) => r.status === 'valid');
      const reachable = valid.filter((r) => r.email && r.email.trim() !== '');
      const since = now.getTime() - RENOTIFY_CONFIRM_HOURS * HOUR_MS;
      const recent = reachable.filter((r) => r.last_notified_at && new Date(r.last_notified_at).getTime() > since).length;
      if (recent > 0 && request.confirmRecent !== true) throw new RecentNoticeError(recent);

      const centre = await centreSummary(manager, centreId);
      const byLearner = new Map<number, NoticeRow[]>();
      for (const r of reachable) {
        const list = byLearner.get(Number(r.learner_id)) ?? [];
        list.push(r);
        byLearner.set(Number(r.learner_id), list);
      }
      const notices: unknown[] = [];
      for (const [learnerId, docs] of byLearner) {
        const emailId = await outbox.add({
          to: docs[0].email!,
          template: 'learner-documents-available',
          eventKey: `documents.learner-notified:${learnerId}:${now.getTime()}:${docs.map((d) => d.id).join('-')}`.slice(0, 191),
          data: {
            firstName: docs[0].first_name,
            centreName: centre?.name ?? 'Your centre',
            single: docs.length === 1,
            documents: docs.map((d) => ({
              typeLabel: DOCUMENT_TYPE_LABELS[d.type],
              qualificationCode: d.qualification_code,
              qualificationTitle: d.qualification_title,
              documentNumber: d.document_number,
            })),
            portalUrl: this.portalUrl,
            enrolmentNumber: docs[0].enrolment_number,
            registerUrl: `${this.baseUrl}/register/learner?enrolment=${encodeURIComponent(docs[0].enrolment_number)}`,
          },
        });
        for (const d of docs) notices.push(d.id, learnerId, centreId, user.id, now, emailId);
      }
      for (let i = 0; i < notices.length; i += 6 * ROWS_PER_STATEMENT) {
        const part = notices.slice(i, i + 6 * ROWS_PER_STATEMENT);
        await manager.query(
          `INSERT INTO learner_notices (document_id, learner_id, centre_id, notified_by_user_id, notified_at, outbox_email_id)
           VALUES ${new Array(part.length / 6).fill('(?,?,?,?,?,?)').join(',')}`,
          part,
        );
      }
      const notifiedIds = reachable.map((r) => Number(r.id));
      for (let i = 0; i < notifiedIds.length; i += ROWS_PER_STATEMENT) {
        const chunk = notifiedIds.slice(i, i + ROWS_PER_STATEMENT);
        await manager.query(`UPDATE documents SET last_notified_at = ? WHERE id IN (${chunk.map(() => '?').join(',')})`, [now, ...chunk]);
      }
      const result: NotifyLearnersResponse = {
        learnersNotified: byLearner.size,
        documentsNotified: reachable.length,
        documentsWithoutEmail: valid.length - reachable.length,
        documentsNotValid: rows.length - valid.length,
      };
      await this.audit.record(
        actor,
        {
          action: 'documents.learners_notified',
          subjectType: 'centre',
          subjectId: centreId,
          centreId,
          details: { ...result, selected: ids.length, renotified: recent, documentIds: notifiedIds.slice(0, 100) },
        },
        manager,
      );
      return result;
    });
  }
}
