import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { Actor } from './actor';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  centreId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  details?: Record<string, unknown> | null;
}

const SECRET_KEYS = /password|token|secret|card|cvv|pan|crypt/i;

/**
 * Records who did what, when and from where. Pass the transaction's EntityManager so the audit
 * row commits or rolls back with the change it describes. Never stores passwords, tokens or card data.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const row: Partial<AuditLogEntry> = {
      occurredAt: this.clock.now(),
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId == null ? null : String(event.subjectId),
      centreId: event.centreId ?? null,
      clientIp: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      before: scrub(event.before),
      after: scrub(event.after),
      details: scrub(event.details),
    };
    await manager.insert(AuditLogEntry, row as never);
  }

  /** The trail of one subject, oldest first. */
  async trailOf(subjectType: string, subjectId: string | number): Promise<AuditLogEntry[]> {
    return this.dataSource.getRepository(AuditLogEntry).find({
      where: { subjectType, subjectId: String(subjectId) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }
}

function scrub(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEYS.test(k)) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? scrub(v as Record<string, unknown>) : v;
  }
  return out;
}
