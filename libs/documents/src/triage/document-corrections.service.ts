import { DocumentDetail, DocumentStatus, DocumentType, DocumentUnit, ReissueDocumentRequest, RevokeDocumentRequest } from '@achievement/contracts';
import { Actor, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { indexRecordNames } from '../records/record-search-index';
import { DocumentRenderQueue } from '../rendering/document-render.queue';
import { addReportEntry } from '../reports/report-entries';
import { VerifiableChanges } from '../verifiable/verifiable-changes';
import { DocumentDetailService, documentNotFound } from '../viewer/document-detail.service';
import { reportNotFound } from './report-triage.service';
import { ApiError } from '@achievement/platform';

interface LockedDocument {
  id: number;
  job_id: number;
  centre_id: number;
  learner_id: number;
  qualification_id: number;
  type: DocumentType;
  document_number: string;
  status: DocumentStatus;
  version: number;
  learner_name: string;
  grade: string | null;
  award_date: string;
  units: DocumentUnit[] | string | null;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  qualification_code: string;
  qualification_title: string;
}

/**
 * Corrections by support staff: a reissue (a new version with a new verification code, in the
 * same job and centre, which supersedes the old one and is rendered by the worker) and a
 * revocation. Each writes an audit row and, when it answers a report, a history entry.
 */
@Injectable()
export class DocumentCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentDetailService,
    private readonly renderQueue: DocumentRenderQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly verifiableChanges: VerifiableChanges,
  ) {}

  async reissue(user: AuthenticatedUser, actor: Actor, id: number, request: ReissueDocumentRequest): Promise<DocumentDetail> {
    const { newId, jobId } = await this.dataSource.transaction(async (manager) => {
      const old = await this.lockValid(manager, id, 'reissued');
      if (request.reportId !== undefined) await this.assertReportOf(manager, request.reportId, id);
      const now = this.clock.now();

      // the learner's own record is corrected too: it is the same person, their details were wrong
      const learner = {
        firstName: request.firstName ?? old.first_name,
        lastName: request.lastName ?? old.last_name,
        dateOfBirth: request.dateOfBirth ?? old.date_of_birth,
      };
      const learnerChanged = learner.firstName !== old.first_name || learner.lastName !== old.last_name || learner.dateOfBirth !== old.date_of_birth;
      if (learnerChanged) {
        await manager.query('UPDATE learners SET first_name = ?, last_name = ?, date_of_birth = ? WHERE id = ?', [
          learner.firstName,
          learner.lastName,
          learner.dateOfBirth,
          old.learner_id,
        ]);
      }
      const qualificationId = await this.qualificationFor(manager, old, request);
      const oldUnits = typeof old.units === 'string' ? (JSON.parse(old.units) as DocumentUnit[]) : old.units;
      const units = request.units ?? oldUnits;
      const learnerName = `${learner.firstName} ${learner.lastName}`.trim();
      const values = {
        type: request.documentType ?? old.type,
        grade: request.grade !== undefined ? request.grade : old.grade,
        awardDate: request.awardDate ?? old.award_date,
      };
      const placeholder = `T${randomBytes(8).toString('hex')}`;
      const result = await manager.query(
        `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version,
                                supersedes_id, learner_name, learner_last_name, grade, award_date, units, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'valid', ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          old.job_id,
          old.centre_id,
          old.learner_id,
          qualificationId,
          values.type,
          placeholder,
          randomBytes(24).toString('base64url'),
          Number(old.version) + 1,
          old.id,
          learnerName,
          learner.lastName,
          values.grade,
          values.awardDate,
          units ? JSON.stringify(units) : null,
          now,
        ],
      );
      const newId = Number(result.insertId);
      // document numbers follow the ids, as the seeder and issuing number them
      await manager.query(`UPDATE documents SET document_number = CONCAT('D', 100000000 + id) WHERE id = ?`, [newId]);
      await manager.query(`UPDATE documents SET status = 'superseded' WHERE id = ?`, [old.id]);
      // the new version belongs to the job: its progress counts it until the worker has rendered it
      await manager.query('UPDATE jobs SET document_count = document_count + 1 WHERE id = ?', [old.job_id]);
      await indexRecordNames(manager, [{ id: newId, centreId: Number(old.centre_id), learnerName }]);
      await this.audit.record(
        actor,
        {
          action: 'document.reissued',
          subjectType: 'document',
          subjectId: old.id,
          centreId: Number(old.centre_id),
          before: {
            status: 'valid',
            learnerName: old.learner_name,
            dateOfBirth: old.date_of_birth,
            qualificationCode: old.qualification_code,
            qualificationTitle: old.qualification_title,
            type: old.type,
            grade: old.grade,
            awardDate: old.award_date,
            units: oldUnits,
          },
          after: {
            status: 'superseded',
            newDocumentId: newId,
            version: Number(old.version) + 1,
            learnerName,
            dateOfBirth: learner.dateOfBirth,
            qualificationId,
            ...values,
            units,
          },
          details: { reason: request.reason, reportId: request.reportId ?? null },
        },
        manager,
      );
      if (request.reportId !== undefined) {
        await addReportEntry(
          manager,
          request.reportId,
          'reissue',
          `Reissued as version ${Number(old.version) + 1} (document ${newId}): ${request.reason}`,
          user,
          now,
        );
      }
      return { newId, jobId: Number(old.job_id) };
    });
    // the old version now points to the new one (and a qualification's title may have changed for all)
    await this.verifiableChanges.announce({ all: true });
    await this.renderQueue.enqueue(jobId, [newId]);
    return this.documents.getDocument(user, newId);
  }

  async revoke(user: AuthenticatedUser, actor: Actor, id: number, request: RevokeDocumentRequest): Promise<DocumentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const doc = await this.lockValid(manager, id, 'revoked');
      if (request.reportId !== undefined) await this.assertReportOf(manager, request.reportId, id);
      const now = this.clock.now();
      await manager.query(`UPDATE documents SET status = 'revoked', revoked_at = ?, revocation_reason = ? WHERE id = ?`, [now, request.reason, id]);
      await this.audit.record(
        actor,
        {
          action: 'document.revoked',
          subjectType: 'document',
          subjectId: id,
          centreId: Number(doc.centre_id),
          before: { status: 'valid' },
          after: { status: 'revoked', revokedAt: now.toISOString() },
          details: { reason: request.reason, reportId: request.reportId ?? null },
        },
        manager,
      );
      if (request.reportId !== undefined) await addReportEntry(manager, request.reportId, 'revocation', `Revoked: ${request.reason}`, user, now);
    });
    await this.verifiableChanges.announce({ all: true });
    return this.documents.getDocument(user, id);
  }

  private async lockValid(manager: EntityManager, id: number, what: string): Promise<LockedDocument> {
    const [locked] = await manager.query('SELECT id FROM documents WHERE id = ? FOR UPDATE', [id]);
    if (!locked) throw documentNotFound(id);
    const [doc]: LockedDocument[] = await manager.query(
      `SELECT d.id, d.job_id, d.centre_id, d.learner_id, d.qualification_id, d.type, d.document_number, d.status, d.version, d.learner_name,
              d.grade, d.award_date, d.units, l.first_name, l.last_name, l.date_of_birth, q.code AS qualification_code, q.title AS qualification_title
         FROM documents d JOIN learners l ON l.id = d.learner_id JOIN qualifications q ON q.id = d.qualification_id
        WHERE d.id = ? FOR UPDATE`,
      [id],
    );
    if (doc.status !== 'valid') {
      throw new ApiError(
        'DOCUMENT_NOT_VALID_VERSION',
        `Document ${doc.document_number} is ${doc.status}: only the valid version of a document can be ${what}.`,
      );
    }
    return doc;
  }

  /**
   * The qualification of the new version: the one with the given code (added to the catalogue
   * when it is new, with the given title). A title given for an existing code corrects the
   * catalogue's title, which is the one every document of that qualification prints.
   */
  private async qualificationFor(manager: EntityManager, old: LockedDocument, request: ReissueDocumentRequest): Promise<number> {
    const code = request.qualificationCode ?? old.qualification_code;
    const [existing] = await manager.query('SELECT id, title FROM qualifications WHERE code = ? FOR UPDATE', [code]);
    if (existing) {
      if (request.qualificationTitle !== undefined && request.qualificationTitle !== existing.title) {
        await manager.query('UPDATE qualifications SET title = ? WHERE id = ?', [request.qualificationTitle, existing.id]);
      }
      return Number(existing.id);
    }
    const title = request.qualificationTitle;
    if (!title) {
      const message = `There is no qualification ${code} yet: give its qualificationTitle to add it.`;
      throw new ApiError('VALIDATION_FAILED', { message, fieldErrors: { qualificationTitle: [message] } });
    }
    const result = await manager.query('INSERT INTO qualifications (code, title, level, display_on_verify) VALUES (?, ?, NULL, 1)', [code, title]);
    return Number(result.insertId);
  }

  private async assertReportOf(manager: EntityManager, reportId: number, documentId: number): Promise<void> {
    const [report] = await manager.query('SELECT document_id FROM document_reports WHERE id = ? FOR UPDATE', [reportId]);
    if (!report) throw reportNotFound(reportId);
    if (Number(report.document_id) !== documentId) {
      const message = `Report ${reportId} is about another document.`;
      throw new ApiError('VALIDATION_FAILED', { message, fieldErrors: { reportId: [message] } });
    }
  }
}
