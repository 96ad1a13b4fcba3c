import { normalisePostcode, Profile, PROFILE_NOTICE, UpdateProfileRequest } from '@achievement/contracts';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionStore } from '../sessions/session.store';
import { User } from '../user.entity';
import { postcodeFieldError } from '../validation/field-rules';
import { ApiError } from '@achievement/platform';

const EDITABLE = ['firstName', 'lastName', 'phone', 'jobTitle', 'addressLine1', 'addressLine2', 'town', 'postcode', 'country'] as const;
type Editable = (typeof EDITABLE)[number];
const REQUIRED_IN_ADDRESS = ['addressLine1', 'town', 'postcode', 'country'] as const;
const ADDRESS = ['addressLine1', 'addressLine2', 'town', 'postcode', 'country'] as const;

/** The signed-in user's own details. Changes here stay in the portal (the body's other systems are not updated). */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessions: SessionStore,
  ) {}

  async getProfile(userId: number): Promise<Profile> {
    return toProfile(await this.activeUser(userId));
  }

  async updateProfile(userId: number, changes: UpdateProfileRequest, actor: Actor): Promise<Profile> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.activeUser(userId, manager);
      const before: Partial<Record<Editable, string | null>> = {};
      const after: Partial<Record<Editable, string | null>> = {};
      for (const field of EDITABLE) {
        const value = changes[field];
        if (value === undefined || value === user[field]) continue;
        before[field] = user[field];
        after[field] = value;
        (user as unknown as Record<string, unknown>)[field] = value;
      }
      if (changes.postcode !== undefined || changes.country !== undefined) {
        const wrong = postcodeFieldError(user.postcode, user.country);
        if (wrong) throw wrong;
        if (after.postcode !== undefined && user.postcode !== null) after.postcode = user.postcode = normalisePostcode(user.postcode, user.country);
      }
      const hasAddress = ADDRESS.some((f) => user[f] !== null);
      const missing = REQUIRED_IN_ADDRESS.filter((f) => user[f] === null);
      if (hasAddress && missing.length > 0) {
        const fieldErrors = Object.fromEntries(missing.map((f) => [f, [`${f} is needed for an address (or clear every address field)`]]));
        throw new ApiError('ADDRESS_INCOMPLETE', {
          message: `An address needs line 1, town, postcode and country; missing: ${missing.join(', ')}. To remove the address, clear every address field.`,
          fieldErrors,
        });
      }
      if (Object.keys(after).length === 0) return user;
      user.updatedAt = this.clock.now();
      await manager.update(User, { id: user.id }, { ...(after as Partial<User>), updatedAt: user.updatedAt });
      await this.audit.record(
        actor,
        { action: 'user.profile_updated', subjectType: 'user', subjectId: user.id, centreId: user.centreId, before, after },
        manager,
      );
      return user;
    });
    await this.sessions.renameUser(updated.id, updated.fullName);
    return toProfile(updated);
  }

  private async activeUser(userId: number, manager = this.dataSource.manager): Promise<User> {
    const user = await manager.getRepository(User).findOne({ where: { id: userId, status: 'active' }, relations: { centre: true } });
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue.');
    return user;
  }
}

function toProfile(user: User): Profile {
  return {
    email: user.email,
    role: user.role,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    jobTitle: user.jobTitle,
    addressLine1: user.addressLine1,
    addressLine2: user.addressLine2,
    town: user.town,
    postcode: user.postcode,
    country: user.country,
    centre: user.role === 'centre_staff' && user.centre ? { number: user.centre.number, name: user.centre.name } : null,
    notice: PROFILE_NOTICE,
  };
}
