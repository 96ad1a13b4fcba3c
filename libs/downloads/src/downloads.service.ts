import { lockAccount } from '@achievement/identity';
import { DOWNLOAD_LIFETIME_DAYS, DownloadPage, DownloadSummary, MAX_DOWNLOAD_DOCUMENTS, MAX_DOWNLOADS_IN_FLIGHT } from '@achievement/contracts';
import { DownloadableDocumentsService, RecordsService } from '@achievement/documents';
import { AuthenticatedUser, Clock, FileStorage } from '@achievement/platform';
import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ByteRange, parseByteRange } from './byte-range';
import { DownloadBuildQueue } from './download-build.queue';
import { DOWNLOAD_LEASE_MS } from './download-queue';
import { RequestDownloadDto } from './dto/request-download.dto';
import { attachmentDisposition } from './zip-entry-names';
import { ApiError } from '@achievement/platform';

export const DOWNLOADS_PAGE_SIZE = 25;

interface DownloadRow {
  id: number;
  name: string;
  purpose: DownloadSummary['purpose'];
  purpose_detail: string | null;
  include_manifest: number;
  requested_by_name: string;
  created_at: Date;
  document_count: number;
  processed_count: number;
  size_bytes: string | number | null;
  status: DownloadSummary['status'];
  failure_reason: string | null;
  ready_at: Date | null;
  expires_at: Date | null;
  file_key: string | null;
}

const COLUMNS = `id, name, purpose, purpose_detail, include_manifest, requested_by_name, created_at, document_count, processed_count, size_bytes,
                 status, failure_reason, ready_at, expires_at, file_key`;

/** A zip ready to send: the whole of it, or one byte range. */
export interface DownloadFile {
  content: Readable;
  size: number;
  range: ByteRange | null;
  disposition: string;
}

/**
 * Downloads of centre staff: asking for a zip, the Downloads page and the zip itself. Every query
 * is scoped by the caller's centre here, whatever the controller checked: another centre's
 * download answers 404, as if it did not exist.
 */
@Injectable()
export class DownloadsService {
  private readonly logger = new Logger(DownloadsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: RecordsService,
    private readonly documents: DownloadableDocumentsService,
    private readonly buildQueue: DownloadBuildQueue,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async requestDownload(user: AuthenticatedUser, details: RequestDownloadDto): Promise<DownloadSummary> {
    const centreId = centreOf(user);
    if ((details.selection === undefined) === (details.jobId === undefined)) {
      throw new ApiError('SELECTION_AMBIGUOUS', 'Give either a selection of records or a jobId, not both.');
    }
    const documentIds =
      details.jobId !== undefined
        ? await this.documents.documentIdsOfJob(centreId, details.jobId)
        : await this.records.resolveSelection(user, details.selection!);
    if (documentIds.length === 0) throw new ApiError('SELECTION_EMPTY', 'This job has no documents to download.');
    if (documentIds.length > MAX_DOWNLOAD_DOCUMENTS) {
      const message = `A zip may hold at most ${MAX_DOWNLOAD_DOCUMENTS.toLocaleString('en-GB')} documents; this one would hold ${documentIds.length.toLocaleString('en-GB')}. Select fewer records or narrow the search.`;
      throw new ApiError('SELECTION_TOO_LARGE', {
        message,
        fieldErrors: {
          [details.jobId !== undefined ? 'jobId' : 'selection']: [message],
        },
      });
    }
    const unrendered = await this.documents.countUnrendered(centreId, documentIds);
    if (unrendered > 0) {
      throw new ApiError(
        'DOCUMENTS_NOT_READY',
        `${unrendered === documentIds.length ? 'These documents are' : `${unrendered.toLocaleString('en-GB')} of these documents are`} still being prepared (their PDFs are not ready yet). Try again in a few minutes.`,
      );
    }
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (m) => {
      // one request at a time per user, so the in-flight limit holds under concurrent clicks
      await lockAccount(m, user.id);
      const [inFlight] = await m.query(`SELECT COUNT(*) AS n FROM download_requests WHERE requested_by_user_id = ? AND status IN ('queued', 'building')`, [
        user.id,
      ]);
      if (Number(inFlight.n) >= MAX_DOWNLOADS_IN_FLIGHT) {
        throw new ApiError('TOO_MANY_DOWNLOADS', {
          message: `You already have ${MAX_DOWNLOADS_IN_FLIGHT} downloads being prepared. Wait until one of them is ready (see Downloads), then ask again.`,
        });
      }
      const result = await m.query(
        `INSERT INTO download_requests (centre_id, requested_by_user_id, requested_by_name, name, purpose, purpose_detail, include_manifest, status,
                                        document_count, processed_count, attempt, lease_until, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, 0, 0, ?, ?)`,
        [
          centreId,
          user.id,
          user.name.slice(0, 201),
          details.name,
          details.purpose,
          details.purposeDetail ?? null,
          details.includeManifest,
          documentIds.length,
          new Date(now.getTime() + DOWNLOAD_LEASE_MS),
          now,
        ],
      );
      const requestId = Number(result.insertId);
      for (let i = 0; i < documentIds.length; i += 2000) {
        const chunk = documentIds.slice(i, i + 2000);
        await m.query(
          `INSERT INTO download_request_documents (request_id, position, document_id) VALUES ${chunk.map(() => '(?, ?, ?)').join(',')}`,
          chunk.flatMap((documentId, j) => [requestId, i + j, documentId]),
        );
      }
      return requestId;
    });
    // the request as recorded (queued), read before the worker can take it: the answer does not depend on how fast it does
    const created = await this.getDownload(user, id);
    try {
      await this.buildQueue.enqueue(id);
    } catch (err) {
      // the request is recorded: the reconciler queues it once its lease runs out
      this.logger.warn(`Could not queue download ${id}, the reconciler will: ${(err as Error).message}`);
    }
    return created;
  }

  /** Every download of the caller's centre, newest first, by keyset (the id). */
  async listDownloads(user: AuthenticatedUser, cursor?: string): Promise<DownloadPage> {
    const centreId = centreOf(user);
    const before = cursor === undefined ? null : decodeCursor(cursor);
    const rows: DownloadRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM download_requests WHERE centre_id = ? ${before ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      [centreId, ...(before ? [before] : []), DOWNLOADS_PAGE_SIZE + 1],
    );
    const items = rows.slice(0, DOWNLOADS_PAGE_SIZE).map(toSummary);
    const nextCursor = rows.length > DOWNLOADS_PAGE_SIZE ? encodeCursor(items[items.length - 1].id) : null;
    return { items, nextCursor };
  }

  async getDownload(user: AuthenticatedUser, id: number): Promise<DownloadSummary> {
    return toSummary(await this.findOfCentre(centreOf(user), id));
  }

  /** The zip of a ready download (or a byte range of it): 404 for another centre's, 409 unless ready, 410 once expired, 416 for a range it does not have. */
  async openDownloadFile(user: AuthenticatedUser, id: number, rangeHeader: string | undefined): Promise<DownloadFile> {
    const row = await this.findOfCentre(centreOf(user), id);
    if (row.status === 'expired') {
      throw new ApiError('DOWNLOAD_EXPIRED', `This zip was removed ${DOWNLOAD_LIFETIME_TEXT} after it was built. Ask for a new download.`);
    }
    if (row.status === 'failed')
      throw new ApiError('DOWNLOAD_FAILED', `This zip could not be built: ${row.failure_reason ?? 'unknown reason'}. Ask for a new download.`);
    if (row.status !== 'ready' || !row.file_key) throw new ApiError('DOWNLOAD_NOT_READY', 'This zip is not ready yet. The Downloads page shows its progress.');
    const info = await this.storage.stat(row.file_key);
    if (!info) throw new ApiError('DOWNLOAD_EXPIRED', 'This zip is no longer available. Ask for a new download.');
    const range = parseByteRange(rangeHeader, info.size);
    if (range === 'unsatisfiable') throw new RangeNotSatisfiable(info.size);
    return {
      content: this.storage.read(row.file_key, range ?? undefined),
      size: info.size,
      range,
      disposition: attachmentDisposition(row.name),
    };
  }

  private async findOfCentre(centreId: number, id: number): Promise<DownloadRow> {
    const [row]: DownloadRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM download_requests WHERE id = ? AND centre_id = ?`, [id, centreId]);
    if (!row) throw new ApiError('DOWNLOAD_NOT_FOUND', `There is no download ${id} of your centre.`);
    return row;
  }
}

const DOWNLOAD_LIFETIME_TEXT = `${DOWNLOAD_LIFETIME_DAYS} days`;

/** 416, carrying the size for the Content-Range header. */
export class RangeNotSatisfiable extends HttpException {
  constructor(readonly size: number) {
    super(
      {
        message: `The requested range is not part of this file (it has ${size} bytes).`,
      },
      HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
    );
  }
}

/** The caller's centre; staff without one see nothing. */
function centreOf(user: AuthenticatedUser): number {
  if (user.role !== 'centre_staff' || user.centreId === null) throw new ApiError('NOT_CENTRE_STAFF', 'Downloads are for staff of a centre.');
  return user.centreId;
}

function encodeCursor(id: number): string {
  return Buffer.from(`d:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^d:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m)
    throw new ApiError('CURSOR_INVALID', {
      message: 'cursor must be the nextCursor of a previous page',
      fieldErrors: {
        cursor: ['cursor must be the nextCursor of a previous page'],
      },
    });
  return Number(m[1]);
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

function toSummary(r: DownloadRow): DownloadSummary {
  return {
    id: Number(r.id),
    name: r.name,
    purpose: r.purpose,
    purposeDetail: r.purpose_detail,
    includeManifest: Number(r.include_manifest) === 1,
    requestedBy: r.requested_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    documentCount: Number(r.document_count),
    processedCount: Number(r.processed_count),
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    status: r.status,
    failureReason: r.failure_reason,
    readyAt: iso(r.ready_at),
    expiresAt: iso(r.expires_at),
  };
}
