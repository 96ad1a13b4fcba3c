import { Role, STEP_UP_MINUTES } from '@achievement/contracts';
import {
  actorOf,
  AuditService,
  AuthenticatedUser,
  Clock,
  PendingStep,
  PUBLIC_KEY,
  ROLES_KEY,
  SKIP_CSRF_KEY,
  STEP_UP_KEY,
  WHILE_PENDING_KEY,
} from '@achievement/platform';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, SessionCookies } from './session-cookies';
import { SecondFactorService } from '../second-factor/second-factor.service';
import { SessionRecord } from './session-record';
import { SessionStore } from './session.store';
import { ApiError } from '@achievement/platform';

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
 * A half-signed-in session (second factor or enrolment still to come) counts as signed in only on
 * the routes marked @AllowedWhilePending for its step; elsewhere it is refused, or on a public route
 * treated as no session. A @StepUp route asks for the second factor again when it was last given
 * more than STEP_UP_MINUTES ago.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly cookies: SessionCookies,
    private readonly audit: AuditService,
    private readonly secondFactor: SecondFactorService,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<SessionRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const skipCsrf = this.reflector.getAllAndOverride<boolean>(SKIP_CSRF_KEY, targets) ?? false;

    const allowedSteps = this.reflector.getAllAndOverride<PendingStep[] | undefined>(WHILE_PENDING_KEY, targets) ?? [];

    const token = req.cookies?.[this.cookies.sessionName];
    const session = token ? await this.sessions.find(token) : null;
    const pending = session?.record.pending;
    if (session) {
      req.session = session;
      if (!pending || allowedSteps.includes(pending)) req.user = userOf(session.id, session.record);
    }

    if (!SAFE_METHODS.has(req.method) && !skipCsrf && !this.csrfTokenValid(req, session?.record ?? null)) {
      throw new ApiError('CSRF_TOKEN_INVALID', 'The security token of this page is missing or out of date. Reload the page and try again.');
    }
    if (isPublic) return true;
    if (!session) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue.');
    if (pending && !allowedSteps.includes(pending)) throw pendingRefusal(pending);
    if (!roles || !roles.includes(session.record.role)) {
      await this.audit.record(actorOf(req), {
        action: 'access.denied',
        subjectType: 'route',
        subjectId: `${req.method} ${req.url.split('?')[0]}`.slice(0, 64),
        centreId: session.record.centreId,
      });
      throw new ApiError('FORBIDDEN', 'You do not have access to this.');
    }
    const stepUp = this.reflector.getAllAndOverride<boolean>(STEP_UP_KEY, targets) ?? false;
    if (stepUp && !pending) await this.checkStepUp(session.record);
    return true;
  }

  /** A factor given within STEP_UP_MINUTES in this session lets the change go ahead; an account without a factor has none to give. */
  private async checkStepUp(record: SessionRecord): Promise<void> {
    const recent = record.factorAt !== undefined && this.clock.now().getTime() - record.factorAt <= STEP_UP_MINUTES * 60_000;
    if (recent) return;
    if (await this.secondFactor.hasFactor(record.userId)) {
      throw new ApiError('STEP_UP_REQUIRED', {
        message: `Confirm it is you: give your second factor again (it was last given more than ${STEP_UP_MINUTES} minutes ago), then repeat this.`,
      });
    }
    if (this.secondFactor.requiredFor(record.role)) throw pendingRefusal('enrolment');
  }

  private csrfTokenValid(req: SessionRequest, session: SessionRecord | null): boolean {
    const header = req.headers[CSRF_HEADER];
    const cookie = req.cookies?.[CSRF_COOKIE];
    if (typeof header !== 'string' || !cookie || !sameText(header, cookie)) return false;
    return session ? sameText(header, session.csrf) : true;
  }
}

function userOf(sessionId: string, record: SessionRecord): AuthenticatedUser {
  return {
    id: record.userId,
    email: record.email,
    name: record.name,
    role: record.role,
    centreId: record.centreId,
    learnerId: record.learnerId ?? null,
    sessionId,
  };
}

function pendingRefusal(step: PendingStep): ApiError {
  return step === 'enrolment'
    ? new ApiError('ENROLMENT_REQUIRED', { message: 'Set up a second factor before you go on: your role must use one.' })
    : new ApiError('SECOND_FACTOR_REQUIRED', { message: 'Give your second factor to finish signing in.' });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
