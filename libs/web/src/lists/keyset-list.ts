import { DestroyRef, signal } from '@angular/core';
import { Page } from '@achievement/contracts';
import { Observable, Subscription } from 'rxjs';
import { apiErrorMessage } from '../api/api-error';

/** Rows per page of every list (Jobs Issued, Records, Reports, the administrators' lists). */
export const LIST_PAGE_SIZE = 50;

/**
 * The state of a keyset-paginated list (Page<T> with nextCursor): its rows so far, loading, the
 * error of the last request, and "Load more". `fetch` asks for one page from a cursor (null: the
 * first page) with the list's current filters.
 */
export class KeysetList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  /** True once the first page has arrived (so "empty" is not shown while loading). */
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  private request?: Subscription;
  /** The cursor of the page last asked for, so Retry repeats exactly that request. */
  private lastCursor: string | null = null;

  constructor(
    private readonly fetch: (cursor: string | null) => Observable<Page<T>>,
    private readonly failureMessage: string,
    destroyRef: DestroyRef,
  ) {
    destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  /** From the first page again (after a filter changed, or to refresh). */
  reload(): void {
    this.items.set([]);
    this.nextCursor.set(null);
    this.loaded.set(false);
    this.load(null);
  }

  loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) {
      this.load(cursor);
    }
  }

  retry(): void {
    this.load(this.lastCursor);
  }

  /** Changes one row in place (e.g. after an action on it). */
  replace(match: (item: T) => boolean, update: (item: T) => T): void {
    this.items.update((items) => items.map((item) => (match(item) ? update(item) : item)));
  }

  remove(match: (item: T) => boolean): void {
    this.items.update((items) => items.filter((item) => !match(item)));
  }

  private load(cursor: string | null): void {
    this.request?.unsubscribe();
    this.lastCursor = cursor;
    this.loading.set(true);
    this.error.set(null);
    this.request = this.fetch(cursor).subscribe({
      next: (page) => {
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, this.failureMessage));
        this.loading.set(false);
      },
    });
  }
}
