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
  };
}
