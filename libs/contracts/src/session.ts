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
  user: SessionUser | null;
}

export interface SignInRequest {
  email: string;
  password: string;
}
