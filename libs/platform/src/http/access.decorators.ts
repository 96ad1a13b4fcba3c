import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role, ROLES } from '@achievement/contracts';
import { Actor } from '../audit/actor';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const SKIP_CSRF_KEY = 'access:skip-csrf';
export const STEP_UP_KEY = 'access:step-up';
export const WHILE_PENDING_KEY = 'access:while-pending';

/** The steps of a half-signed-in session: the second factor is still to be given, or a factor to be enrolled. */
export type PendingStep = 'second_factor' | 'enrolment';

/** The signed-in caller, set on the request by the session guard. */
export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  centreId: number | null;
  /** a learner's record in the documents (role learner) */
  learnerId?: number | null;
  sessionId: string;
}

/** Anyone may call the route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only these roles may call the route. A route with neither @Public nor @Roles refuses everyone:
 * access fails closed when a decorator is forgotten.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A write that is not made by a browser session (e.g. a payment gateway's server-to-server notification), authenticated by other means. */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF_KEY, true);

/**
 * A change that asks for the second factor again when it was last given more than a few minutes
 * ago (STEP_UP_MINUTES): revoking, reissuing, deregistering, credit limits, factors. The session
 * guard answers 403 STEP_UP_REQUIRED; the client gives a factor and repeats the request. Callers
 * without a second factor (roles that need none) go ahead.
 */
export const StepUp = () => SetMetadata(STEP_UP_KEY, true);

/**
 * A route a half-signed-in session may call at the given steps (finishing the second step, enrolling,
 * signing out). Every other route refuses such a session.
 */
export const AllowedWhilePending = (...steps: PendingStep[]) => SetMetadata(WHILE_PENDING_KEY, steps);

/** Any signed-in user, whatever the role. */
export const SignedIn = () => SetMetadata(ROLES_KEY, [...ROLES]);

interface RequestWithUser {
  user?: AuthenticatedUser;
  ip?: string;
  id?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const req = ctx.switchToHttp().getRequest<RequestWithUser>();
  if (!req.user) throw new Error('CurrentUser used on a route without a signed-in user');
  return req.user;
});

/** The caller as the audit log records it: user, role, client address, request id. */
export function actorOf(req: RequestWithUser): Actor {
  return {
    userId: req.user?.id ?? null,
    role: req.user?.role ?? 'system',
    ip: req.ip ?? null,
    requestId: req.id ?? null,
  };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => actorOf(ctx.switchToHttp().getRequest<RequestWithUser>()));
