import { withCentreNames } from '@achievement/identity';
import { DocumentType, DocumentUnit, VERIFY_PATH } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { AppConfig, Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CertificateContent } from './certificate-content';
import { DocumentPdfRenderer } from './document-pdf-renderer';
import { VerifiableChanges } from '../verifiable/verifiable-changes';
import { jobIssuedEmail } from './job-issued-notice';

/** Certificates of one batch rendered at once: rendering waits on timers between its steps, so a few in flight keep the CPU busy. */
const RENDERS_IN_FLIGHT = 4;

interface RenderRow {
  id: number;
  centre_id: number;
  type: DocumentType;
  document_number: string;
  verification_code: string;
  version: number;
  learner_name: string;
  grade: string | null;
  award_date: string;
  units: DocumentUnit[] | string | null;
  enrolment_number: string;
  qualification_code: string;
  qualification_title: string;
  centre_number?: string | null;
  centre_name?: string | null;
}

export interface RenderBatchResult {
  /** documents rendered and recorded by this call */
  rendered: number;
  /** documents that were already rendered (a re-delivered batch) */
  skipped: number;
  /** whether this batch completed its job (and so wrote the centre's email) */
  completedJob: boolean;
}

/** The storage key of a document's PDF: internal ids only. */
export function documentFileKey(centreId: number, documentId: number, version: number): string {
  return `documents/${centreId}/${documentId}-v${version}.pdf`;
}

/** The storage key of a document's centre copy (its PDF stamped "Centre copy"), beside the PDF. */
export function centreCopyFileKey(centreId: number, documentId: number, version: number): string {
  return `documents/${centreId}/${documentId}-v${version}-centre-copy.pdf`;
}

/** A rendered document as stored: its PDF and its centre copy, each with its SHA-256. */
interface StoredRender {
  id: number;
  key: string;
  sha256: string;
  copyKey: string;
  copySha256: string;
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Renders a batch of a job's documents, stores each PDF and its centre copy and records their keys and SHA-256s, counts
 * them into the job's progress, and, in the batch that renders the job's last document, marks the
 * job issued and writes the centre's email. Idempotent: documents already stored are skipped, a
 * document is recorded only while its file_key is still empty, and a document renders to the same
 * bytes every time, so a re-delivered batch changes nothing. The job's completion is decided in
 * SQL (a conditional UPDATE of the job row), so of two batches finishing at once only one sends.
 */
@Injectable()
export class DocumentRenderService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentRenderService.name);
  private readonly verifyBase: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly renderer: DocumentPdfRenderer,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly verifiableChanges: VerifiableChanges,
  ) {
    this.verifyBase = `${config.PUBLIC_URL.replace(/\/+$/, '')}${VERIFY_PATH}/`;
  }

  /** Renders a sample certificate in the background once the process is up: the first real batch then finds the glyphs read and the code compiled. */
  onApplicationBootstrap(): void {
    const sample: CertificateContent = {
      type: 'unit_certificate',
      documentNumber: 'D100000000',
      learnerName: 'Łukasz Wójcik Γιώργος Иван 王小明',
      enrolmentNumber: '0000000',
      qualificationCode: '600/0000/0',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair Principles',
      grade: 'Distinction',
      awardDate: '2025-01-01',
      units: [{ code: 'F/617/5038', title: 'Health and safety' }],
      centreName: 'Warm-up College',
      centreNumber: 'C00000',
      version: 1,
      verificationUrl: this.verificationUrl('0'.repeat(32)),
    };
    void this.renderer.renderWithCentreCopy(sample).catch((err: Error) => this.logger.warn(`Warm-up render failed: ${err.message}`));
  }

  verificationUrl(code: string): string {
    return this.verifyBase + code;
  }

  async renderBatch(jobId: number, documentIds: number[]): Promise<RenderBatchResult> {
    await this.dataSource.query(`UPDATE jobs SET status = 'rendering' WHERE id = ? AND status = 'queued'`, [jobId]);
    const rows: RenderRow[] = documentIds.length
      ? await withCentreNames(
          this.dataSource,
          await this.dataSource.query(
            `SELECT d.id, d.centre_id, d.type, d.document_number, d.verification_code, d.version, d.learner_name, d.grade,
                    DATE_FORMAT(d.award_date, '%Y-%m-%d') AS award_date, d.units, l.enrolment_number, q.code AS qualification_code,
                    q.title AS qualification_title
               FROM documents d JOIN learners l ON l.id = d.learner_id JOIN qualifications q ON q.id = d.qualification_id
              WHERE d.job_id = ? AND d.id IN (${documentIds.map(() => '?').join(',')}) AND d.file_key IS NULL`,
            [jobId, ...documentIds],
          ),
        )
      : [];
    const stored: StoredRender[] = [];
    let next = 0;
    const work = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        // the centre copy is made with the document (a second save of the same pages), so zips and the viewer never stamp
        const { pdf, centreCopy } = await this.renderer.renderWithCentreCopy(this.contentOf(row));
        const key = documentFileKey(Number(row.centre_id), Number(row.id), Number(row.version));
        const copyKey = centreCopyFileKey(Number(row.centre_id), Number(row.id), Number(row.version));
        await Promise.all([this.storage.put(key, pdf), this.storage.put(copyKey, centreCopy)]);
        stored.push({
          id: Number(row.id),
          key,
          sha256: sha256Of(pdf),
          copyKey,
          copySha256: sha256Of(centreCopy),
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(RENDERS_IN_FLIGHT, rows.length) }, work));
    const result = await this.record(jobId, stored, documentIds.length - rows.length);
    // a document looked up before its PDF existed can now be shown on its verification page
    await this.verifiableChanges.announce({ codes: rows.map((r) => r.verification_code) });
    return result;
  }

  /** What a document's certificate prints. */
  contentOf(row: RenderRow): CertificateContent {
    const units = typeof row.units === 'string' ? (JSON.parse(row.units) as DocumentUnit[]) : (row.units ?? []);
    return {
      type: row.type,
      documentNumber: row.document_number,
      learnerName: row.learner_name,
      enrolmentNumber: row.enrolment_number,
      qualificationCode: row.qualification_code,
      qualificationTitle: row.qualification_title,
      grade: row.grade,
      awardDate: row.award_date,
      units,
      centreName: row.centre_name ?? '',
      centreNumber: row.centre_number ?? '',
      version: Number(row.version),
      verificationUrl: this.verificationUrl(row.verification_code),
    };
  }

  private async record(jobId: number, stored: StoredRender[], skipped: number): Promise<RenderBatchResult> {
    return this.outbox.transaction(async (manager, outbox) => {
      let rendered = 0;
      if (stored.length) {
        const ids = stored.map((s) => s.id);
        const result = await manager.query(
          `UPDATE documents
              SET file_key = CASE id ${stored.map(() => 'WHEN ? THEN ?').join(' ')} END,
                  sha256 = CASE id ${stored.map(() => 'WHEN ? THEN ?').join(' ')} END,
                  centre_copy_key = CASE id ${stored.map(() => 'WHEN ? THEN ?').join(' ')} END,
                  centre_copy_sha256 = CASE id ${stored.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE id IN (${ids.map(() => '?').join(',')}) AND file_key IS NULL`,
          [
            ...stored.flatMap((s) => [s.id, s.key]),
            ...stored.flatMap((s) => [s.id, s.sha256]),
            ...stored.flatMap((s) => [s.id, s.copyKey]),
            ...stored.flatMap((s) => [s.id, s.copySha256]),
            ...ids,
          ],
        );
        rendered = Number(result.affectedRows ?? 0);
        // capped: documents seeded as already counted (the demo data) do not push progress past the job's count
        if (rendered) await manager.query('UPDATE jobs SET rendered_count = LEAST(document_count, rendered_count + ?) WHERE id = ?', [rendered, jobId]);
      }
      const now = this.clock.now();
      const done = await manager.query(
        `UPDATE jobs SET status = 'issued', issued_at = ?, centre_notified_at = ?, failure_reason = NULL
          WHERE id = ? AND status IN ('queued', 'rendering', 'failed') AND rendered_count >= document_count`,
        [now, now, jobId],
      );
      const completedJob = Number(done.affectedRows ?? 0) === 1;
      if (completedJob) {
        const [job] = await manager.query('SELECT id, number, centre_id FROM jobs WHERE id = ?', [jobId]);
        await outbox.add(
          await jobIssuedEmail(
            manager,
            this.storage,
            {
              id: Number(job.id),
              number: job.number,
              centreId: Number(job.centre_id),
            },
            this.config.PUBLIC_URL,
          ),
        );
        this.logger.log(`Job ${job.number} issued: every document rendered; the centre's email is queued`);
      }
      return {
        rendered,
        skipped: skipped + (stored.length - rendered),
        completedJob,
      };
    });
  }

  /** A batch that failed for good (every retry used): the job is marked failed with the reason, for the administrator to see. */
  async markFailed(jobId: number, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE jobs SET status = 'failed', failure_reason = ? WHERE id = ? AND status IN ('queued', 'rendering')`, [
      reason.slice(0, 1000),
      jobId,
    ]);
  }
}
