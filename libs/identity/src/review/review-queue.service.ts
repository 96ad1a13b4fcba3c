import { ContactCandidate, Page, RegistrationDetail, RegistrationStatus, RegistrationSummary } from '@achievement/contracts';
import { OutboxService } from '@achievement/notifications';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Centre } from '../centre.entity';
import { CentreContact } from '../centre-contact.entity';
import { IdentityLinks } from '../identity-links';
import { Registration } from '../registration.entity';
import { differences } from '../registration/contact-matching';
import { User } from '../user.entity';
import { ApiError } from '@achievement/platform';

const MAX_CANDIDATES = 10;

interface SummaryRow {
  id: number;
  user_id: number;
  status: RegistrationStatus;
  centre_number: string;
  contact_id: number | null;
  created_at: Date;
  verified_at: Date | null;
  decided_at: Date | null;
  rejection_reason: string | null;
  first_name: string;
  last_name: string;
  email: string;
  date_of_birth: string | null;
  phone: string | null;
  c_id: number | null;
  c_number: string | null;
  c_name: string | null;
}

const SUMMARY_SELECT = `
  SELECT r.id, r.user_id, r.status, r.centre_number, r.contact_id, r.created_at, r.verified_at, r.decided_at, r.rejection_reason,
         u.first_name, u.last_name, u.email, u.date_of_birth, u.phone, c.id AS c_id, c.number AS c_number, c.name AS c_name
    FROM registrations r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN centres c ON c.number = r.centre_number`;

/**
 * The administrators' review queue: registrations whose details did not match the held contact
 * records, shown beside the closest records, approved (optionally linking a record) or rejected
 * with a reason. The person is emailed either way.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly links: IdentityLinks,
  ) {}

  /** Oldest first, so the queue is worked in order; deleted accounts are left out. */
  async listRegistrations(filter: { status?: RegistrationStatus; cursor?: string; limit?: number }): Promise<Page<RegistrationSummary>> {
    const limit = filter.limit ?? 50;
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY_SELECT} WHERE r.status = ? AND r.id > ? AND u.status <> 'deleted' ORDER BY r.id LIMIT ?`,
      [filter.status ?? 'awaiting_review', Number(filter.cursor ?? 0), limit + 1],
    );
    const items = rows.slice(0, limit).map(toSummary);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  async getRegistration(id: number): Promise<RegistrationDetail> {
    const registration = await this.summary(this.dataSource.manager, id);
    return { registration, candidates: await this.candidatesFor(registration) };
  }

  async approve(id: number, contactId: number | undefined, actor: Actor): Promise<RegistrationSummary> {
    await this.outbox.transaction(async (manager, outbox) => {
      const { registration, user } = await this.lockUndecided(manager, id);
      let centre: Centre | null;
      if (contactId !== undefined) {
        const contact = await manager.getRepository(CentreContact).findOneBy({ id: contactId });
        if (!contact)
          throw new ApiError('CONTACT_NOT_FOUND', `There is no contact record ${contactId}; choose one of the records shown, or approve without linking one.`);
        centre = await manager.getRepository(Centre).findOneBy({ id: contact.centreId });
      } else {
        centre = await manager.getRepository(Centre).findOneBy({ number: registration.centreNumber });
        if (!centre) {
          throw new ApiError(
            'CENTRE_NUMBER_UNKNOWN',
            `There is no centre with the number ${registration.centreNumber}: link a contact record of the right centre, or create the centre first.`,
          );
        }
      }
      const now = this.clock.now();
      await manager.update(User, { id: user.id }, { status: 'active', centreId: centre!.id, centreContactId: contactId ?? null, updatedAt: now });
      await manager.update(Registration, { id }, { status: 'approved', contactId: contactId ?? null, decidedByUserId: actor.userId, decidedAt: now });
      await this.audit.record(
        actor,
        {
          action: 'registration.approved',
          subjectType: 'registration',
          subjectId: id,
          centreId: centre!.id,
          before: { status: 'awaiting_review', userStatus: user.status },
          after: { status: 'approved', userStatus: 'active', centreId: centre!.id, contactId: contactId ?? null },
          details: { userId: user.id },
        },
        manager,
      );
      await outbox.add({
        to: user.email,
        template: 'registration-approved',
        eventKey: `registration.approved:${id}`,
        data: { firstName: user.firstName, centreName: centre!.name, signInUrl: this.links.signIn() },
      });
    });
    return this.summary(this.dataSource.manager, id);
  }

  async reject(id: number, reason: string, actor: Actor): Promise<RegistrationSummary> {
    await this.outbox.transaction(async (manager, outbox) => {
      const { user } = await this.lockUndecided(manager, id);
      const now = this.clock.now();
      await manager.update(User, { id: user.id }, { status: 'rejected', updatedAt: now });
      await manager.update(Registration, { id }, { status: 'rejected', rejectionReason: reason, decidedByUserId: actor.userId, decidedAt: now });
      await this.audit.record(
        actor,
        {
          action: 'registration.rejected',
          subjectType: 'registration',
          subjectId: id,
          centreId: user.centreId,
          before: { status: 'awaiting_review', userStatus: user.status },
          after: { status: 'rejected', userStatus: 'rejected' },
          details: { userId: user.id, reason },
        },
        manager,
      );
      await outbox.add({
        to: user.email,
        template: 'registration-rejected',
        eventKey: `registration.rejected:${id}`,
        data: { firstName: user.firstName, reason },
      });
    });
    return this.summary(this.dataSource.manager, id);
  }

  private async lockUndecided(manager: EntityManager, id: number): Promise<{ registration: Registration; user: User }> {
    const registration = await manager.getRepository(Registration).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!registration) throw registrationNotFound(id);
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id: registration.userId })
      .getOne();
    if (!user || user.status === 'deleted') throw registrationNotFound(id);
    if (registration.status !== 'awaiting_review' || user.status !== 'awaiting_review') {
      throw new ApiError(
        'REGISTRATION_NOT_DECIDABLE',
        registration.status === 'pending_verification'
          ? 'This registration cannot be decided yet: the person has not verified their email address.'
          : `This registration is not waiting for review: it is ${registration.status.replace('_', ' ')}.`,
      );
    }
    return { registration, user };
  }

  private async summary(manager: EntityManager, id: number): Promise<RegistrationSummary> {
    const [row]: SummaryRow[] = await manager.query(`${SUMMARY_SELECT} WHERE r.id = ? AND u.status <> 'deleted'`, [id]);
    if (!row) throw registrationNotFound(id);
    return toSummary(row);
  }

  /**
   * The held records closest to what the person registered with: the claimed centre's records
   * first (those sharing the email, a name or the date of birth before the others), then records
   * of other centres with the same email, or the same name, or the same surname and date of birth.
   */
  private async candidatesFor(r: RegistrationSummary): Promise<ContactCandidate[]> {
    type Row = CentreContact & { centreNumber: string; centreName: string };
    const select = `SELECT cc.id, cc.centre_id AS centreId, cc.first_name AS firstName, cc.last_name AS lastName, cc.email,
                           cc.date_of_birth AS dateOfBirth, cc.created_at AS createdAt, c.number AS centreNumber, c.name AS centreName
                      FROM centre_contacts cc JOIN centres c ON c.id = cc.centre_id`;
    const sameCentre: Row[] = await this.dataSource.query(
      `${select} WHERE c.number = ?
        ORDER BY (cc.email = ?) + (cc.last_name = ?) + (cc.first_name = ?) + (cc.date_of_birth <=> ?) DESC, cc.id LIMIT ?`,
      [r.centreNumber, r.email, r.lastName, r.firstName, r.dateOfBirth, MAX_CANDIDATES],
    );
    const elsewhere: Row[] = await this.dataSource.query(
      `${select} WHERE c.number <> ? AND (cc.email = ? OR (cc.last_name = ? AND (cc.first_name = ? OR cc.date_of_birth <=> ?)))
        ORDER BY cc.id LIMIT ?`,
      [r.centreNumber, r.email, r.lastName, r.firstName, r.dateOfBirth, MAX_CANDIDATES],
    );
    const claimed = { firstName: r.firstName, lastName: r.lastName, email: r.email, dateOfBirth: r.dateOfBirth ?? '', centreNumber: r.centreNumber };
    return [...sameCentre, ...elsewhere]
      .map((c) => {
        const differs = differences(claimed, {
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          dateOfBirth: c.dateOfBirth,
          centreNumber: c.centreNumber,
        });
        return {
          contact: {
            id: Number(c.id),
            centreId: Number(c.centreId),
            centreNumber: c.centreNumber,
            centreName: c.centreName,
            firstName: c.firstName,
            lastName: c.lastName,
            email: c.email,
            dateOfBirth: c.dateOfBirth,
            createdAt: new Date(c.createdAt).toISOString(),
          },
          differs,
        };
      })
      .sort(
        (a, b) => Number(a.differs.centreNumber) - Number(b.differs.centreNumber) || differing(a.differs) - differing(b.differs) || a.contact.id - b.contact.id,
      )
      .slice(0, MAX_CANDIDATES);
  }
}

function differing(d: Record<string, boolean>): number {
  return Object.values(d).filter(Boolean).length;
}

function registrationNotFound(id: number): ApiError {
  return new ApiError('REGISTRATION_NOT_FOUND', `There is no registration ${id}.`);
}

function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function toSummary(r: SummaryRow): RegistrationSummary {
  return {
    id: Number(r.id),
    userId: Number(r.user_id),
    status: r.status,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    dateOfBirth: r.date_of_birth,
    phone: r.phone,
    centreNumber: r.centre_number,
    centre: r.c_id ? { id: Number(r.c_id), number: r.c_number!, name: r.c_name! } : null,
    createdAt: new Date(r.created_at).toISOString(),
    verifiedAt: iso(r.verified_at),
    decidedAt: iso(r.decided_at),
    rejectionReason: r.rejection_reason,
    contactId: r.contact_id === null ? null : Number(r.contact_id),
  };
}
