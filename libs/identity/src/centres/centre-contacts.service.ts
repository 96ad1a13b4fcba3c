import { CentreContact as CentreContactView, CreateContactRequest, Page, UpdateContactRequest } from '@achievement/contracts';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { Centre } from '../centre.entity';
import { CentreContact } from '../centre-contact.entity';
import { normaliseEmail } from '../user.entity';
import { toContactView } from './centre-views';
import { centreNotFound } from './centres.service';
import { ApiError } from '@achievement/platform';

const FIELDS = ['firstName', 'lastName', 'email', 'dateOfBirth'] as const;

/**
 * The contact records the body holds for a centre (registrations are matched against them). A
 * centre holds one record per email address; writes to a centre's contacts are serialised by
 * locking the centre's row.
 */
@Injectable()
export class CentreContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listContacts(centreId: number, page: { cursor?: string; limit?: number }): Promise<Page<CentreContactView>> {
    if (!(await this.dataSource.getRepository(Centre).existsBy({ id: centreId }))) throw centreNotFound(centreId);
    const limit = page.limit ?? 50;
    const rows = await this.dataSource.getRepository(CentreContact).find({
      where: { centreId, ...(page.cursor ? { id: MoreThan(Number(page.cursor)) } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map(toContactView);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  async getContact(centreId: number, contactId: number): Promise<CentreContactView> {
    return toContactView(await this.findContact(this.dataSource.manager, centreId, contactId));
  }

  async createContact(centreId: number, input: CreateContactRequest, actor: Actor): Promise<CentreContactView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.lockCentre(manager, centreId);
      const values = { centreId, firstName: input.firstName, lastName: input.lastName, email: normaliseEmail(input.email), dateOfBirth: input.dateOfBirth };
      await this.assertEmailFree(manager, centreId, values.email);
      const result = await manager.insert(CentreContact, { ...values, createdAt: this.clock.now() });
      const contactId = Number(result.identifiers[0].id);
      await this.audit.record(actor, { action: 'contact.created', subjectType: 'centre_contact', subjectId: contactId, centreId, after: values }, manager);
      return contactId;
    });
    return this.getContact(centreId, id);
  }

  async updateContact(centreId: number, contactId: number, changes: UpdateContactRequest, actor: Actor): Promise<CentreContactView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockCentre(manager, centreId);
      const contact = await this.findContact(manager, centreId, contactId);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of FIELDS) {
        let value = changes[field];
        if (value === undefined) continue;
        if (field === 'email') value = normaliseEmail(value);
        if (value === contact[field]) continue;
        before[field] = contact[field];
        after[field] = value;
      }
      if (Object.keys(after).length === 0) return;
      if (after.email !== undefined) await this.assertEmailFree(manager, centreId, after.email as string, contactId);
      await manager.update(CentreContact, { id: contactId }, after);
      await this.audit.record(actor, { action: 'contact.updated', subjectType: 'centre_contact', subjectId: contactId, centreId, before, after }, manager);
    });
    return this.getContact(centreId, contactId);
  }

  async deleteContact(centreId: number, contactId: number, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockCentre(manager, centreId);
      const contact = await this.findContact(manager, centreId, contactId);
      // accounts linked to the record keep their centre; the link itself goes (ON DELETE SET NULL)
      await manager.delete(CentreContact, { id: contactId });
      await this.audit.record(
        actor,
        {
          action: 'contact.deleted',
          subjectType: 'centre_contact',
          subjectId: contactId,
          centreId,
          before: { firstName: contact.firstName, lastName: contact.lastName, email: contact.email, dateOfBirth: contact.dateOfBirth },
        },
        manager,
      );
    });
  }

  private async lockCentre(manager: EntityManager, centreId: number): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT id FROM centres WHERE id = ? FOR UPDATE', [centreId]);
    if (rows.length === 0) throw centreNotFound(centreId);
  }

  private async findContact(manager: EntityManager, centreId: number, contactId: number): Promise<CentreContact> {
    const contact = await manager.getRepository(CentreContact).findOneBy({ id: contactId, centreId });
    if (!contact) {
      if (!(await manager.getRepository(Centre).existsBy({ id: centreId }))) throw centreNotFound(centreId);
      throw new ApiError('CONTACT_NOT_FOUND', `Centre ${centreId} has no contact record ${contactId}.`);
    }
    return contact;
  }

  private async assertEmailFree(manager: EntityManager, centreId: number, email: string, exceptId?: number): Promise<void> {
    const other = await manager.getRepository(CentreContact).findOneBy({ centreId, email });
    if (other && other.id !== exceptId) {
      throw new ApiError('CONTACT_EMAIL_TAKEN', `This centre already has a contact record with the email ${email} (record ${other.id}).`);
    }
  }
}
