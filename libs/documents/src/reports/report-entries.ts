import { ReportEntryKind } from '@achievement/contracts';
import { AuthenticatedUser } from '@achievement/platform';
import { EntityManager } from 'typeorm';

/** Adds a line to a report's history (and touches the report), in the caller's transaction. */
export async function addReportEntry(
  manager: EntityManager,
  reportId: number,
  kind: ReportEntryKind,
  text: string,
  author: AuthenticatedUser | null,
  now: Date,
): Promise<number> {
  const result = await manager.query('INSERT INTO report_entries (report_id, kind, text, author_user_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    reportId,
    kind,
    text,
    author?.id ?? null,
    author?.name ?? null,
    now,
  ]);
  await manager.query('UPDATE document_reports SET updated_at = ? WHERE id = ?', [now, reportId]);
  return Number(result.insertId);
}
