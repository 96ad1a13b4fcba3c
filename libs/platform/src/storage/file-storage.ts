import { Readable } from 'node:stream';

export interface StoredFileInfo {
  size: number;
  modifiedAt: Date;
}

/**
 * Where PDFs and zips live. Keys are built from internal ids (never from names people typed):
 * lower-case letters, digits, '-', '_', '.' and '/' separators, no '..'.
 */
export abstract class FileStorage {
  abstract put(key: string, content: Buffer | Readable): Promise<StoredFileInfo>;
  abstract read(key: string, range?: { start: number; end: number }): Readable;
  abstract readAll(key: string): Promise<Buffer>;
  /**
   * Several small files at once, in order (a zip's PDFs): one call instead of one per file. The
   * caller keeps the batch small (a few MB). A missing file rejects with an error whose `key` names it.
   */
  abstract readMany(keys: string[]): Promise<Buffer[]>;
  abstract stat(key: string): Promise<StoredFileInfo | null>;
  abstract delete(key: string): Promise<void>;
  /**
   * Removes the temporary files of writes that never finished (their process was killed) under
   * `prefix`: the writes of one key (`downloads/3/17.zip`) or of every key in a folder
   * (`downloads/`, ending in '/'); with `unchangedSince`, only those not written to since.
   * Returns how many it removed. A write still running under the prefix fails (never completes
   * with half a file).
   */
  abstract removeUnfinishedWrites(prefix: string, unchangedSince?: Date): Promise<number>;

  /** Rejects when the storage cannot be used (for the health check). By default: a look-up of a file that need not exist. */
  async check(): Promise<void> {
    await this.stat('health-check');
  }
}

const KEY = /^[a-z0-9_-][a-z0-9_.-]*(\/[a-z0-9_-][a-z0-9_.-]*)*$/;

export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.includes('..') || key.length > 200) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
