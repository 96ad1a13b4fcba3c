import { PendingSignIn } from '@achievement/contracts';
import { actorOf, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { SessionCookies } from '../sessions/session-cookies';
import { SessionRecord } from '../sessions/session-record';
import { SessionRequest } from '../sessions/session.guard';
import { SessionStore } from '../sessions/session.store';
import { SecondFactorService } from './second-factor.service';

type Reply = Parameters<SessionCookies['setSession']>[0];

/**
 * What happens to a session once a second factor has passed in it: a half-signed-in session is
 * replaced by a full one (new cookies), a full one records the time for step-up. And what a
 * half-signed-in session is told about itself.
 */
@Injectable()
export class SignInSteps {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    private readonly cookies: SessionCookies,
    private readonly secondFactor: SecondFactorService,
    private readonly clock: Clock,
  ) {}

  /** Returns true when this ended a sign-in (the session is now full, with new cookies). */
  async factorGiven(req: SessionRequest, reply: Reply): Promise<boolean> {
    const session = req.session!;
    if (session.record.pending) {
      const next = await this.auth.completeSignIn(session.id, session.record.userId, actorOf(req));
      this.cookies.setSession(reply, next.token);
      this.cookies.setCsrf(reply, next.csrf);
      return true;
    }
    await this.sessions.markFactorGiven(session.id, this.clock.now());
    return false;
  }

  async pendingOf(record: SessionRecord): Promise<PendingSignIn | null> {
    if (!record.pending) return null;
    return {
      step: record.pending,
      methods: record.pending === 'second_factor' ? await this.secondFactor.methodsOf(record.userId) : [],
      name: record.name,
      expiresAt: new Date(record.pendingUntil ?? this.clock.now().getTime()).toISOString(),
    };
  }
}
