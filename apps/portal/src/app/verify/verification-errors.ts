import { VERIFICATION_TOO_MANY_CHECKS } from '@achievement/contracts';
import { apiErrorMessage, apiStatus } from '@achievement/web';

/** What to tell the visitor when a check failed: the public checks are rate limited per network (429); else the API's words, or `fallback`. */
export function checkFailure(error: unknown, fallback: string): string {
  return apiStatus(error) === 429 ? VERIFICATION_TOO_MANY_CHECKS : apiErrorMessage(error, fallback);
}
