import { withCentreNames } from '@achievement/identity';
import { Page, REPORT_REASON_LABELS, ReportIssueRequest, ReportStatus, ReportSummary } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { centreOf } from '../records/records.service';
import { documentNotFound } from '../viewer/document-detail.service';
import { EntrySqlRow, REPORT_SELECT, ReportSqlRow, reportReference, toReportSummary, withReportNames } from './report-views';
import { ApiError } from '@achievement/platform';

export const DEFAULT_REPORT_LIMIT = 50;

/**
 * Reporting an issue on a document (centre staff): the report is stored with the reporter's
 * details as they were, and the Centre Services team is emailed the details the guide lists
 * (reporter's name and email, the student's enrolment number, the qualification code and title).
 */
@Injectable()
export class DocumentReportsService {
  private readonly servicesTeam: string;
  private readonly base: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.servicesTeam = config.SERVICES_TEAM_EMAIL;
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  async reportIssue(user: AuthenticatedUser, actor: Actor, documentId: number, request: ReportIssueRequest): Promise<ReportSummary> {
    const centreId = centreOf(user);
    const id = await this.outbox.transaction(async (manager, outbox) => {
      const [doc] = await manager.query(
        `SELECT d.id, d.document_number, d.learner_name, l.enrolment_number, q.code, q.title, d.centre_id
           FROM documents d JOIN learners l ON l.id = d.learner_id JOIN qualifications q ON q.id = d.qualification_id
          WHERE d.id = ? AND d.centre_id = ?`,
        [documentId, centreId],
      );
      if (!doc) throw documentNotFound(documentId);
      await withCentreNames(manager, [doc]);
      const now = this.clock.now();
      const qualification = `${doc.code} ${doc.title}`.slice(0, 300);
      const result = await manager.query(
        `INSERT INTO document_reports (centre_id, document_id, status, reason, description, reporter_user_id, reporter_name, reporter_email,
                                       enrolment_number, qualification, created_at, updated_at)
         VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [centreId, documentId, request.reason, request.description, user.id, user.name, user.email, doc.enrolment_number, qualification, now, now],
      );
      const reportId = Number(result.insertId);
      const reference = reportReference(reportId);
      await manager.query('UPDATE document_reports SET reference = ? WHERE id = ?', [reference, reportId]);
      await this.audit.record(
        actor,
        {
          action: 'document.issue_reported',
          subjectType: 'document',
          subjectId: documentId,
          centreId,
          details: { reportId, reference, reason: request.reason },
        },
        manager,
      );
      await outbox.add({
        to: this.servicesTeam,
        template: 'document-issue-reported',
        eventKey: `document.issue-reported:${reportId}`,
        data: {
          reference,
          reasonLabel: REPORT_REASON_LABELS[request.reason],
          description: request.description,
          reporterName: user.name,
          reporterEmail: user.email,
          enrolmentNumber: doc.enrolment_number,
          qualification,
          centreNumber: doc.centre_number,
          centreName: doc.centre_name,
          documentNumber: doc.document_number,
          learnerName: doc.learner_name,
          triageUrl: `${this.base}/admin/reports/${reportId}`,
        },
      });
      return reportId;
    });
    return this.reportOfCentre(this.dataSource.manager, centreId, id);
  }

  /** The centre's reports, newest first. */
  async listReports(user: AuthenticatedUser, filter: { status?: ReportStatus; cursor?: string; limit?: number }): Promise<Page<ReportSummary>> {
    const centreId = centreOf(user);
    const limit = filter.limit ?? DEFAULT_REPORT_LIMIT;
    const where = ['r.centre_id = ?'];
    const params: unknown[] = [centreId];
    if (filter.status) {
      where.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.cursor) {
      where.push('r.id < ?');
      params.push(Number(filter.cursor));
    }
    const rows: ReportSqlRow[] = await this.dataSource.query(`${REPORT_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT ?`, [
      ...params,
      limit + 1,
    ]);
    const page = await withReportNames(this.dataSource, rows.slice(0, limit));
    const replies = await this.repliesOf(
      this.dataSource.manager,
      page.map((r) => Number(r.id)),
    );
    return {
      items: page.map((r) => toReportSummary(r, replies.get(Number(r.id)) ?? [])),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }

  private async reportOfCentre(manager: EntityManager, centreId: number, id: number): Promise<ReportSummary> {
    const [row]: ReportSqlRow[] = await manager.query(`${REPORT_SELECT} WHERE r.id = ? AND r.centre_id = ?`, [id, centreId]);
    if (!row) throw new ApiError('REPORT_NOT_FOUND', `There is no report ${id}.`);
    await withReportNames(manager, [row]);
    return toReportSummary(row, (await this.repliesOf(manager, [id])).get(id) ?? []);
  }

  private async repliesOf(manager: EntityManager, reportIds: number[]): Promise<Map<number, EntrySqlRow[]>> {
    const out = new Map<number, EntrySqlRow[]>();
    if (reportIds.length === 0) return out;
    const rows: EntrySqlRow[] = await manager.query(
      `SELECT id, report_id, kind, text, author_user_id, author_name, created_at FROM report_entries
        WHERE kind = 'reply' AND report_id IN (${reportIds.map(() => '?').join(',')}) ORDER BY id`,
      reportIds,
    );
    for (const e of rows) {
      const list = out.get(Number(e.report_id)) ?? [];
      list.push(e);
      out.set(Number(e.report_id), list);
    }
    return out;
  }
}
