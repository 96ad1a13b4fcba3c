import { HttpErrorResponse } from '@angular/common/http';
import { computed, Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
import { apiErrorMessage, apiStatus } from '../api/api-error';

export interface ApiRequestOptions<T, P> {
  /** What the request depends on (an id from the route, a filter): asked again when it changes; undefined asks nothing. */
  params: () => P | undefined;
  load: (params: P) => Observable<T>;
  /** What to say when the API gives no message of its own: "The document could not be loaded." */
  failure: string;
}

/**
 * One API read as a page shows it: its value, whether it is loading, the message to show when it
 * failed (with Try again: `retry()`), and whether the API said there is no such thing (404, which
 * is an answer, not a failure). Built on Angular's `rxResource`: a new `params` cancels the read
 * in flight. `set`/`update` change the value shown after a local edit, without asking again.
 */
export interface ApiRequest<T> {
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<string | null>;
  readonly notFound: Signal<boolean>;
  retry(): void;
  set(value: T): void;
  update(change: (value: T) => T): void;
}

/** The HTTP error behind a resource's error (Angular wraps what is not an Error). */
function httpErrorOf(error: Error | undefined): unknown {
  return error instanceof HttpErrorResponse ? error : (error?.cause ?? error);
}

/** `readonly document = apiRequest({ params: () => this.id(), load: (id) => this.api.getDocument(id), failure: '…' })`, in an injection context. */
export function apiRequest<T, P>(options: ApiRequestOptions<T, P>): ApiRequest<T> {
  const resource = rxResource<T | undefined, P | undefined>({
    params: options.params,
    stream: ({ params }) => options.load(params as P),
  });
  const failure = computed(() => (resource.status() === 'error' ? httpErrorOf(resource.error()) : undefined));
  const notFound = computed(() => failure() !== undefined && apiStatus(failure()) === 404);
  return {
    value: computed(() => (resource.hasValue() ? resource.value() : undefined)),
    loading: resource.isLoading,
    error: computed(() => (failure() === undefined || notFound() ? null : apiErrorMessage(failure(), options.failure))),
    notFound,
    retry: () => void resource.reload(),
    set: (value) => resource.set(value),
    update: (change) => resource.update((value) => (value === undefined ? value : change(value))),
  };
}
