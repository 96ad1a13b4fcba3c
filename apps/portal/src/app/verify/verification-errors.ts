import { VERIFICATION_TOO_MANY_CHECKS } from '@achievement/contracts';
import { apiErrorCode, apiErrorMessage } from '@achievement/web';

/** What to tell the visitor when a check failed: the public checks are rate limited per network (429); else the API's words, or `fallback`. */
export function checkFailure(error: unknown, fallback: string): string {
  const code = apiErrorCode(error);
  return code === 'TOO_MANY_CHECKS' || code === 'TOO_MANY_REQUESTS' ? VERIFICATION_TOO_MANY_CHECKS : apiErrorMessage(error, fallback);
}
