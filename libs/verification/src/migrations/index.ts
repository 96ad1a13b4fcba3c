import { Verification1764340000000 } from './1764340000000-verification';
import { VerificationLogHits1764380000000 } from './1764380000000-verification-log-hits';

/** The verification lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const VERIFICATION_MIGRATIONS = [Verification1764340000000, VerificationLogHits1764380000000];
