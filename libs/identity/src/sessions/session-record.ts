import { Role } from '@achievement/contracts';
import { PendingStep } from '@achievement/platform';

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
  /** set while half signed in: the second factor, or an enrolment, is still to come */
  pending?: PendingStep;
  /** a half-signed-in session ends at this time (ms) */
  pendingUntil?: number;
  /** when a second factor was last given in this session (ms), for step-up */
  factorAt?: number;
}
