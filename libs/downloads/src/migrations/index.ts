import { Downloads1764350000000 } from './1764350000000-downloads';

/** The downloads lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const DOWNLOADS_MIGRATIONS = [Downloads1764350000000];
