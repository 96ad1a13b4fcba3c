import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Registration } from '../registration.entity';
import { SessionStore } from '../sessions/session.store';
import { User } from '../user.entity';
import { UserToken } from '../user-token.entity';
import { ApiError } from '@achievement/platform';

/**
 * Deregistration, done by an administrator on the person's request: the account can no longer
 * sign in (every session ends at once), its personal data is erased or anonymised, and the audit
 * trail stays.
 */
@Injectable()
export class DeregistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async deleteAccount(userId: number, actor: Actor): Promise<void> {
    if (userId === actor.userId) {
      throw new ApiError('OWN_ACCOUNT', 'You cannot delete your own account; ask another administrator.');
    }
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id: userId }).getOne();
      if (!user) throw new ApiError('ACCOUNT_NOT_FOUND', `There is no account ${userId}.`);
      if (user.status === 'deleted') throw new ApiError('ACCOUNT_DELETED', `Account ${userId} has already been deleted.`);
      if (user.role === 'administrator' && user.status === 'active') {
        const admins = await manager.getRepository(User).countBy({ role: 'administrator', status: 'active' });
        if (admins <= 1) throw new ApiError('LAST_ADMINISTRATOR', 'This is the last active administrator account; create another administrator first.');
      }
      const now = this.clock.now();
      await manager.update(
        User,
        { id: userId },
        {
          email: `deleted-user-${userId}@invalid`,
          passwordHash: null,
          firstName: 'Deleted',
          lastName: 'User',
          status: 'deleted',
          centreContactId: null,
          learnerId: null,
          dateOfBirth: null,
          phone: null,
          jobTitle: null,
          addressLine1: null,
          addressLine2: null,
          town: null,
          postcode: null,
          country: null,
          updatedAt: now,
          deletedAt: now,
        },
      );
      await manager.delete(UserToken, { userId });
      await this.outbox.forgetRecipient(manager, user.email, `deleted-user-${userId}@invalid`);
      await manager.update(Registration, { userId }, { rejectionReason: null });
      await this.audit.record(
        actor,
        {
          action: 'user.deleted',
          subjectType: 'user',
          subjectId: userId,
          centreId: user.centreId,
          before: { role: user.role, status: user.status, centreId: user.centreId },
          after: { status: 'deleted' },
          details: { personalData: 'anonymised' },
        },
        manager,
      );
    });
    await this.sessions.destroyAllOf(userId);
  }
}
