import { Role } from '@achievement/contracts';
import { actorOf, AuditService, AuthenticatedUser, PUBLIC_KEY, ROLES_KEY, SKIP_CSRF_KEY } from '@achievement/platform';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, SessionCookies } from './session-cookies';
import { SessionRecord } from './session-record';
import { SessionStore } from './session.store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionRequest {
  method: string;
  url: string;
  ip?: string;
  id?: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: AuthenticatedUser;
  session?: { id: string; record: SessionRecord };
}

/**
 * The one guard on every route. It resolves the session cookie, checks the anti-CSRF token on
 * every write, and lets the route's @Public/@Roles decide. A route with neither refuses everyone.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly cookies: SessionCookies,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<SessionRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const skipCsrf = this.reflector.getAllAndOverride<boolean>(SKIP_CSRF_KEY, targets) ?? false;

    const token = req.cookies?.[this.cookies.sessionName];
    const session = token ? await this.sessions.find(token) : null;
    if (session) {
      req.session = session;
      req.user = {
        id: session.record.userId,
        email: session.record.email,
        name: session.record.name,
        role: session.record.role,
        centreId: session.record.centreId,
        learnerId: session.record.learnerId ?? null,
        sessionId: session.id,
      };
    }

    if (!SAFE_METHODS.has(req.method) && !skipCsrf && !this.csrfTokenValid(req, session?.record ?? null)) {
      throw new ForbiddenException('The security token of this page is missing or out of date. Reload the page and try again.');
    }
    if (isPublic) return true;
    if (!session) throw new UnauthorizedException('Sign in to continue.');
    if (roles && roles.includes(session.record.role)) return true;
    await this.audit.record(actorOf(req), {
      action: 'access.denied',
      subjectType: 'route',
      subjectId: `${req.method} ${req.url.split('?')[0]}`.slice(0, 64),
      centreId: session.record.centreId,
    });
    throw new ForbiddenException('You do not have access to this.');
  }

  private csrfTokenValid(req: SessionRequest, session: SessionRecord | null): boolean {
    const header = req.headers[CSRF_HEADER];
    const cookie = req.cookies?.[CSRF_COOKIE];
    if (typeof header !== 'string' || !cookie || !sameText(header, cookie)) return false;
    return session ? sameText(header, session.csrf) : true;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
