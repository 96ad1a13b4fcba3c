import { Role } from '@achievement/contracts';

/** Who did something: a signed-in user, or the system itself (a scheduled task, a queue job, a CLI command). */
export interface Actor {
  userId: number | null;
  role: Role | 'system';
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, role: 'system' as const });
