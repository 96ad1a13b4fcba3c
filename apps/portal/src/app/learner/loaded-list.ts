import { DestroyRef, signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { apiErrorMessage } from '@achievement/web';

/**
 * The state of a list the API answers in one piece (an array, no paging): its rows, loading, and
 * the error of the last request, so a page can show the loading, empty and error states.
 */
export class LoadedList<T> {
  readonly items = signal<T[]>([]);
  readonly loading = signal(false);
  /** True once an answer has arrived (so "empty" is not shown while loading). */
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);

  private request?: Subscription;

  constructor(
    private readonly fetch: () => Observable<T[]>,
    private readonly failureMessage: string,
    destroyRef: DestroyRef,
  ) {
    destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  /** Asks again (first load, Retry, or after an action changed the rows); the rows shown stay until the answer. */
  reload(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.fetch().subscribe({
      next: (items) => {
        this.items.set(items);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, this.failureMessage));
        this.loading.set(false);
      },
    });
  }

  /** Puts a changed row in place (e.g. the API's answer to an action on it). */
  replace(match: (item: T) => boolean, update: (item: T) => T): void {
    this.items.update((items) => items.map((item) => (match(item) ? update(item) : item)));
  }
}
