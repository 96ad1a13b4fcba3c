import { PENDING_SESSION_MINUTES, SessionUser, ApiErrorCode } from '@achievement/contracts';
import { Actor, AuditService, Clock, PendingStep } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dummyPasswordHash, verifyPassword } from '../password-hasher';
import { SessionRecord } from '../sessions/session-record';
import { SessionStore } from '../sessions/session.store';
import { normaliseEmail, User, UserStatus } from '../user.entity';
import { BruteForceService, TOO_MANY_SIGN_INS } from './brute-force.service';
import { DeviceCookies } from './device-cookies';
import { ApiError } from '@achievement/platform';

/**
 * What a person who gave the right password for an account that cannot sign in yet is told. Only
 * the holder of the password ever sees these (a wrong password gets the one 401 answer), so they
 * never tell anyone else whether an email is registered.
 */
const NOT_ACTIVE_CODES: Partial<Record<UserStatus, ApiErrorCode>> = {
  pending_verification: 'EMAIL_NOT_VERIFIED',
  awaiting_review: 'REGISTRATION_AWAITING_REVIEW',
  rejected: 'REGISTRATION_REJECTED',
};
const NOT_ACTIVE: Partial<Record<UserStatus, string>> = {
  pending_verification: 'Your email address is not verified yet. Follow the link in the email we sent you, or ask for a new one.',
  awaiting_review: 'Your registration is waiting for an administrator to check it. We will email you as soon as it has been decided.',
  rejected:
    'Your registration was not approved; the email we sent you gives the reason. Contact us via Centres Hub using an Enquiry Form if you have questions.',
};

export interface StartedSession {
  token: string;
  id: string;
  csrf: string;
  record: SessionRecord;
}

/** Sign-in, sign-out and the session's user. Answers the same whether or not an email is registered. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly bruteForce: BruteForceService,
    private readonly devices: DeviceCookies,
    private readonly clock: Clock,
  ) {}

  /**
   * The active user with these credentials, or null. Always verifies one hash, so timing does not
   * tell whether the email exists. Refused with 429 once the client address has failed too often, or the device
   * cookie presented (a browser that signed in to this account before), or without one the account's unknown
   * browsers, known email or not; with 403 and the reason when the password is right but the account cannot sign in yet.
   * A cookie that is forged, expired or another account's counts as none.
   */
  async checkCredentials(email: string, password: string, actor: Actor, deviceCookie?: string | null): Promise<User | null> {
    const device = this.devices.read(deviceCookie, email);
    // counted before the password is checked, so guesses sent at once cannot all slip under the limit
    const limit = await this.bruteForce.reserveSignInAttempt(email, actor.ip, device);
    if (limit) {
      await this.audit.record(actor, {
        action: 'auth.sign_in_throttled',
        subjectType: 'user',
        subjectId: null,
        details: { reason: TOO_MANY_SIGN_INS, limit, knownDevice: device !== null },
      });
      throw new ApiError('TOO_MANY_SIGN_INS', TOO_MANY_SIGN_INS);
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normaliseEmail(email) });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || user.status !== 'active') {
      await this.audit.record(actor, {
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : `status_${user.status}`, knownDevice: device !== null },
      });
      const notActive = user && ok ? NOT_ACTIVE[user.status] : undefined;
      if (user && notActive) {
        await this.bruteForce.signInSucceeded(email, actor.ip, device);
        throw new ApiError(NOT_ACTIVE_CODES[user.status] ?? 'ACCOUNT_NOT_ACTIVE', notActive);
      }
      return null; // the failure was counted in advance
    }
    await this.bruteForce.signInSucceeded(email, actor.ip, device);
    return user;
  }

  /** The device cookie a browser gets when it has just signed in as this user (a new one at every sign-in). */
  deviceCookieFor(user: User): string {
    return this.devices.issue(user.email);
  }

  /**
   * Starts a session. With `pending` it is half signed in (the second factor or an enrolment is
   * still to come) and lives PENDING_SESSION_MINUTES at most; `factorAt` records a second factor
   * just given, for step-up.
   */
  async startSession(user: User, actor: Actor, options: { pending?: PendingStep; factorAt?: Date } = {}): Promise<StartedSession> {
    const { token, id, record } = await this.sessions.create(
      {
        userId: user.id,
        role: user.role,
        centreId: user.centreId,
        learnerId: user.learnerId,
        email: user.email,
        name: user.fullName,
        ip: actor.ip ?? null,
        ...(options.pending ? { pending: options.pending } : {}),
        ...(options.factorAt ? { factorAt: options.factorAt.getTime() } : {}),
      },
      options.pending ? PENDING_SESSION_MINUTES * 60_000 : undefined,
    );
    await this.audit.record(
      { ...actor, userId: user.id, role: user.role },
      options.pending
        ? { action: 'auth.password_accepted', subjectType: 'user', subjectId: user.id, centreId: user.centreId, details: { next: options.pending } }
        : {
            action: 'auth.signed_in',
            subjectType: 'user',
            subjectId: user.id,
            centreId: user.centreId,
            details: options.factorAt ? { secondFactor: true } : undefined,
          },
    );
    return { token, id, csrf: record.csrf, record };
  }

  /**
   * Ends a half-signed-in session whose second factor (or enrolment) has just passed and starts a
   * full one with a new token, so a cookie planted before the second step is worth nothing after it.
   */
  async completeSignIn(pendingSessionId: string, userId: number, actor: Actor): Promise<StartedSession> {
    await this.sessions.destroy(pendingSessionId, userId);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId, status: 'active' });
    if (!user) throw new ApiError('ACCOUNT_NOT_ACTIVE', 'This account can no longer sign in.');
    return this.startSession(user, actor, { factorAt: this.clock.now() });
  }

  async endSession(sessionId: string, actor: Actor & { userId: number }): Promise<void> {
    await this.sessions.destroy(sessionId, actor.userId);
    await this.audit.record(actor, { action: 'auth.signed_out', subjectType: 'user', subjectId: actor.userId });
  }

  async endAllSessions(actor: Actor & { userId: number }): Promise<number> {
    const ended = await this.sessions.destroyAllOf(actor.userId);
    await this.audit.record(actor, { action: 'auth.signed_out_everywhere', subjectType: 'user', subjectId: actor.userId, details: { sessions: ended } });
    return ended;
  }

  async sessionUser(userId: number): Promise<SessionUser | null> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, relations: { centre: true } });
    if (!user || user.status !== 'active') return null;
    return {
      id: user.id,
      email: user.email,
      name: user.fullName,
      role: user.role,
      centre: user.centre ? { id: user.centre.id, number: user.centre.number, name: user.centre.name } : null,
    };
  }
}
