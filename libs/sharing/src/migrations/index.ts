import { Sharing1764360000000 } from './1764360000000-sharing';
import { SharingRequests1796238841000 } from './1796238841000-sharing-requests';

/** The sharing lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const SHARING_MIGRATIONS = [Sharing1764360000000, SharingRequests1796238841000];
