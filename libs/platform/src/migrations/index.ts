import { Platform1764300000000 } from './1764300000000-platform';

/** The platform's migrations (the audit log, the outbox and the other tables of the ground every lib stands on). */
export const PLATFORM_MIGRATIONS = [Platform1764300000000];
