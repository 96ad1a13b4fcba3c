import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody, ApiErrorCode, isApiErrorCode } from '@achievement/contracts';

/** The message the API put in its error body ({statusCode, error, message}), or the fallback. */
export function apiErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && typeof body.message === 'string' && body.message.trim()) {
      return body.message;
    }
    if (error.status === 0) {
      return 'The portal cannot be reached. Check your connection and try again.';
    }
  }
  return fallback;
}

/** The API's first message about one field of the request body (fieldErrors), if any. */
export function apiFieldError(error: unknown, field: string): string | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    const messages = body && typeof body === 'object' ? body.fieldErrors?.[field] : undefined;
    if (messages && messages.length > 0) {
      return messages[0];
    }
  }
  return null;
}

/** The API's problems with single fields of the request body (fieldErrors), keyed by field. */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    const fieldErrors = body && typeof body === 'object' ? body.fieldErrors : undefined;
    if (fieldErrors && typeof fieldErrors === 'object') {
      return fieldErrors;
    }
  }
  return {};
}

/** The API's code for what went wrong (ApiErrorBody.code), or null (no answer, or not the API's). Choose by it, not by the message. */
export function apiErrorCode(error: unknown): ApiErrorCode | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && isApiErrorCode(body.code)) return body.code;
  }
  return null;
}

/** The HTTP status of a failed call (0 when the API could not be reached or it was no HTTP error). */
export function apiStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
