import { AdminUserSummary, Page, Role, UserStatus } from '@achievement/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { escapeLike } from '../centres/centres.service';
import { FactorStore } from '../second-factor/factor-store';
import { User } from '../user.entity';

/** The administrators' list of accounts, newest first. */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly factors: FactorStore,
  ) {}

  async listUsers(filter: { role?: Role; status?: UserStatus; q?: string; cursor?: string; limit?: number }): Promise<Page<AdminUserSummary>> {
    const limit = filter.limit ?? 50;
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.centre', 'c')
      .orderBy('u.id', 'DESC')
      .take(limit + 1);
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    else qb.andWhere("u.status <> 'deleted'");
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.cursor) qb.andWhere('u.id < :cursor', { cursor: Number(filter.cursor) });
    const q = filter.q?.trim();
    if (q) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('u.email LIKE :prefix', { prefix: `${escapeLike(q.toLowerCase())}%` }).orWhere("CONCAT(u.first_name, ' ', u.last_name) LIKE :part", {
            part: `%${escapeLike(q)}%`,
          });
        }),
      );
    }
    const rows = await qb.getMany();
    const withFactor = await this.factors.usersWithFactors(rows.slice(0, limit).map((u) => u.id));
    const items = rows.slice(0, limit).map((u): AdminUserSummary => ({
      id: u.id,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      role: u.role,
      status: u.status,
      centre: u.centre ? { id: u.centre.id, number: u.centre.number, name: u.centre.name } : null,
      createdAt: u.createdAt.toISOString(),
      secondFactor: withFactor.has(u.id),
    }));
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }
}
