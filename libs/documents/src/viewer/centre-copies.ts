import { FileStorage } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { centreCopyFileKey } from '../rendering/document-render.service';
import { stampCentreCopy } from './centre-copy-stamp';

/** A rendered document as its centre copy needs it. */
export interface CentreCopySource {
  id: number;
  centreId: number;
  version: number;
  documentNumber: string;
  /** the stored PDF */
  fileKey: string;
  /** the stored centre copy; null for a document rendered before centre copies were stored */
  centreCopyKey: string | null;
}

/** A document's centre copy: its bytes and their SHA-256 (what "Check a PDF" knows it by). */
export interface CentreCopy {
  content: Buffer;
  sha256: string;
}

/**
 * The centre copies of documents: the PDF stamped "Centre copy — not valid for verification", the
 * only form in which centre staff get a document (the viewer, the zips). The render worker stores
 * one beside each PDF it renders; a document rendered before that gets its copy stamped here the
 * first time it is needed, stored and recorded with its SHA-256 (once: a conditional UPDATE, and
 * stamping the same PDF gives the same bytes, so two makers at once agree), so "Check a PDF"
 * recognises every copy ever handed out.
 */
@Injectable()
export class CentreCopies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  /**
   * The centre copies of the documents, in order: the stored ones read in one storage call, the
   * missing ones made. A missing file rejects with an error whose `key` names it (as readMany).
   * `madeSha256` is the SHA-256 of a copy made here, null for one read (the caller has it recorded).
   */
  async contentsOf(docs: CentreCopySource[]): Promise<{ content: Buffer; madeSha256: string | null }[]> {
    const stored = docs.filter((d) => d.centreCopyKey !== null);
    const contents = stored.length ? await this.storage.readMany(stored.map((d) => d.centreCopyKey!)) : [];
    const byId = new Map(stored.map((d, i) => [d.id, contents[i]]));
    const out: { content: Buffer; madeSha256: string | null }[] = [];
    for (const doc of docs) {
      const content = byId.get(doc.id);
      if (content) out.push({ content, madeSha256: null });
      else {
        const made = await this.make(doc);
        out.push({ content: made.content, madeSha256: made.sha256 });
      }
    }
    return out;
  }

  /** One document's centre copy (the viewer). */
  async centreCopyOf(doc: CentreCopySource): Promise<Buffer> {
    const [copy] = await this.contentsOf([doc]);
    return copy.content;
  }

  /** Stamps, stores and records the centre copy of a document rendered before copies were stored. */
  private async make(doc: CentreCopySource): Promise<CentreCopy> {
    const content = await stampCentreCopy(await this.storage.readAll(doc.fileKey));
    const sha256 = createHash('sha256').update(content).digest('hex');
    const key = centreCopyFileKey(doc.centreId, doc.id, doc.version);
    await this.storage.put(key, content);
    const recorded = await this.dataSource.query(
      'UPDATE documents SET centre_copy_key = ?, centre_copy_sha256 = ? WHERE id = ? AND file_key = ? AND centre_copy_key IS NULL',
      [key, sha256, doc.id, doc.fileKey],
    );
    if (Number(recorded.affectedRows) === 1) return { content, sha256 };
    // made at the same moment elsewhere: the recorded copy is the one
    const [row] = await this.dataSource.query('SELECT centre_copy_key, centre_copy_sha256 FROM documents WHERE id = ?', [doc.id]);
    if (!row?.centre_copy_key) return { content, sha256 };
    return { content: await this.storage.readAll(row.centre_copy_key), sha256: row.centre_copy_sha256 };
  }
}
