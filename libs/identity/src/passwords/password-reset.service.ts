import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BruteForceService } from '../auth/brute-force.service';
import { IdentityLinks } from '../identity-links';
import { hashPassword } from '../password-hasher';
import { SessionStore } from '../sessions/session.store';
import { UserTokensService } from '../tokens/user-tokens.service';
import { normaliseEmail, User, UserStatus } from '../user.entity';
import { assertPasswordAllowed } from './password-policy';
import { ApiError } from '@achievement/platform';

/** The one answer to "forgot password", whether or not the address has an account. */
export const RESET_REQUESTED =
  'If that address has an account, we have sent it a link to choose a new password. The link works once, for one hour. ' +
  'If it does not arrive, check your spam or junk folder.';
export const PASSWORD_WAS_RESET = 'Your password has been changed and every device that was signed in has been signed out. Sign in with your new password.';

/** Accounts that may reset a password: those that can sign in now or once verified / approved. */
const RESETTABLE: UserStatus[] = ['active', 'awaiting_review', 'pending_verification'];

/** "Forgot password": a single-use link by email, valid one hour; using it ends every session of the account. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly tokens: UserTokensService,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly bruteForce: BruteForceService,
    private readonly links: IdentityLinks,
  ) {}

  /** Emails a reset link when the address has an account and the limits allow; does the same visible thing either way. */
  async requestReset(emailGiven: string, actor: Actor): Promise<void> {
    const email = normaliseEmail(emailGiven);
    const mayEmail = await this.bruteForce.allowEmail('reset', email, actor.ip);
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, outbox) => {
      const user = await manager.getRepository(User).findOneBy({ email, status: In(RESETTABLE) });
      if (!user || !mayEmail) return;
      const { token, id } = await this.tokens.issue(manager, user.id, 'reset_password', now);
      await outbox.add({
        to: user.email,
        template: 'password-reset',
        eventKey: `user.password-reset:${id}`,
        data: { firstName: user.firstName, link: this.links.resetPassword(token) },
      });
      await this.audit.record(actor, { action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id, centreId: user.centreId }, manager);
    });
  }

  /** Sets a new password with a reset link: the link is used up, every session of the account ends, and the owner is told. */
  async resetPassword(token: string, password: string, actor: Actor): Promise<void> {
    const now = this.clock.now();
    // the password rules need the account's details: look the link up first, without using it
    const preview = await this.dataSource.transaction((manager) => this.tokens.findUsable(manager, token, 'reset_password', now));
    const owner = await this.dataSource.getRepository(User).findOneBy({ id: preview.userId });
    if (!owner || !RESETTABLE.includes(owner.status)) {
      throw new ApiError('TOKEN_INVALID', {
        message: 'This password reset link is not valid. Ask for a new one.',
        fieldErrors: { token: ['This password reset link is not valid.'] },
      });
    }
    assertPasswordAllowed(password, owner, 'password');
    const passwordHash = await hashPassword(password);

    await this.outbox.transaction(async (manager, outbox) => {
      const row = await this.tokens.findUsable(manager, token, 'reset_password', now); // again, under lock: used once only
      await this.tokens.markUsed(manager, row, now);
      await this.tokens.revokeAll(manager, owner.id, 'reset_password', now);
      await manager.update(User, { id: owner.id }, { passwordHash, updatedAt: now });
      await this.audit.record(
        actor,
        { action: 'user.password_reset', subjectType: 'user', subjectId: owner.id, centreId: owner.centreId, details: { sessionsEnded: 'all' } },
        manager,
      );
      await outbox.add({
        to: owner.email,
        template: 'password-changed',
        eventKey: `user.password-changed:${owner.id}:reset:${row.id}`,
        data: { firstName: owner.firstName, reset: true, when: formatUtc(now), forgotPasswordUrl: this.links.forgotPassword() },
      });
    });
    await this.sessions.destroyAllOf(owner.id);
    await this.bruteForce.clearAccount(owner.email);
  }
}

export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
