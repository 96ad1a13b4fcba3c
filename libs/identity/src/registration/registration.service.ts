import { VerificationOutcome } from '@achievement/contracts';
import { Outbox, OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BruteForceService } from '../auth/brute-force.service';
import { Centre } from '../centre.entity';
import { CentreContact } from '../centre-contact.entity';
import { isDuplicateKey } from '../duplicate-key';
import { IdentityLinks } from '../identity-links';
import { hashPassword } from '../password-hasher';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { Registration } from '../registration.entity';
import { UserTokensService } from '../tokens/user-tokens.service';
import { normaliseEmail, User } from '../user.entity';
import { matchesExactly, normaliseCentreNumber } from './contact-matching';
import { ApiError } from '@achievement/platform';

export interface RegistrationInput {
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
  centreNumber: string;
  phone: string;
  password: string;
}

/** A learner's or a third party's own account: active once the address is verified (no review). */
export interface PersonalRegistrationInput {
  role: 'learner' | 'third_party';
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  organisation?: string | null;
  dateOfBirth?: string | null;
  /** role learner: the learner record the enrolment number and date of birth matched, or null when none did */
  learnerId?: number | null;
}

/** The one answer to a registration, whatever happened (new account, address already registered, email not sent because of limits). */
export const REGISTRATION_ACCEPTED =
  'Thank you. We have sent an email to the address you gave: follow its link within 24 hours to verify your address. ' +
  'If it does not arrive, check your spam or junk folder, or ask for a new link.';

/** The one answer to a request for a new verification link. */
export const RESEND_ACCEPTED =
  'If that address has a registration waiting for verification, we have sent a new link to it. Earlier links no longer work. ' +
  'If it does not arrive, check your spam or junk folder.';

export const VERIFIED_ACTIVE = 'Your email address is verified and your account is ready. You can sign in now.';
export const VERIFIED_AWAITING_REVIEW =
  'Your email address is verified. Your details did not match our records exactly, so an administrator will check your registration. ' +
  'We will email you as soon as it has been decided; until then you cannot sign in.';

/**
 * Registration of centre staff and verification of their email. Answers never tell whether an
 * address is registered: the owner of an address that is gets an email about the attempt instead.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly tokens: UserTokensService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly bruteForce: BruteForceService,
    private readonly links: IdentityLinks,
  ) {}

  async register(input: RegistrationInput, actor: Actor): Promise<void> {
    const email = normaliseEmail(input.email);
    assertPasswordAllowed(input.password, { email, firstName: input.firstName, lastName: input.lastName }, 'password');
    // hashed whether or not the address is registered, so both take the same time
    const passwordHash = await hashPassword(input.password);
    const mayEmail = await this.bruteForce.allowEmail('verify', email, actor.ip);
    const now = this.clock.now();
    try {
      await this.outbox.transaction(async (manager, outbox) => {
        const existing = await manager.getRepository(User).findOneBy({ email });
        if (existing) {
          await this.audit.record(
            actor,
            { action: 'registration.attempt_existing', subjectType: 'user', subjectId: existing.id, details: { emailSent: mayEmail } },
            manager,
          );
          if (mayEmail) await this.sendAttemptNotice(outbox, existing);
          return;
        }
        const inserted = await manager.insert(User, {
          email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          role: 'centre_staff',
          status: 'pending_verification',
          centreId: null,
          centreContactId: null,
          learnerId: null,
          dateOfBirth: input.dateOfBirth,
          phone: input.phone,
          createdAt: now,
          updatedAt: now,
        });
        const userId = Number(inserted.identifiers[0].id);
        const centreNumber = normaliseCentreNumber(input.centreNumber);
        await manager.insert(Registration, { userId, centreNumber, status: 'pending_verification', createdAt: now });
        await this.audit.record(
          actor,
          {
            action: 'user.registered',
            subjectType: 'user',
            subjectId: userId,
            after: { role: 'centre_staff', status: 'pending_verification', centreNumber },
            details: { emailSent: mayEmail },
          },
          manager,
        );
        if (mayEmail) await this.sendVerification(manager, outbox, userId, email, input.firstName, now);
      });
    } catch (err) {
      // two registrations of one address at once: the other one won, and the answer is the same
      if (!isDuplicateKey(err, true)) throw err;
      this.logger.warn('A registration raced another one for the same address; answered as usual');
    }
  }

  /**
   * Registers a learner or a third party. The answer is the same whatever happens (the caller says
   * REGISTRATION_ACCEPTED); what happened is told by email to the address's owner: the verification
   * link; or, for an address already registered, a note of the attempt; or, for a learner whose
   * enrolment number and date of birth matched no record, that we could not find their documents;
   * or, for a learner who already has an account, a note of the attempt to that account's address.
   */
  async registerPersonal(input: PersonalRegistrationInput, actor: Actor): Promise<void> {
    const email = normaliseEmail(input.email);
    assertPasswordAllowed(input.password, { email, firstName: input.firstName, lastName: input.lastName }, 'password');
    const passwordHash = await hashPassword(input.password);
    const mayEmail = await this.bruteForce.allowEmail('verify', email, actor.ip);
    const now = this.clock.now();
    try {
      await this.outbox.transaction(async (manager, outbox) => {
        const existing = await manager.getRepository(User).findOneBy({ email });
        const holder = input.role === 'learner' && input.learnerId ? await manager.getRepository(User).findOneBy({ learnerId: input.learnerId }) : null;
        const attempted = existing ?? holder;
        if (attempted) {
          await this.audit.record(
            actor,
            { action: 'registration.attempt_existing', subjectType: 'user', subjectId: attempted.id, details: { emailSent: mayEmail, sameLearner: !existing } },
            manager,
          );
          if (mayEmail) await this.sendAttemptNotice(outbox, attempted);
          return;
        }
        if (input.role === 'learner' && !input.learnerId) {
          await this.audit.record(
            actor,
            { action: 'registration.learner_unmatched', subjectType: 'registration', subjectId: 0, details: { emailSent: mayEmail } },
            manager,
          );
          if (mayEmail) {
            await outbox.add({
              to: email,
              template: 'learner-registration-unmatched',
              eventKey: `registration.learner-unmatched:${randomUUID()}`,
              data: { registerUrl: this.links.registerLearner() },
            });
          }
          return;
        }
        const inserted = await manager.insert(User, {
          email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          role: input.role,
          status: 'pending_verification',
          centreId: null,
          centreContactId: null,
          learnerId: input.role === 'learner' ? input.learnerId : null,
          organisation: input.organisation?.trim() || null,
          dateOfBirth: input.dateOfBirth ?? null,
          phone: null,
          createdAt: now,
          updatedAt: now,
        });
        const userId = Number(inserted.identifiers[0].id);
        await this.audit.record(
          actor,
          {
            action: 'user.registered',
            subjectType: 'user',
            subjectId: userId,
            after: { role: input.role, status: 'pending_verification' },
            details: { emailSent: mayEmail },
          },
          manager,
        );
        if (mayEmail) await this.sendVerification(manager, outbox, userId, email, input.firstName, now);
      });
    } catch (err) {
      // two registrations of one address (or one learner) at once: the other one won, and the answer is the same
      if (!isDuplicateKey(err, true)) throw err;
      this.logger.warn('A registration raced another one for the same address or learner; answered as usual');
    }
  }

  private async sendAttemptNotice(outbox: Outbox, existing: User): Promise<void> {
    await outbox.add({
      to: existing.email,
      template: 'registration-attempt-existing',
      eventKey: `registration.attempt-existing:${existing.id}:${randomUUID()}`,
      data: {
        firstName: existing.firstName,
        signInUrl: this.links.signIn(),
        forgotPasswordUrl: this.links.forgotPassword(),
        resendUrl: this.links.resendVerification(),
        pendingVerification: existing.status === 'pending_verification',
        rejected: existing.status === 'rejected',
      },
    });
  }

  /** Sends a new verification link to an address with a registration waiting for verification; the earlier links stop working. */
  async resend(emailGiven: string, actor: Actor): Promise<void> {
    const email = normaliseEmail(emailGiven);
    const mayEmail = await this.bruteForce.allowEmail('verify', email, actor.ip);
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, outbox) => {
      const user = await manager.getRepository(User).findOneBy({ email, status: 'pending_verification' });
      if (!user || !mayEmail) return;
      await this.sendVerification(manager, outbox, user.id, user.email, user.firstName, now);
      await this.audit.record(actor, { action: 'user.verification_resent', subjectType: 'user', subjectId: user.id }, manager);
    });
  }

  /**
   * Follows a verification link: the email is verified, and the details are matched against the
   * contact records held for the centre. A match activates the account at once (linked to the
   * contact and its centre); otherwise it waits for review and the person is told so.
   */
  async verify(token: string, actor: Actor): Promise<VerificationOutcome> {
    const now = this.clock.now();
    return this.outbox.transaction(async (manager, outbox) => {
      const row = await this.tokens.findUsable(manager, token, 'verify_email', now);
      const user = await manager.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id: row.userId }).getOne();
      await this.tokens.markUsed(manager, row, now);
      if (!user || user.status !== 'pending_verification') {
        throw new ApiError('TOKEN_USED', {
          message: 'This verification link has already been used. Sign in, or wait for the email about your registration.',
          fieldErrors: { token: ['This verification link has already been used.'] },
        });
      }
      if (user.role === 'learner' || user.role === 'third_party') {
        // their own accounts: nothing to match against a centre's records
        await manager.update(User, { id: user.id }, { status: 'active', emailVerifiedAt: now, updatedAt: now });
        await this.audit.record(
          actor,
          {
            action: 'user.email_verified',
            subjectType: 'user',
            subjectId: user.id,
            before: { status: 'pending_verification' },
            after: { status: 'active' },
            details: { outcome: 'active' },
          },
          manager,
        );
        return 'active';
      }
      const registration = await manager.getRepository(Registration).findOneBy({ userId: user.id });
      const centreNumber = registration?.centreNumber ?? '';
      const centre = centreNumber ? await manager.getRepository(Centre).findOneBy({ number: centreNumber }) : null;
      const contact = centre ? await this.matchingContact(manager, centre, user, centreNumber) : null;

      const outcome: VerificationOutcome = contact ? 'active' : 'awaiting_review';
      await manager.update(
        User,
        { id: user.id },
        {
          status: outcome,
          emailVerifiedAt: now,
          centreId: centre?.id ?? null,
          centreContactId: contact?.id ?? null,
          updatedAt: now,
        },
      );
      if (registration) {
        await manager.update(
          Registration,
          { id: registration.id },
          contact ? { status: 'matched', contactId: contact.id, verifiedAt: now, decidedAt: now } : { status: 'awaiting_review', verifiedAt: now },
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'user.email_verified',
          subjectType: 'user',
          subjectId: user.id,
          centreId: centre?.id ?? null,
          before: { status: 'pending_verification' },
          after: { status: outcome, centreId: centre?.id ?? null, centreContactId: contact?.id ?? null },
          details: { outcome, matched: !!contact, centreFound: !!centre },
        },
        manager,
      );
      if (!contact) {
        await outbox.add({
          to: user.email,
          template: 'registration-awaiting-review',
          eventKey: `registration.awaiting-review:${user.id}`,
          data: { firstName: user.firstName },
        });
      }
      return outcome;
    });
  }

  private async matchingContact(manager: EntityManager, centre: Centre, user: User, centreNumber: string): Promise<CentreContact | null> {
    const contacts = await manager.getRepository(CentreContact).findBy({ centreId: centre.id, email: user.email });
    const claimed = { firstName: user.firstName, lastName: user.lastName, email: user.email, dateOfBirth: user.dateOfBirth ?? '', centreNumber };
    return (
      contacts.find((c) =>
        matchesExactly(claimed, { firstName: c.firstName, lastName: c.lastName, email: c.email, dateOfBirth: c.dateOfBirth, centreNumber: centre.number }),
      ) ?? null
    );
  }

  private async sendVerification(manager: EntityManager, outbox: Outbox, userId: number, email: string, firstName: string, now: Date): Promise<void> {
    const { token, id } = await this.tokens.issue(manager, userId, 'verify_email', now);
    await outbox.add({
      to: email,
      template: 'verify-email',
      eventKey: `user.verify-email:${id}`,
      data: { firstName, link: this.links.verifyEmail(token), hours: 24 },
    });
  }
}
