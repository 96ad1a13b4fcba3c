import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role, ROLES } from '@achievement/contracts';
import { Actor } from '../audit/actor';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const SKIP_CSRF_KEY = 'access:skip-csrf';

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

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorOf(ctx.switchToHttp().getRequest<RequestWithUser>()),
);
