import { Identity1764300001000 } from './1764300001000-identity';
import { IdentityRegistration1764310000000 } from './1764310000000-identity-registration';
import { IdentitySecondFactor1796300000000 } from './1796300000000-identity-second-factor';

/** The identity lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const IDENTITY_MIGRATIONS = [Identity1764300001000, IdentityRegistration1764310000000, IdentitySecondFactor1796300000000];
