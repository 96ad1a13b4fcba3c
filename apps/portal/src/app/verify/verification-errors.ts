import { apiErrorMessage, apiStatus } from '../api/api-error';

/** An unknown code and a malformed one get the same answer from the API (404), and here. */
export const CODE_NOT_FOUND = 'We could not find a document with this code. Check it and try again.';
/** The public checks are rate limited per network (429). */
export const TOO_MANY_CHECKS = 'Too many checks from your network; try again in a minute.';

/** What to tell the visitor when a check failed for another reason than the ones above. */
export function checkFailure(error: unknown, fallback: string): string {
  return apiStatus(error) === 429 ? TOO_MANY_CHECKS : apiErrorMessage(error, fallback);
}
