import { DocumentStatus, DocumentType } from '@achievement/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CentreCopies } from '../viewer/centre-copies';
import { ApiError } from '@achievement/platform';

/** What a zip needs to know of one document: its stored PDF and the facts its entry name and manifest row show. */
export interface DownloadableDocument {
  id: number;
  documentNumber: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  learnerName: string;
  enrolmentNumber: string;
  qualificationCode: string;
  qualificationTitle: string;
  grade: string | null;
  awardDate: string;
  issuedAt: Date;
  jobNumber: string;
  /** null until the PDF is rendered */
  fileKey: string | null;
  sha256: string | null;
  /** the stored centre copy (what a zip holds); null until made (documents rendered before centre copies were stored) */
  centreCopyKey: string | null;
  centreCopySha256: string | null;
}

/** A document's centre copy as a zip writes it: the bytes, and their SHA-256. */
export interface DownloadableCentreCopy {
  content: Buffer;
  sha256: string;
}

interface DownloadableRow {
  id: number;
  document_number: string;
  type: DocumentType;
  status: DocumentStatus;
  version: number;
  learner_name: string;
  enrolment_number: string;
  qualification_code: string;
  qualification_title: string;
  grade: string | null;
  award_date: string | Date;
  issued_at: Date;
  job_number: string;
  file_key: string | null;
  sha256: string | null;
  centre_copy_key: string | null;
  centre_copy_sha256: string | null;
}

/**
 * Access to documents for building zips (downloads): the documents of a job, how many of a set
 * are not rendered yet, the facts of each, and their centre copies (a zip holds centre copies,
 * never the documents themselves). Every method takes the centre and reads only that centre's rows.
 */
@Injectable()
export class DownloadableDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centreCopies: CentreCopies,
  ) {}

  /**
   * The centre copies of rendered documents of the centre (as `describe` gave them), in order,
   * each with its SHA-256: the stored copies, and for documents rendered before copies were
   * stored, one stamped now and recorded. A missing file rejects with an error whose `key` names it.
   */
  async centreCopiesOf(centreId: number, docs: DownloadableDocument[]): Promise<DownloadableCentreCopy[]> {
    const unrendered = docs.find((d) => !d.fileKey);
    if (unrendered) throw new Error(`Document ${unrendered.documentNumber} has no PDF yet.`);
    const copies = await this.centreCopies.contentsOf(
      docs.map((d) => ({ id: d.id, centreId, version: d.version, documentNumber: d.documentNumber, fileKey: d.fileKey!, centreCopyKey: d.centreCopyKey })),
    );
    return copies.map((c, i) => ({ content: c.content, sha256: c.madeSha256 ?? docs[i].centreCopySha256! }));
  }

  /** The ids of every document of a job of the centre, in id order; 404 when the job is not the centre's. */
  async documentIdsOfJob(centreId: number, jobId: number, manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const [job] = await manager.query('SELECT id FROM jobs WHERE id = ? AND centre_id = ?', [jobId, centreId]);
    if (!job) throw new ApiError('JOB_NOT_FOUND', `There is no job ${jobId} of your centre.`);
    const rows: { id: number }[] = await manager.query('SELECT id FROM documents WHERE job_id = ? AND centre_id = ? ORDER BY id', [jobId, centreId]);
    return rows.map((r) => Number(r.id));
  }

  /** How many of the given documents of the centre have no stored PDF yet. */
  async countUnrendered(centreId: number, documentIds: number[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    let missing = 0;
    for (let i = 0; i < documentIds.length; i += 1000) {
      const chunk = documentIds.slice(i, i + 1000);
      const [row] = await manager.query(
        `SELECT COUNT(*) AS n FROM documents WHERE centre_id = ? AND file_key IS NULL AND id IN (${chunk.map(() => '?').join(',')})`,
        [centreId, ...chunk],
      );
      missing += Number(row.n);
    }
    return missing;
  }

  /** The facts of the given documents of the centre, in the order of the ids given (ids of another centre are left out). */
  async describe(centreId: number, documentIds: number[]): Promise<DownloadableDocument[]> {
    if (documentIds.length === 0) return [];
    const rows: DownloadableRow[] = await this.dataSource.query(
      `SELECT d.id, d.document_number, d.type, d.status, d.version, d.learner_name, l.enrolment_number, q.code AS qualification_code,
              q.title AS qualification_title, d.grade, d.award_date, d.issued_at, j.number AS job_number, d.file_key, d.sha256,
              d.centre_copy_key, d.centre_copy_sha256
         FROM documents d
         STRAIGHT_JOIN learners l ON l.id = d.learner_id
         STRAIGHT_JOIN qualifications q ON q.id = d.qualification_id
         STRAIGHT_JOIN jobs j ON j.id = d.job_id
        WHERE d.centre_id = ? AND d.id IN (${documentIds.map(() => '?').join(',')})`,
      [centreId, ...documentIds],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return documentIds.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toDownloadable(r)] : [];
    });
  }
}

function toDownloadable(r: DownloadableRow): DownloadableDocument {
  return {
    id: Number(r.id),
    documentNumber: r.document_number,
    type: r.type,
    status: r.status,
    version: Number(r.version),
    learnerName: r.learner_name,
    enrolmentNumber: r.enrolment_number,
    qualificationCode: r.qualification_code,
    qualificationTitle: r.qualification_title,
    grade: r.grade,
    awardDate: typeof r.award_date === 'string' ? r.award_date : new Date(r.award_date).toISOString().slice(0, 10),
    issuedAt: new Date(r.issued_at),
    jobNumber: r.job_number,
    fileKey: r.file_key,
    sha256: r.sha256,
    centreCopyKey: r.centre_copy_key,
    centreCopySha256: r.centre_copy_sha256,
  };
}
