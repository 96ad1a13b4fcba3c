import { Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { VerifiableDocument } from './verifiable-document';
import { VerifiableChange, VerifiableChanges } from './verifiable-changes';

/** The most documents kept (about 1 KB each). */
export const CACHE_MAX_ENTRIES = 20_000;
/**
 * How long an entry is trusted without news. Every change that matters to the public answer is
 * announced (VerifiableChanges); this bound is for what is not, such as a centre's new name.
 */
export const CACHE_TTL_MS = 10_000;

interface Entry {
  doc: VerifiableDocument;
  expiresAt: number;
}

/**
 * The documents of recently verified codes, in this process's memory, so that a code scanned again
 * and again (a certificate on a noticeboard, an employer checking a batch) costs no database read.
 *
 * Never stale past an announced change:
 * - an announced change drops the entries at once (this process) or on the Redis message (others);
 * - a read that was under way when a change was announced is not kept (its row may predate the
 *   change): each read takes the generation before it starts and is kept only if no change came since;
 * - while this process is not subscribed to the changes, nothing is kept or answered from memory.
 * Unknown codes are not kept (a new document's code cannot have been looked up before it existed,
 * and guessing is rate limited).
 */
@Injectable()
export class VerifiableDocumentCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly changes: VerifiableChanges,
    private readonly clock: Clock,
  ) {
    changes.onChange((change) => this.drop(change));
  }

  /** The cached document of a code, if fresh. */
  get(code: string): VerifiableDocument | undefined {
    if (!this.changes.live) return undefined;
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(code);
      return undefined;
    }
    return entry.doc;
  }

  /** Taken before a read of the database; hand it back to `keep`. */
  startRead(): number {
    return this.generation;
  }

  /** Keeps what a read found, unless a change was announced since it started. */
  keep(startedAt: number, doc: VerifiableDocument): void {
    if (startedAt !== this.generation || !this.changes.live) return;
    if (this.entries.size >= CACHE_MAX_ENTRIES) {
      // the oldest entry goes (a Map keeps insertion order)
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(doc.verificationCode);
    this.entries.set(doc.verificationCode, { doc, expiresAt: this.clock.now().getTime() + CACHE_TTL_MS });
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(change: VerifiableChange): void {
    this.generation++;
    if ('all' in change) this.entries.clear();
    else for (const code of change.codes) this.entries.delete(code);
  }
}
