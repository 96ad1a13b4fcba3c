import { DOWNLOAD_LIFETIME_DAYS } from '@achievement/contracts';
import { DownloadableDocument, DownloadableDocumentsService } from '@achievement/documents';
import { Clock, FileStorage } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import archiver from 'archiver';
import { DataSource } from 'typeorm';
import { BuildLease, LostLeaseError } from './build-lease';
import { DOWNLOAD_LEASE_MS, downloadFileKey, MAX_BUILD_ATTEMPTS } from './download-queue';
import { MANIFEST_FILE_NAME, ZipManifest } from './zip-manifest';
import { ZipOutput } from './zip-output';
import { ZipEntryNames } from './zip-entry-names';

const DAY_MS = 86_400_000;
/** processed_count (and the lease) is written after this many documents, not after each one. */
export const PROGRESS_EVERY = 250;
/** Documents whose facts are read from the database at once (a keyset page of the request's documents). */
const DOCUMENTS_PAGE = 500;
/** PDFs read by one storage call (about 20 KB each): bounded, so memory does not grow with the zip. */
const READ_AHEAD_FILES = 16;
/** Bytes handed to archiver and not yet taken by the output: bounds memory, whatever the size of the zip. */
const ZIP_QUEUED_BYTES = 1024 * 1024;
/** The zip goes to the file in blocks of this size, with up to ZIP_BUFFERED_BLOCKS of them waiting for the disk. */
const ZIP_BLOCK_BYTES = 1024 * 1024;
const ZIP_BUFFERED_BLOCKS = 4;
/**
 * The fixed part of a zip entry's local header. The bytes counted against ZIP_QUEUED_BYTES are
 * this and the PDF: never more than archiver writes (the entry name is left out), so a wait for
 * them always ends.
 */
const LOCAL_HEADER_BYTES = 30;

export type BuildOutcome = 'built' | 'skipped' | 'superseded' | 'failed';

interface ClaimedRequest {
  id: number;
  centre_id: number;
  include_manifest: number;
  document_count: number;
  attempt: number;
  lease_until: Date;
}

/** A little past the lease's end, so the clock has passed it when the claim is tried again. */
const LEASE_END_MARGIN_MS = 250;

/**
 * Builds a request's zip: the documents' centre copies stored (not compressed again) one after another,
 * each under a cleaned, unique name, plus manifest.csv when asked. The zip streams into storage
 * under a temporary name that is renamed to the final key only once it is complete, so no reader
 * ever sees half a zip. Idempotent: each build claims the request by raising its attempt and
 * starts afresh; only the build holding the latest attempt, under a live lease (BuildLease), may
 * write progress or finish it, so two builds never run at once.
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
    const claimed = (await this.claim(requestId)) ?? (await this.claimOnceTheLeaseEnds(requestId));
    if (!claimed) return 'skipped';
    if (claimed.attempt > MAX_BUILD_ATTEMPTS) {
      await this.markFailed(requestId, `The zip could not be built after ${MAX_BUILD_ATTEMPTS} attempts.`);
      return 'failed';
    }
    const key = downloadFileKey(Number(claimed.centre_id), requestId);
    const lease = new BuildLease(this.dataSource, this.clock, requestId, claimed.attempt, claimed.lease_until).start();
    try {
      const size = await this.writeZip(claimed, key, lease);
      const now = this.clock.now();
      const done = await this.dataSource.query(
        `UPDATE download_requests
            SET status = 'ready', processed_count = document_count, size_bytes = ?, file_key = ?, failure_reason = NULL, ready_at = ?, expires_at = ?
          WHERE id = ? AND attempt = ? AND status = 'building'`,
        [size, key, now, new Date(now.getTime() + DOWNLOAD_LIFETIME_DAYS * DAY_MS), requestId, claimed.attempt],
      );
      return done.affectedRows === 1 ? 'built' : 'superseded';
    } catch (err) {
      if (err instanceof LostLeaseError) {
        this.logger.warn(err.message);
        return 'superseded';
      }
      // hand the request back, so Bull's retry (or the reconciler) builds it afresh
      await this.dataSource
        .query(`UPDATE download_requests SET status = 'queued', processed_count = 0 WHERE id = ? AND attempt = ? AND status = 'building'`, [
          requestId,
          claimed.attempt,
        ])
        .catch(() => undefined);
      throw err;
    } finally {
      lease.stop();
    }
  }

  /**
   * A request being built under a lease that has not run out yet: either a live build (it renews
   * the lease, and finishes the zip) or a build that just died (Bull handed its job back before its
   * lease ran out). Waits for the end of that lease (at most DOWNLOAD_LEASE_MS) and claims it then;
   * a lease renewed meanwhile belongs to a live build, which is left alone.
   */
  private async claimOnceTheLeaseEnds(requestId: number): Promise<ClaimedRequest | null> {
    const [row] = await this.dataSource.query('SELECT status, lease_until FROM download_requests WHERE id = ?', [requestId]);
    if (!row || row.status !== 'building') return null;
    const wait = new Date(row.lease_until).getTime() - this.clock.now().getTime();
    if (wait > DOWNLOAD_LEASE_MS + LEASE_END_MARGIN_MS) return null; // not a lease of this length: leave it to the reconciler
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait) + LEASE_END_MARGIN_MS));
    return this.claim(requestId);
  }

  /** Marks a queued or building request failed, with a reason the requester can read. */
  async markFailed(requestId: number, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE download_requests SET status = 'failed', failure_reason = ? WHERE id = ? AND status IN ('queued', 'building')`, [
      reason.slice(0, 1000),
      requestId,
    ]);
    const [row] = await this.dataSource.query(`SELECT centre_id FROM download_requests WHERE id = ? AND status = 'failed'`, [requestId]);
    if (row) await this.storage.removeUnfinishedWrites(downloadFileKey(Number(row.centre_id), requestId)); // what a killed build left
  }

  /**
   * Takes the request for this build: a queued one, or a building one whose lease ran out (its
   * build died). A building request with a live lease is being built elsewhere: left alone. The
   * temporary files of earlier builds of the request are removed.
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
    const [row] = await this.dataSource.query(
      'SELECT id, centre_id, include_manifest, document_count, attempt, lease_until FROM download_requests WHERE id = ?',
      [requestId],
    );
    if (!row) return null;
    // a build before this one may have died half-way: its temporary file goes (it never becomes the zip)
    await this.storage.removeUnfinishedWrites(downloadFileKey(Number(row.centre_id), requestId));
    return { ...row, attempt: Number(row.attempt), document_count: Number(row.document_count), lease_until: new Date(row.lease_until) };
  }

  /** Streams the zip into storage; returns its size. On any error the zip is destroyed, so storage drops its temporary file. */
  private async writeZip(request: ClaimedRequest, key: string, lease: BuildLease): Promise<number> {
    const archive = archiver('zip', { store: true, highWaterMark: ZIP_BLOCK_BYTES });
    const output = new ZipOutput(ZIP_BLOCK_BYTES, ZIP_BUFFERED_BLOCKS);
    // a failure is reported through `stored` and `archiveError`; it may come before storage starts reading the output
    output.on('error', () => undefined);
    let archiveError: Error | null = null;
    const fail = (err: Error): void => {
      archiveError ??= err;
      output.destroy(err); // wakes a build waiting for the output
    };
    archive.on('warning', fail);
    archive.on('error', fail);
    archive.pipe(output);
    const stored = this.storage.put(key, output);
    stored.catch(() => undefined); // awaited below; a failure is reported there
    try {
      const names = new ZipEntryNames();
      const manifest = request.include_manifest ? new ZipManifest() : null;
      let appendedBytes = 0;
      let processed = 0;
      for await (const { doc, content, sha256 } of this.centreCopiesInOrder(request)) {
        if (archiveError) throw archiveError;
        const name = names.nameOf(doc);
        archive.append(content, { name, date: doc.issuedAt, store: true });
        appendedBytes += LOCAL_HEADER_BYTES + content.length;
        manifest?.add(name, doc, content.length, sha256);
        // store mode takes the whole Buffer at once: wait until all but ZIP_QUEUED_BYTES of it reached the file
        if (appendedBytes - output.bytesIn > ZIP_QUEUED_BYTES) await output.taken(appendedBytes - ZIP_QUEUED_BYTES);
        processed++;
        if (processed % PROGRESS_EVERY === 0) await lease.reportProgress(processed);
        else lease.check();
      }
      if (processed !== Number(request.document_count)) throw new Error('Some of the documents of this download are no longer available.');
      if (manifest) archive.append(manifest.toBuffer(), { name: MANIFEST_FILE_NAME, date: this.clock.now() });
      if (archiveError) throw archiveError;
      // a whole lease ahead before the zip is finished and renamed into place: no other build can take the request meanwhile
      await lease.renewForFinish();
      await archive.finalize();
      const info = await stored;
      return info.size;
    } catch (err) {
      archive.destroy(err as Error);
      output.destroy(err as Error);
      await stored.catch(() => undefined);
      throw err;
    }
  }

  /** The request's documents in order, a page of DOCUMENTS_PAGE at a time (by keyset on the position; the next page is fetched while this one is written). */
  private async documentPage(request: ClaimedRequest, afterPosition: number): Promise<{ docs: DownloadableDocument[]; lastPosition: number }> {
    const rows: { position: number; document_id: number }[] = await this.dataSource.query(
      'SELECT position, document_id FROM download_request_documents WHERE request_id = ? AND position > ? ORDER BY position LIMIT ?',
      [request.id, afterPosition, DOCUMENTS_PAGE],
    );
    if (rows.length === 0) return { docs: [], lastPosition: afterPosition };
    const ids = rows.map((r) => Number(r.document_id));
    const docs = await this.documents.describe(Number(request.centre_id), ids);
    if (docs.length !== ids.length) throw new Error('Some of the documents of this download are no longer available.');
    return { docs, lastPosition: Number(rows[rows.length - 1].position) };
  }

  /**
   * The documents' centre copies in order (a zip holds centre copies, never the documents
   * themselves), read READ_AHEAD_FILES at a time (one storage call per batch), so memory does not
   * grow with the zip; the next page of documents is fetched from the database while this one is
   * written. A document rendered before centre copies were stored gets its copy made (and
   * recorded) here.
   */
  private async *centreCopiesInOrder(request: ClaimedRequest): AsyncGenerator<{ doc: DownloadableDocument; content: Buffer; sha256: string }> {
    let page = await this.documentPage(request, -1);
    for (;;) {
      const upcoming = page.docs.length === DOCUMENTS_PAGE ? this.documentPage(request, page.lastPosition) : null;
      upcoming?.catch(() => undefined); // awaited when its turn comes
      for (let i = 0; i < page.docs.length; i += READ_AHEAD_FILES) {
        const batch = page.docs.slice(i, i + READ_AHEAD_FILES);
        let copies;
        try {
          copies = await this.documents.centreCopiesOf(Number(request.centre_id), batch);
        } catch (err) {
          const e = err as NodeJS.ErrnoException & { key?: string };
          if (!e.key && e.code !== 'ENOENT') throw err;
          const doc = batch.find((d) => d.centreCopyKey === e.key || d.fileKey === e.key) ?? batch[0];
          throw new Error(`The PDF of document ${doc.documentNumber} could not be read${e.code === 'ENOENT' ? ' (it is missing from storage)' : ''}.`);
        }
        for (let j = 0; j < batch.length; j++) yield { doc: batch[j], content: copies[j].content, sha256: copies[j].sha256 };
      }
      if (!upcoming) return;
      page = await upcoming;
      if (page.docs.length === 0) return;
    }
  }
}
