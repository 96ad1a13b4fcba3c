import { Page, QualificationSummary } from '@achievement/contracts';
import { Actor, AuditService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VerifiableChanges } from './verifiable-changes';
import { ApiError } from '@achievement/platform';

/** The administrators' settings of Smart Verify: whether a document is shown on its verification page. */
@Injectable()
export class VerifyDisplaySettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: VerifiableChanges,
  ) {}

  /** Qualifications ordered by code, those whose code starts with or whose title contains `q`; the cursor is the last code of the previous page. */
  async listQualifications(q: string | undefined, cursor: string | undefined, limit: number): Promise<Page<QualificationSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const text = q?.trim();
    if (text) {
      const like = text.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push('(code LIKE ? OR title LIKE ?)');
      params.push(`${like}%`, `%${like}%`);
    }
    if (cursor) {
      where.push('code > ?');
      params.push(cursor);
    }
    const rows: {
      id: number;
      code: string;
      title: string;
      display_on_verify: number;
    }[] = await this.dataSource.query(
      `SELECT id, code, title, display_on_verify FROM qualifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code LIMIT ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map((r) => ({
      id: Number(r.id),
      code: r.code,
      title: r.title,
      displayOnVerify: Number(r.display_on_verify) === 1,
    }));
    return {
      items,
      nextCursor: rows.length > limit ? items[items.length - 1].code : null,
    };
  }

  /** The default of a qualification's documents; audited. */
  async setQualificationDisplay(actor: Actor, qualificationId: number, displayOnVerify: boolean): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT display_on_verify FROM qualifications WHERE id = ? FOR UPDATE', [qualificationId]);
      if (!row) throw new ApiError('QUALIFICATION_NOT_FOUND', 'There is no such qualification.');
      await m.query('UPDATE qualifications SET display_on_verify = ? WHERE id = ?', [displayOnVerify ? 1 : 0, qualificationId]);
      await this.audit.record(
        actor,
        {
          action: 'qualification.display_on_verify',
          subjectType: 'qualification',
          subjectId: qualificationId,
          before: { displayOnVerify: Number(row.display_on_verify) === 1 },
          after: { displayOnVerify },
        },
        m,
      );
    });
    await this.changes.announce({ all: true });
  }

  /** A document's own setting (null: follow its qualification); audited. */
  async setDocumentDisplay(actor: Actor, documentId: number, displayOnVerify: boolean | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT centre_id, display_on_verify FROM documents WHERE id = ? FOR UPDATE', [documentId]);
      if (!row) throw new ApiError('DOCUMENT_NOT_FOUND', 'There is no such document.');
      const value = displayOnVerify === null ? null : displayOnVerify ? 1 : 0;
      await m.query('UPDATE documents SET display_on_verify = ? WHERE id = ?', [value, documentId]);
      await this.audit.record(
        actor,
        {
          action: 'document.display_on_verify',
          subjectType: 'document',
          subjectId: documentId,
          centreId: Number(row.centre_id),
          before: {
            displayOnVerify: row.display_on_verify === null ? null : Number(row.display_on_verify) === 1,
          },
          after: { displayOnVerify },
        },
        m,
      );
    });
    await this.changes.announce({ all: true });
  }
}
