import { Role } from '@achievement/contracts';

/** What Redis holds for one signed-in session (keyed by a hash of the cookie's token, never the token). */
export interface SessionRecord {
  userId: number;
  role: Role;
  centreId: number | null;
  /** role learner: the learner's record (absent in sessions started before learner accounts) */
  learnerId?: number | null;
  email: string;
  name: string;
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
}
