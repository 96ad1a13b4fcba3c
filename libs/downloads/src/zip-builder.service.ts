import { DOWNLOAD_LIFETIME_DAYS } from '@achievement/contracts';
import { DownloadableDocument, DownloadableDocumentsService } from '@achievement/documents';
import { Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import archiver from 'archiver';
import { DataSource } from 'typeorm';
import { DOWNLOAD_LEASE_MS, downloadFileKey, MAX_BUILD_ATTEMPTS } from './download-queue';
import { MANIFEST_FILE_NAME, manifestHeader, manifestLine } from './zip-manifest';
import { ZipEntryNames } from './zip-entry-names';

const DAY_MS = 86_400_000;
/** processed_count (and the lease) is written after this many documents, not after each one. */
export const PROGRESS_EVERY = 250;
/** Documents whose facts are read from the database at once. */
const FACTS_BATCH = 500;
/** PDFs read ahead of the one being written: reads overlap the zip's writes. Bounded, so memory does not grow with the zip. */
const READ_AHEAD_FILES = 32;
const READ_AHEAD_BYTES = 16 * 1024 * 1024;
/** Entries handed to archiver and not yet written. */
const ENTRIES_IN_ARCHIVER = 16;
/** Buffered bytes between archiver and the file. */
const ZIP_HIGH_WATER_MARK = 1024 * 1024;

export type BuildOutcome = 'built' | 'skipped' | 'superseded' | 'failed';

/** A build that found another build of the same request took over (a newer attempt). */
class SupersededError extends Error {}

interface ClaimedRequest {
  id: number;
  centre_id: number;
  include_manifest: number;
  document_count: number;
  attempt: number;
}

/**
 * Builds a request's zip: the documents' PDFs stored (not compressed again) one after another,
 * each under a cleaned, unique name, plus manifest.csv when asked. The zip streams into storage
 * under a temporary name that is renamed to the final key only once it is complete, so no reader
 * ever sees half a zip. Idempotent: each build claims the request by raising its attempt and
 * starts afresh; only the build holding the latest attempt may write progress or finish it.
 */
@Injectable()
export class ZipBuilderService {
  private readonly logger = new Logger(ZipBuilderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DownloadableDocumentsService,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async buildZip(requestId: number): Promise<BuildOutcome> {
    const claimed = await this.claim(requestId);
    if (!claimed) return 'skipped';
    if (claimed.attempt > MAX_BUILD_ATTEMPTS) {
      await this.markFailed(requestId, `The zip could not be built after ${MAX_BUILD_ATTEMPTS} attempts.`);
      return 'failed';
    }
    const key = downloadFileKey(Number(claimed.centre_id), requestId);
    try {
      const size = await this.writeZip(claimed, key);
      const now = this.clock.now();
      const done = await this.dataSource.query(
        `UPDATE download_requests
            SET status = 'ready', processed_count = document_count, size_bytes = ?, file_key = ?, failure_reason = NULL, ready_at = ?, expires_at = ?
          WHERE id = ? AND attempt = ? AND status = 'building'`,
        [size, key, now, new Date(now.getTime() + DOWNLOAD_LIFETIME_DAYS * DAY_MS), requestId, claimed.attempt],
      );
      return done.affectedRows === 1 ? 'built' : 'superseded';
    } catch (err) {
      if (err instanceof SupersededError) return 'superseded';
      // hand the request back, so Bull's retry (or the reconciler) builds it afresh
      await this.dataSource
        .query(`UPDATE download_requests SET status = 'queued', processed_count = 0 WHERE id = ? AND attempt = ? AND status = 'building'`, [requestId, claimed.attempt])
        .catch(() => undefined);
      throw err;
    }
  }

  /** Marks a queued or building request failed, with a reason the requester can read. */
  async markFailed(requestId: number, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE download_requests SET status = 'failed', failure_reason = ? WHERE id = ? AND status IN ('queued', 'building')`, [
      reason.slice(0, 1000),
      requestId,
    ]);
  }

  /**
   * Takes the request for this build: a queued one, or a building one whose lease ran out (its
   * build died). A building request with a live lease is being built elsewhere: left alone.
   */
  private async claim(requestId: number): Promise<ClaimedRequest | null> {
    const now = this.clock.now();
    const result = await this.dataSource.query(
      `UPDATE download_requests
          SET status = 'building', attempt = attempt + 1, processed_count = 0, started_at = COALESCE(started_at, ?), lease_until = ?
        WHERE id = ? AND (status = 'queued' OR (status = 'building' AND lease_until <= ?))`,
      [now, new Date(now.getTime() + DOWNLOAD_LEASE_MS), requestId, now],
    );
    if (result.affectedRows !== 1) return null;
    const [row] = await this.dataSource.query('SELECT id, centre_id, include_manifest, document_count, attempt FROM download_requests WHERE id = ?', [requestId]);
    return row
      ? {
          ...row,
          attempt: Number(row.attempt),
          document_count: Number(row.document_count),
        }
      : null;
  }

  private async reportProgress(request: ClaimedRequest, processed: number): Promise<void> {
    const now = this.clock.now();
    const result = await this.dataSource.query(`UPDATE download_requests SET processed_count = ?, lease_until = ? WHERE id = ? AND attempt = ? AND status = 'building'`, [
      processed,
      new Date(now.getTime() + DOWNLOAD_LEASE_MS),
      request.id,
      request.attempt,
    ]);
    if (result.affectedRows !== 1) throw new SupersededError(`Download ${request.id}: a newer build took over`);
  }

  /** Streams the zip into storage; returns its size. On any error the zip is destroyed, so storage drops its temporary file. */
  private async writeZip(request: ClaimedRequest, key: string): Promise<number> {
    const centreId = Number(request.centre_id);
    const archive = archiver('zip', {
      store: true,
      highWaterMark: ZIP_HIGH_WATER_MARK,
    });
    let archiveError: Error | null = null;
    archive.on('warning', (err) => {
      archiveError ??= err;
    });
    archive.on('error', (err) => {
      archiveError ??= err;
    });
    const stored = this.storage.put(key, archive);
    stored.catch(() => undefined); // awaited below; a failure is reported there
    let entriesDone = 0;
    let wakeUp: (() => void) | null = null;
    archive.on('entry', () => {
      entriesDone++;
      wakeUp?.();
    });
    try {
      const ids: { document_id: number }[] = await this.dataSource.query('SELECT document_id FROM download_request_documents WHERE request_id = ? ORDER BY position', [request.id]);
      const names = new ZipEntryNames();
      const manifest: string[] = [];
      let appended = 0;
      let processed = 0;
      for (let i = 0; i < ids.length; i += FACTS_BATCH) {
        const batch = ids.slice(i, i + FACTS_BATCH).map((r) => Number(r.document_id));
        const docs = await this.documents.describe(centreId, batch);
        if (docs.length !== batch.length) throw new Error('Some of the documents of this download are no longer available.');
        for await (const { doc, content } of this.readAhead(docs)) {
          if (archiveError) throw archiveError;
          const name = names.nameOf(doc);
          archive.append(content, { name, date: doc.issuedAt, store: true });
          appended++;
          if (request.include_manifest) manifest.push(manifestLine(name, doc, content.length));
          while (appended - entriesDone > ENTRIES_IN_ARCHIVER && !archiveError) {
            await new Promise<void>((resolve) => (wakeUp = resolve));
            wakeUp = null;
          }
          processed++;
          if (processed % PROGRESS_EVERY === 0) await this.reportProgress(request, processed);
        }
      }
      if (request.include_manifest) {
        archive.append(Buffer.from(manifestHeader() + manifest.join(''), 'utf8'), { name: MANIFEST_FILE_NAME, date: this.clock.now() });
      }
      if (archiveError) throw archiveError;
      await archive.finalize();
      const info = await stored;
      return info.size;
    } catch (err) {
      archive.destroy(err as Error);
      await stored.catch(() => undefined);
      throw err;
    }
  }

  /** The documents' PDFs in order, each read while earlier ones are being written (at most READ_AHEAD_FILES / READ_AHEAD_BYTES ahead). */
  private async *readAhead(docs: DownloadableDocument[]): AsyncGenerator<{ doc: DownloadableDocument; content: Buffer }> {
    const pending: { doc: DownloadableDocument; read: Promise<Buffer> }[] = [];
    let next = 0;
    let bytesAhead = 0;
    const start = (): void => {
      while (next < docs.length && pending.length < READ_AHEAD_FILES && bytesAhead < READ_AHEAD_BYTES) {
        const doc = docs[next++];
        if (!doc.fileKey) throw new Error(`Document ${doc.documentNumber} has no PDF yet.`);
        const read = this.storage.readAll(doc.fileKey).then(
          (b) => {
            bytesAhead += b.length;
            return b;
          },
          (err: NodeJS.ErrnoException) => {
            throw new Error(`The PDF of document ${doc.documentNumber} could not be read${err.code === 'ENOENT' ? ' (it is missing from storage)' : ''}.`);
          },
        );
        read.catch(() => undefined); // awaited in order below
        pending.push({ doc, read });
      }
    };
    start();
    while (pending.length) {
      const { doc, read } = pending.shift()!;
      const content = await read;
      bytesAhead -= content.length;
      start();
      yield { doc, content };
    }
  }
}
