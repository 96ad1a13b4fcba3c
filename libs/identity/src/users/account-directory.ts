import { Role, UserStatus } from '@achievement/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseEmail, User } from '../user.entity';

/** What other libs may know of an account. */
export interface Account {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  role: Role;
  status: UserStatus;
  organisation: string | null;
  learnerId: number | null;
  centreId: number | null;
  /** the profile's postal address, when it has one */
  address: { line1: string; line2: string | null; town: string; postcode: string; country: string } | null;
}

/** Read-only look-ups of accounts for other libs (learners and third parties connect to each other by account). */
@Injectable()
export class AccountDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: number): Promise<Account | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    return user ? accountOf(user) : null;
  }

  /** The active account with this address and role, if any. */
  async activeByEmail(email: string, role: Role): Promise<Account | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normaliseEmail(email), role, status: 'active' });
    return user ? accountOf(user) : null;
  }

  /** Saves an address (checkout: "save to my profile") as the profile's address. */
  async saveAddress(userId: number, address: { line1: string; line2?: string | null; town: string; postcode: string; country: string }): Promise<void> {
    await this.dataSource.getRepository(User).update(
      { id: userId },
      {
        addressLine1: address.line1,
        addressLine2: address.line2 ?? null,
        town: address.town,
        postcode: address.postcode,
        country: address.country,
        updatedAt: new Date(),
      },
    );
  }

  /** The active learner account of a learner record, if any. */
  async activeLearner(learnerId: number): Promise<Account | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ learnerId, role: 'learner', status: 'active' });
    return user ? accountOf(user) : null;
  }
}

function accountOf(user: User): Account {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    name: user.fullName,
    role: user.role,
    status: user.status,
    organisation: user.organisation,
    learnerId: user.learnerId,
    centreId: user.centreId,
    address:
      user.addressLine1 && user.town && user.postcode && user.country
        ? { line1: user.addressLine1, line2: user.addressLine2, town: user.town, postcode: user.postcode, country: user.country }
        : null,
  };
}
