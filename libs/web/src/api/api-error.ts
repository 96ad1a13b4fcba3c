import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody, ApiErrorCode, isApiErrorCode } from '@achievement/contracts';

/**
 * The API's error body of a failed call, when it answered with one. A call that expects no JSON
 * (a 204, a file) gets its error body as text or a Blob: text is parsed here; a Blob is not read.
 */
export function apiErrorBody<T extends object = ApiErrorBody>(error: unknown): Partial<T> | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return body && typeof body === 'object' && !(body instanceof Blob) ? (body as Partial<T>) : null;
}

/** The message the API put in its error body ({statusCode, error, message}), or the fallback. */
export function apiErrorMessage(error: unknown, fallback: string): string {
  const message = apiErrorBody(error)?.message;
  if (typeof message === 'string' && message.trim()) {
    return message;
  }
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'The portal cannot be reached. Check your connection and try again.';
  }
  return fallback;
}

/** The API's first message about one field of the request body (fieldErrors), if any. */
export function apiFieldError(error: unknown, field: string): string | null {
  return apiFieldErrors(error)[field]?.[0] ?? null;
}

/** The API's problems with single fields of the request body (fieldErrors), keyed by field. */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  const fieldErrors = apiErrorBody(error)?.fieldErrors;
  return fieldErrors && typeof fieldErrors === 'object' ? fieldErrors : {};
}

/** The API's code for what went wrong (ApiErrorBody.code), or null (no answer, or not the API's). Choose by it, not by the message. */
export function apiErrorCode(error: unknown): ApiErrorCode | null {
  const code = apiErrorBody(error)?.code;
  return isApiErrorCode(code) ? code : null;
}

/** The HTTP status of a failed call (0 when the API could not be reached or it was no HTTP error). */
export function apiStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
