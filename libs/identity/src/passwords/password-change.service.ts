import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, AuthenticatedUser, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BruteForceService, TOO_MANY_SIGN_INS } from '../auth/brute-force.service';
import { DeviceCookies } from '../auth/device-cookies';
import { IdentityLinks } from '../identity-links';
import { hashPassword, verifyPassword } from '../password-hasher';
import { SessionStore } from '../sessions/session.store';
import { User } from '../user.entity';
import { assertPasswordAllowed } from './password-policy';
import { formatUtc } from './password-reset.service';
import { ApiError } from '@achievement/platform';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';

/** A signed-in user changes their password, giving the current one; every other session ends and the owner is told. */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly bruteForce: BruteForceService,
    private readonly links: IdentityLinks,
    private readonly devices: DeviceCookies,
  ) {}

  /** `deviceCookie`: the browser's device cookie, so a wrong current password counts like a failed sign-in from that browser. */
  async changePassword(caller: AuthenticatedUser, currentPassword: string, newPassword: string, actor: Actor, deviceCookie?: string | null): Promise<void> {
    // guessing the current password from a stolen session is slowed like sign-in
    const device = this.devices.read(deviceCookie, caller.email);
    if (await this.bruteForce.reserveSignInAttempt(caller.email, actor.ip, device)) throw new ApiError('TOO_MANY_SIGN_INS', TOO_MANY_SIGN_INS);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: caller.id, status: 'active' });
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue.');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record(actor, { action: 'user.password_change_failed', subjectType: 'user', subjectId: user.id, centreId: user.centreId });
      throw new ApiError('WRONG_CURRENT_PASSWORD', { message: WRONG_CURRENT_PASSWORD, fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
    }
    // the right current password: the attempt counted in advance is taken back, whatever else is wrong
    await this.bruteForce.signInSucceeded(user.email, actor.ip, device);
    if (newPassword === currentPassword) {
      const message = 'Choose a new password that is different from your current one.';
      throw new ApiError('PASSWORD_NOT_ALLOWED', { message, fieldErrors: { newPassword: [message] } });
    }
    assertPasswordAllowed(newPassword, user, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, outbox) => {
      await manager.update(User, { id: user.id }, { passwordHash, updatedAt: now });
      await this.audit.record(
        actor,
        { action: 'user.password_changed', subjectType: 'user', subjectId: user.id, centreId: user.centreId, details: { sessionsEnded: 'all others' } },
        manager,
      );
      await outbox.add({
        to: user.email,
        template: 'password-changed',
        eventKey: `user.password-changed:${user.id}:change:${now.getTime()}`,
        data: { firstName: user.firstName, reset: false, when: formatUtc(now), forgotPasswordUrl: this.links.forgotPassword() },
      });
    });
    await this.sessions.destroyAllOf(user.id, caller.sessionId);
  }
}
