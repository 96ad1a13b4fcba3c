import { SessionUser } from '@achievement/contracts';
import { Actor, AuditService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dummyPasswordHash, verifyPassword } from '../password-hasher';
import { SessionStore } from '../sessions/session.store';
import { normaliseEmail, User } from '../user.entity';

/** Sign-in, sign-out and the session's user. Answers the same whether or not an email is registered. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  /** The active user with these credentials, or null. Always verifies one hash, so timing does not tell whether the email exists. */
  async checkCredentials(email: string, password: string, actor: Actor): Promise<User | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normaliseEmail(email) });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || user.status !== 'active') {
      await this.audit.record(actor, {
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : `status_${user.status}` },
      });
      return null;
    }
    return user;
  }

  async startSession(user: User, actor: Actor): Promise<{ token: string; id: string; csrf: string }> {
    const { token, id, record } = await this.sessions.create({
      userId: user.id,
      role: user.role,
      centreId: user.centreId,
      email: user.email,
      name: user.fullName,
      ip: actor.ip ?? null,
    });
    await this.audit.record({ ...actor, userId: user.id, role: user.role }, { action: 'auth.signed_in', subjectType: 'user', subjectId: user.id, centreId: user.centreId });
    return { token, id, csrf: record.csrf };
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
