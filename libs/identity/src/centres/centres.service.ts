import { CentreDetail, CentreSummary, CreateCentreRequest, DEFAULT_COUNTRY, normalisePostcode, Page, UpdateCentreRequest } from '@achievement/contracts';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Centre } from '../centre.entity';
import { CentreContact } from '../centre-contact.entity';
import { isDuplicateKey } from '../duplicate-key';
import { postcodeFieldError } from '../validation/field-rules';
import { toCentreDetail, toCentreSummary } from './centre-views';
import { ApiError } from '@achievement/platform';

const FIELDS = ['number', 'name', 'centralEmail', 'addressLine1', 'addressLine2', 'town', 'postcode', 'country'] as const;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Centres, as administrators manage them. */
@Injectable()
export class CentresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listCentres(filter: { q?: string; cursor?: string; limit?: number }): Promise<Page<CentreSummary>> {
    const limit = filter.limit ?? 50;
    const qb = this.dataSource
      .getRepository(Centre)
      .createQueryBuilder('c')
      .orderBy('c.number', 'ASC')
      .take(limit + 1);
    if (filter.cursor) qb.andWhere('c.number > :cursor', { cursor: filter.cursor });
    const q = filter.q?.trim();
    if (q) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('c.number LIKE :prefix', { prefix: `${escapeLike(q.replace(/\s+/g, '').toUpperCase())}%` }).orWhere('c.name LIKE :part', {
            part: `%${escapeLike(q)}%`,
          });
        }),
      );
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit).map(toCentreSummary);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].number : null };
  }

  async getCentre(id: number): Promise<CentreDetail> {
    const centre = await this.dataSource.getRepository(Centre).findOneBy({ id });
    if (!centre) throw centreNotFound(id);
    return toCentreDetail(centre, await this.dataSource.getRepository(CentreContact).countBy({ centreId: id }));
  }

  async createCentre(input: CreateCentreRequest, actor: Actor): Promise<CentreDetail> {
    const now = this.clock.now();
    const country = input.country ?? DEFAULT_COUNTRY;
    const wrongPostcode = postcodeFieldError(input.postcode, country);
    if (wrongPostcode) throw wrongPostcode;
    const values = {
      number: input.number,
      name: input.name,
      centralEmail: input.centralEmail.toLowerCase(),
      addressLine1: input.addressLine1,
      addressLine2: input.addressLine2 ?? null,
      town: input.town,
      postcode: normalisePostcode(input.postcode, country),
      country,
      createdAt: now,
      updatedAt: now,
    };
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        await this.assertNumberFree(manager, values.number);
        const result = await manager.insert(Centre, values);
        const centreId = Number(result.identifiers[0].id);
        const { createdAt: _c, updatedAt: _u, ...after } = values;
        await this.audit.record(actor, { action: 'centre.created', subjectType: 'centre', subjectId: centreId, centreId, after }, manager);
        return centreId;
      });
      return this.getCentre(id);
    } catch (err) {
      if (isDuplicateKey(err)) throw numberTaken(values.number);
      throw err;
    }
  }

  async updateCentre(id: number, changes: UpdateCentreRequest, actor: Actor): Promise<CentreDetail> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const centre = await manager.getRepository(Centre).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
        if (!centre) throw centreNotFound(id);
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const field of FIELDS) {
          let value = changes[field];
          if (value === undefined) continue;
          if (field === 'centralEmail' && typeof value === 'string') value = value.toLowerCase();
          const current = centre[field];
          if (value === current) continue;
          before[field] = current;
          after[field] = value;
        }
        if (after.postcode !== undefined || after.country !== undefined) {
          const postcode = (after.postcode as string | undefined) ?? centre.postcode;
          const country = (after.country as string | undefined) ?? centre.country;
          const wrong = postcodeFieldError(postcode, country);
          if (wrong) throw wrong;
          if (after.postcode !== undefined) after.postcode = normalisePostcode(postcode, country);
        }
        if (Object.keys(after).length === 0) return;
        if (after.number !== undefined) await this.assertNumberFree(manager, after.number as string, id);
        await manager.update(Centre, { id }, { ...after, updatedAt: this.clock.now() });
        await this.audit.record(actor, { action: 'centre.updated', subjectType: 'centre', subjectId: id, centreId: id, before, after }, manager);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw numberTaken(String(changes.number));
      throw err;
    }
    return this.getCentre(id);
  }

  private async assertNumberFree(manager: EntityManager, number: string, exceptId?: number): Promise<void> {
    const other = await manager.getRepository(Centre).findOneBy({ number });
    if (other && other.id !== exceptId) throw numberTaken(number);
  }
}

export function centreNotFound(id: number): ApiError {
  return new ApiError('CENTRE_NOT_FOUND', `There is no centre ${id}.`);
}

function numberTaken(number: string): ApiError {
  return new ApiError('CENTRE_NUMBER_TAKEN', `Another centre already has the number ${number}. Centre numbers are unique.`);
}
