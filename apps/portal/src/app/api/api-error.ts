import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody } from '@achievement/contracts';

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
