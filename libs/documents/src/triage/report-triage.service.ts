import { Page, REPORT_REASON_LABELS, REPORT_STATUS_LABELS, ReportReason, ReportStatus, TriageReportDetail, TriageReportSummary } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { addReportEntry } from '../reports/report-entries';
import { detailsOf, EntrySqlRow, REPORT_SELECT, ReportSqlRow, toReportEntry, toTriageSummary, withReportNames } from '../reports/report-views';
import { DocumentDetailService } from '../viewer/document-detail.service';
import { ApiError } from '@achievement/platform';

export interface TriageFilter {
  status?: ReportStatus;
  reason?: ReportReason;
  centreId?: number;
  olderThanDays?: number;
  assignedToMe?: boolean;
  cursor?: string;
  limit?: number;
}

const DAY_MS = 86_400_000;

/**
 * Triage of reported document problems (support staff and administrators): the queue (oldest
 * first), one report with its document and history, assigning, status, internal notes and
 * replies emailed to the reporter. Every decision is audited and kept in the report's history.
 */
@Injectable()
export class ReportTriageService {
  private readonly reportsUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentDetailService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.reportsUrl = `${config.PUBLIC_URL.replace(/\/+$/, '')}/reports`;
  }

  async listReports(user: AuthenticatedUser, filter: TriageFilter): Promise<Page<TriageReportSummary>> {
    const limit = filter.limit ?? 50;
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.reason) {
      where.push('r.reason = ?');
      params.push(filter.reason);
    }
    if (filter.centreId) {
      where.push('r.centre_id = ?');
      params.push(filter.centreId);
    }
    if (filter.olderThanDays !== undefined) {
      where.push('r.created_at < ?');
      params.push(new Date(this.clock.now().getTime() - filter.olderThanDays * DAY_MS));
    }
    if (filter.assignedToMe) {
      where.push('r.assignee_user_id = ?');
      params.push(user.id);
    }
    if (filter.cursor) {
      where.push('r.id > ?');
      params.push(Number(filter.cursor));
    }
    const rows: ReportSqlRow[] = await this.dataSource.query(`${REPORT_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT ?`, [...params, limit + 1]);
    const items = (await withReportNames(this.dataSource, rows.slice(0, limit))).map(toTriageSummary);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  async getReport(user: AuthenticatedUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<TriageReportDetail> {
    const row = await this.row(manager, id);
    const entries: EntrySqlRow[] = await manager.query(
      'SELECT id, report_id, kind, text, author_user_id, author_name, created_at FROM report_entries WHERE report_id = ? ORDER BY id',
      [id],
    );
    return {
      ...toTriageSummary(row),
      description: row.description,
      details: detailsOf(row),
      documentDetail: await this.documents.getDocument(user, Number(row.document_id), manager),
      entries: entries.map(toReportEntry),
    };
  }

  async assignToMe(user: AuthenticatedUser, actor: Actor, id: number): Promise<TriageReportDetail> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      if (Number(row.assignee_user_id) === user.id) return;
      const now = this.clock.now();
      const status: ReportStatus = row.status === 'new' ? 'in_progress' : row.status;
      await manager.query('UPDATE document_reports SET assignee_user_id = ?, status = ? WHERE id = ?', [user.id, status, id]);
      const moved = status !== row.status ? ` (status ${REPORT_STATUS_LABELS[row.status]} → ${REPORT_STATUS_LABELS[status]})` : '';
      await addReportEntry(manager, id, 'assignment', `Assigned to ${user.name}${moved}`, user, now);
      await this.audit.record(
        actor,
        {
          action: 'report.assigned',
          subjectType: 'document_report',
          subjectId: id,
          centreId: Number(row.centre_id),
          before: { assigneeUserId: row.assignee_user_id === null ? null : Number(row.assignee_user_id), status: row.status },
          after: { assigneeUserId: user.id, status },
        },
        manager,
      );
    });
    return this.getReport(user, id);
  }

  async changeStatus(user: AuthenticatedUser, actor: Actor, id: number, status: ReportStatus): Promise<TriageReportDetail> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      if (row.status === status) return;
      const now = this.clock.now();
      await manager.query('UPDATE document_reports SET status = ? WHERE id = ?', [status, id]);
      await addReportEntry(manager, id, 'status', `Status changed from ${REPORT_STATUS_LABELS[row.status]} to ${REPORT_STATUS_LABELS[status]}`, user, now);
      await this.audit.record(
        actor,
        {
          action: 'report.status_changed',
          subjectType: 'document_report',
          subjectId: id,
          centreId: Number(row.centre_id),
          before: { status: row.status },
          after: { status },
        },
        manager,
      );
    });
    return this.getReport(user, id);
  }

  /** An internal note: kept in the history, never emailed, never shown to the centre. */
  async addNote(user: AuthenticatedUser, actor: Actor, id: number, text: string): Promise<TriageReportDetail> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      const entryId = await addReportEntry(manager, id, 'note', text, user, this.clock.now());
      await this.audit.record(
        actor,
        { action: 'report.note_added', subjectType: 'document_report', subjectId: id, centreId: Number(row.centre_id), details: { entryId } },
        manager,
      );
    });
    return this.getReport(user, id);
  }

  /** A reply: emailed to the reporter and shown to the centre with the report. */
  async reply(user: AuthenticatedUser, actor: Actor, id: number, text: string): Promise<TriageReportDetail> {
    await this.outbox.transaction(async (manager, outbox) => {
      const row = await this.row(manager, id, true);
      const entryId = await addReportEntry(manager, id, 'reply', text, user, this.clock.now());
      await outbox.add({
        to: row.reporter_email,
        template: 'document-report-reply',
        eventKey: `document-report.reply:${entryId}`,
        data: {
          reporterName: row.reporter_name,
          reference: row.reference,
          reasonLabel: REPORT_REASON_LABELS[row.reason],
          documentNumber: row.document_number,
          learnerName: row.learner_name,
          text,
          reportsUrl: this.reportsUrl,
        },
      });
      await this.audit.record(
        actor,
        { action: 'report.replied', subjectType: 'document_report', subjectId: id, centreId: Number(row.centre_id), details: { entryId } },
        manager,
      );
    });
    return this.getReport(user, id);
  }

  private async row(manager: EntityManager, id: number, lock = false): Promise<ReportSqlRow> {
    if (lock) {
      const [locked] = await manager.query('SELECT id FROM document_reports WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw reportNotFound(id);
    }
    const [row]: ReportSqlRow[] = await manager.query(`${REPORT_SELECT} WHERE r.id = ?`, [id]);
    if (!row) throw reportNotFound(id);
    return (await withReportNames(manager, [row]))[0];
  }
}

export function reportNotFound(id: number): ApiError {
  return new ApiError('REPORT_NOT_FOUND', `There is no report ${id}.`);
}
