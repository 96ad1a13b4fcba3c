import { PendingSignIn } from './second-factor';
import { Role } from './roles';

/** The signed-in user as the browser sees it (GET /api/auth/session). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Set for centre staff only. */
  centre: { id: number; number: string; name: string } | null;
}

export interface SessionResponse {
  /** null until the sign-in is complete (and for anonymous visitors) */
  user: SessionUser | null;
  /** set while the session is half signed in: the second factor (or enrolment) is still to come */
  pending?: PendingSignIn | null;
}

export interface SignInRequest {
  email: string;
  password: string;
}
