import { SeedSummary } from './demo-seeder';

/** The text `cli seed` prints: counts, time taken, the largest centre and the sign-ins. */
export function formatSeedSummary(summary: SeedSummary): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  const c = summary.counts;
  const lines = summary.skipped
    ? [`Seed skipped (--if-empty): ${summary.reason}.`]
    : [
        `Seeded the ${summary.size} data set (seed ${summary.seed}) in ${(summary.elapsedMs / 1000).toFixed(1)} s:`,
        ...table(
          [
            ['centres', n(c.centres)],
            ['centre contacts', n(c.centreContacts)],
            ['qualifications', n(c.qualifications)],
            ['learners', n(c.learners)],
            ['jobs', n(c.jobs)],
            ['documents', `${n(c.documents)} (${n(c.revokedDocuments)} revoked, ${n(c.supersededDocuments)} superseded by a version 2)`],
            ['users', n(c.users)],
          ],
          '  ',
        ),
      ];
  if (summary.largestCentre && !summary.skipped) {
    const l = summary.largestCentre;
    lines.push(`Largest centre: id ${l.id}, ${l.number} ${l.name}, ${n(l.documents)} documents.`);
  }
  if (summary.signIns.length > 0) {
    lines.push('', `Sign-ins (seeded data only: every account shares this password, never seed a production database):`);
    lines.push(...table([['email', 'password', 'role', 'centre'], ...summary.signIns.map((s) => [s.email, s.password, s.role, s.centre ?? '-'])], '  '));
    lines.push(
      'Administrators and support set up a second factor (an authenticator app, or a passkey) at their first sign-in',
      '(SECOND_FACTOR_ROLES; set it to none to try the portal with passwords alone).',
    );
  }
  return lines.join('\n');
}

function table(rows: string[][], indent: string): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => [...r[col]].length)));
  return rows.map((r) => indent + r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]))).join('  '));
}
