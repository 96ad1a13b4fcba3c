import { lockCentre } from '@achievement/identity';
import { AdminJobDetail, ImportRowError, IssueDocumentInput } from '@achievement/contracts';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueriesService } from '../jobs/job-queries.service';
import { RecordSearchIndex } from '../records/record-search-index';
import { DocumentRenderQueue } from '../rendering/document-render.queue';
import { RENDER_BATCH_SIZE } from '../rendering/render-queue';
import { readJobCsv } from './job-csv-reader';
import { CSV_FIELD_NAMES, FieldNames, JobRow, JSON_FIELD_NAMES, RawJobRow } from './job-row';
import { checkJobRows, sameName, throwIfAny } from './job-row-checks';
import { ApiError } from '@achievement/platform';

export { RENDER_BATCH_SIZE };
const CHUNK = 1000;

/** 24 bytes (192 bits) from the system's secure generator, as 32 characters of base64url. */
export function newVerificationCode(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Issues a job of one centre's documents (administrators): checks every row, then in one
 * transaction finds or adds the learners (by enrolment number) and qualifications (by code),
 * writes the job and its documents (numbers J0000123 / D100001234 follow the ids, verification
 * codes from crypto), indexes the names for Records and writes the audit row. After commit the
 * documents go to the render queue in batches. All or nothing: a problem anywhere issues nothing.
 *
 * Decisions: an enrolment number held for a learner with another name or date of birth is a row
 * problem (corrections go through a reissue, not through a job); a new email for a known learner
 * replaces the held one. A qualification code held with another title is a row problem too (the
 * catalogue title is printed on every document of that code); case and spacing do not count.
 */
@Injectable()
export class JobIssuingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderQueue: DocumentRenderQueue,
    private readonly searchIndex: RecordSearchIndex,
    private readonly jobs: JobQueriesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  issueJobFromCsv(centreId: number, csv: string, actor: Actor): Promise<AdminJobDetail> {
    return this.issue(centreId, readJobCsv(csv), CSV_FIELD_NAMES, actor, 'csv');
  }

  issueJob(centreId: number, documents: IssueDocumentInput[], actor: Actor): Promise<AdminJobDetail> {
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim());
    const rows: RawJobRow[] = documents.map((d, i) => ({
      line: i + 1,
      enrolmentNumber: text(d.enrolmentNumber),
      firstName: text(d.firstName),
      lastName: text(d.lastName),
      dateOfBirth: text(d.dateOfBirth),
      email: text(d.email),
      qualificationCode: text(d.qualificationCode),
      qualificationTitle: text(d.qualificationTitle),
      documentType: text(d.documentType),
      grade: text(d.grade),
      awardDate: text(d.awardDate),
      units: Array.isArray(d.units)
        ? d.units.map((u) => ({
            code: u && typeof u.code === 'string' ? u.code.trim() || null : null,
            title: u && typeof u.title === 'string' ? u.title.trim() : '',
          }))
        : null,
    }));
    return this.issue(centreId, rows, JSON_FIELD_NAMES, actor, 'api');
  }

  private async issue(centreId: number, raw: RawJobRow[], names: FieldNames, actor: Actor, source: 'csv' | 'api'): Promise<AdminJobDetail> {
    const now = this.clock.now();
    const rows = checkJobRows(raw, names, now.toISOString().slice(0, 10));
    const { jobId, documentIds } = await this.dataSource.transaction(async (manager) => {
      const centre = await lockCentre(manager, centreId);
      if (!centre) throw new ApiError('CENTRE_NOT_FOUND', `There is no centre ${centreId}.`);
      const learners = await this.learnersFor(manager, rows, names, now);
      const qualifications = await this.qualificationsFor(manager, rows, names);
      await this.refuseReissues(manager, centreId, rows, learners, qualifications);

      const job = await manager.query(
        `INSERT INTO jobs (number, centre_id, status, document_count, rendered_count, created_by_user_id, created_at) VALUES (?, ?, 'queued', ?, 0, ?, ?)`,
        [`T${randomBytes(8).toString('hex')}`, centreId, rows.length, actor.userId, now],
      );
      const jobId = Number(job.insertId);
      await manager.query(`UPDATE jobs SET number = CONCAT('J', LPAD(id, 7, '0')) WHERE id = ?`, [jobId]);

      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        const values: unknown[] = [];
        for (const [k, r] of part.entries()) {
          values.push(
            jobId,
            centreId,
            learners.get(r.enrolmentNumber)!.id,
            qualifications.get(r.qualificationCode)!,
            r.documentType,
            `P${jobId}-${i + k}`,
            newVerificationCode(),
            `${learners.get(r.enrolmentNumber)!.firstName} ${learners.get(r.enrolmentNumber)!.lastName}`,
            learners.get(r.enrolmentNumber)!.lastName,
            r.grade,
            r.awardDate,
            r.units.length ? JSON.stringify(r.units) : null,
            now,
          );
        }
        await manager.query(
          `INSERT INTO documents (job_id, centre_id, learner_id, qualification_id, type, document_number, verification_code, status, version, learner_name, learner_last_name, grade, award_date, units, issued_at)
           VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, 'valid', 1, ?, ?, ?, ?, ?, ?)").join(', ')}`,
          values,
        );
      }
      // document numbers follow the ids, as the seeder and reissues number them
      await manager.query(`UPDATE documents SET document_number = CONCAT('D', 100000000 + id) WHERE job_id = ?`, [jobId]);
      const docs: { id: number; learner_name: string }[] = await manager.query('SELECT id, learner_name FROM documents WHERE job_id = ? ORDER BY id', [jobId]);
      await this.searchIndex.indexDocuments(
        manager,
        docs.map((d) => ({
          id: Number(d.id),
          centreId,
          learnerName: d.learner_name,
        })),
      );
      await this.audit.record(
        actor,
        {
          action: 'job.issued',
          subjectType: 'job',
          subjectId: jobId,
          centreId,
          after: { status: 'queued', documentCount: rows.length },
          details: {
            source,
            learnersAdded: [...learners.values()].filter((l) => l.added).length,
            centreNumber: centre.number,
          },
        },
        manager,
      );
      return { jobId, documentIds: docs.map((d) => Number(d.id)) };
    });
    // if Redis fails here the job stays queued with its documents unrendered: `queueUnrenderedDocuments` (or issuing the batches again) picks them up
    await this.renderQueue.enqueueInBatches(jobId, documentIds);
    return this.jobs.adminJob(jobId);
  }

  /** The learner of each enrolment number: the one held (locked), or a new one. */
  private async learnersFor(manager: EntityManager, rows: JobRow[], names: FieldNames, now: Date) {
    const byNumber = new Map<string, JobRow>();
    for (const r of rows) if (!byNumber.has(r.enrolmentNumber)) byNumber.set(r.enrolmentNumber, r);
    const numbers = [...byNumber.keys()].sort();
    const found = new Map<
      string,
      {
        id: number;
        firstName: string;
        lastName: string;
        dateOfBirth: string;
        email: string | null;
        added: boolean;
      }
    >();
    const select = async (part: string[]) => {
      const held: {
        id: number;
        enrolment_number: string;
        first_name: string;
        last_name: string;
        date_of_birth: string;
        email: string | null;
      }[] = await manager.query(
        `SELECT id, enrolment_number, first_name, last_name, DATE_FORMAT(date_of_birth, '%Y-%m-%d') AS date_of_birth, email FROM learners WHERE enrolment_number IN (${part.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`,
        part,
      );
      for (const l of held) {
        const key = l.enrolment_number.toUpperCase();
        if (!found.has(key))
          found.set(key, {
            id: Number(l.id),
            firstName: l.first_name,
            lastName: l.last_name,
            dateOfBirth: l.date_of_birth,
            email: l.email,
            added: false,
          });
      }
    };
    for (let i = 0; i < numbers.length; i += CHUNK) await select(numbers.slice(i, i + CHUNK));

    const problems: ImportRowError[] = [];
    for (const r of rows) {
      const held = found.get(r.enrolmentNumber);
      if (held && (!sameName(held.firstName, r.firstName) || !sameName(held.lastName, r.lastName) || held.dateOfBirth !== r.dateOfBirth)) {
        problems.push({
          line: r.line,
          field: names.enrolmentNumber,
          message: `Enrolment number ${r.enrolmentNumber} belongs to ${held.firstName} ${held.lastName}, born ${held.dateOfBirth}: check the number, or have support correct the learner's details first`,
        });
      }
    }
    throwIfAny(problems);

    const missing = numbers.filter((n) => !found.has(n));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const part = missing.slice(i, i + CHUNK).map((n) => byNumber.get(n)!);
      // IGNORE: another job adding the same learner at the same moment keeps its row, which is then read back
      await manager.query(
        `INSERT IGNORE INTO learners (enrolment_number, first_name, last_name, date_of_birth, email, created_at) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => [r.enrolmentNumber, r.firstName, r.lastName, r.dateOfBirth, r.email, now]),
      );
      await select(part.map((r) => r.enrolmentNumber));
      for (const r of part) {
        const l = found.get(r.enrolmentNumber)!;
        l.added = true;
      }
    }
    for (const [number, r] of byNumber) {
      const l = found.get(number)!;
      if (!l.added && r.email && r.email !== l.email) {
        await manager.query('UPDATE learners SET email = ? WHERE id = ?', [r.email, l.id]);
        l.email = r.email;
      }
    }
    return found;
  }

  /** The qualification id of each code: held, or added with the row's title. */
  private async qualificationsFor(manager: EntityManager, rows: JobRow[], names: FieldNames): Promise<Map<string, number>> {
    const byCode = new Map<string, JobRow>();
    for (const r of rows) if (!byCode.has(r.qualificationCode)) byCode.set(r.qualificationCode, r);
    const codes = [...byCode.keys()].sort();
    const ids = new Map<string, number>();
    const titles = new Map<string, string>();
    const select = async (part: string[]) => {
      const held: { id: number; code: string; title: string }[] = await manager.query(
        `SELECT id, code, title FROM qualifications WHERE code IN (${part.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`,
        part,
      );
      for (const q of held) {
        ids.set(q.code.toUpperCase(), Number(q.id));
        titles.set(q.code.toUpperCase(), q.title);
      }
    };
    for (let i = 0; i < codes.length; i += CHUNK) await select(codes.slice(i, i + CHUNK));
    const problems: ImportRowError[] = [];
    for (const r of rows) {
      const title = titles.get(r.qualificationCode);
      if (title !== undefined && !sameName(title, r.qualificationTitle)) {
        problems.push({
          line: r.line,
          field: names.qualificationTitle,
          message: `Qualification ${r.qualificationCode} is "${title}": use that title, or have support correct the catalogue first`,
        });
      }
    }
    throwIfAny(problems);
    const missing = codes.filter((c) => !ids.has(c));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const part = missing.slice(i, i + CHUNK);
      await manager.query(
        `INSERT IGNORE INTO qualifications (code, title, level, display_on_verify) VALUES ${part.map(() => '(?, ?, NULL, 1)').join(', ')}`,
        part.flatMap((c) => [c, byCode.get(c)!.qualificationTitle]),
      );
      await select(part);
    }
    return ids;
  }

  /** A learner who already holds a valid certificate of this qualification from this centre would get a second one: a problem (a correction is a reissue). Unit certificates and records of achievement may be issued again as more units are achieved. */
  private async refuseReissues(
    manager: EntityManager,
    centreId: number,
    rows: JobRow[],
    learners: Map<string, { id: number; added: boolean }>,
    qualifications: Map<string, number>,
  ): Promise<void> {
    const known = rows.filter((r) => r.documentType === 'certificate' && !learners.get(r.enrolmentNumber)!.added);
    if (!known.length) return;
    const held = new Map<string, string>();
    const learnerIds = [...new Set(known.map((r) => learners.get(r.enrolmentNumber)!.id))];
    for (let i = 0; i < learnerIds.length; i += CHUNK) {
      const part = learnerIds.slice(i, i + CHUNK);
      const docs: {
        learner_id: number;
        qualification_id: number;
        type: string;
        document_number: string;
      }[] = await manager.query(
        `SELECT learner_id, qualification_id, type, document_number FROM documents WHERE centre_id = ? AND status = 'valid' AND learner_id IN (${part.map(() => '?').join(',')})`,
        [centreId, ...part],
      );
      for (const d of docs) held.set(`${d.learner_id}:${d.qualification_id}:${d.type}`, d.document_number);
    }
    const problems: ImportRowError[] = [];
    for (const r of known) {
      const number = held.get(`${learners.get(r.enrolmentNumber)!.id}:${qualifications.get(r.qualificationCode)}:${r.documentType}`);
      if (number)
        problems.push({
          line: r.line,
          field: 'row',
          message: `This learner already holds document ${number} of this type for ${r.qualificationCode} from this centre: to correct it, reissue it`,
        });
    }
    throwIfAny(problems);
  }
}
