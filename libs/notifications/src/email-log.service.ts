import { EmailStatus } from '@achievement/contracts';
import { Actor, AppConfig, AuditService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, FindOptionsWhere, LessThan } from 'typeorm';
import { EmailDetailDto, EmailPageDto, EmailSummaryDto } from './dto/email-log.response';
import { OutboxEmail } from './outbox-email.entity';
import { OutboxService } from './outbox.service';
import { ApiError } from '@achievement/platform';

/** The administrators' Email log: what the portal sent or captured, newest first. */
@Injectable()
export class EmailLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(filter: { status?: EmailStatus; cursor?: string; limit?: number }): Promise<EmailPageDto> {
    const limit = filter.limit ?? 50;
    const where: FindOptionsWhere<OutboxEmail> = {};
    if (filter.status) where.status = filter.status;
    if (filter.cursor) where.id = LessThan(Number(filter.cursor));
    const rows = await this.dataSource.getRepository(OutboxEmail).find({
      where,
      order: { id: 'DESC' },
      take: limit + 1,
      select: { id: true, to: true, subject: true, template: true, status: true, attempts: true, createdAt: true, sentAt: true, lastError: true },
    });
    const items = rows.slice(0, limit).map(toSummary);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  async get(id: number): Promise<EmailDetailDto> {
    const row = await this.dataSource.getRepository(OutboxEmail).findOneBy({ id });
    if (!row) throw new ApiError('EMAIL_NOT_FOUND', `There is no email ${id} in the Email log.`);
    return { ...toSummary(row), messageId: row.messageId, html: row.html, text: row.text };
  }

  async sendTest(actor: Actor, requestedBy: string, to: string): Promise<number> {
    return this.outbox.transaction(async (manager, outbox) => {
      const id = await outbox.add({
        to,
        template: 'test-message',
        eventKey: `test-message:${randomUUID()}`,
        data: { requestedBy, emailLogUrl: `${this.config.PUBLIC_URL}/admin/emails` },
      });
      await this.audit.record(actor, { action: 'email.test_sent', subjectType: 'email', subjectId: id, details: { to } }, manager);
      return id!;
    });
  }
}

function toSummary(row: OutboxEmail): EmailSummaryDto {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    lastError: row.lastError,
  };
}
