import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { AppConfig, dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@achievement/platform';
import { dropTestArtifacts, testConfig } from '@achievement/testing';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createStaffUser, CreateUserError } from '../create-staff-user';
import { DEMO_PASSWORD, SeedError, seedDemoData, SeedSummary } from '../demo-seeder';
import { formatSeedSummary } from '../seed-report';
import { learnerNameWords } from '@achievement/documents';

interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  role: string;
  status: string;
  centre_id: number | null;
  centre_contact_id: number | null;
  learner_id: number | null;
  date_of_birth: string | null;
  email_verified_at: Date | null;
}

describe('demo seeder (small) on a real database', () => {
  let config: AppConfig;
  let ds: DataSource;
  let summary: SeedSummary;

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await ds.query(sql, params))[0] as T;
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number(Object.values(await one(sql, params))[0]);
  const tableCounts = async () => ({
    centres: await count('SELECT COUNT(*) FROM centres'),
    centreContacts: await count('SELECT COUNT(*) FROM centre_contacts'),
    qualifications: await count('SELECT COUNT(*) FROM qualifications'),
    learners: await count('SELECT COUNT(*) FROM learners'),
    jobs: await count('SELECT COUNT(*) FROM jobs'),
    documents: await count('SELECT COUNT(*) FROM documents'),
    users: await count('SELECT COUNT(*) FROM users'),
  });
  const userByEmail = async (email: string) => one<UserRow>('SELECT * FROM users WHERE email = ?', [email]);

  beforeAll(async () => {
    config = testConfig();
    await ensureDatabase(config);
    ds = new DataSource(dataSourceOptions(config, SCHEMA_MIGRATIONS));
    await ds.initialize();
    await runMigrationsLocked(ds);
    summary = await seedDemoData(ds, { size: 'small' });
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (config) await dropTestArtifacts(config);
  });

  it('writes counts in the small ranges and reports them truthfully', async () => {
    const counts = await tableCounts();
    expect(counts.centres).toBe(6);
    expect(counts.centreContacts).toBeGreaterThanOrEqual(12);
    expect(counts.centreContacts).toBeLessThanOrEqual(24);
    expect(counts.qualifications).toBe(25);
    expect(counts.learners).toBeGreaterThanOrEqual(250);
    expect(counts.learners).toBeLessThanOrEqual(350);
    expect(counts.jobs).toBeGreaterThanOrEqual(20);
    expect(counts.jobs).toBeLessThanOrEqual(45);
    expect(counts.documents).toBe(1000);
    expect(counts.users).toBe(5);
    expect(summary.skipped).toBe(false);
    expect(summary.counts).toMatchObject(counts);
    expect(summary.elapsedMs).toBeLessThan(30_000);
    const text = formatSeedSummary(summary);
    expect(text).toContain('centre@achievement.test');
    expect(text).toContain(DEMO_PASSWORD);
  });

  it('creates one active, verified account per role whose password verifies with argon2', async () => {
    const expected: [string, string][] = [
      ['admin@achievement.test', 'administrator'],
      ['support@achievement.test', 'support'],
      ['centre@achievement.test', 'centre_staff'],
      ['learner@achievement.test', 'learner'],
      ['thirdparty@achievement.test', 'third_party'],
    ];
    for (const [email, role] of expected) {
      const user = await userByEmail(email);
      expect(user).toBeDefined();
      expect(user.role).toBe(role);
      expect(user.status).toBe('active');
      expect(user.email_verified_at).not.toBeNull();
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(user.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await argon2.verify(user.password_hash, 'not-the-password')).toBe(false);
      expect(user.centre_id === null).toBe(role !== 'centre_staff');
    }
    expect(summary.signIns.map((s) => [s.email, s.role])).toEqual(expected);
  });

  it('links the centre user to the first demo centre and to a contact with the same details', async () => {
    const user = await userByEmail('centre@achievement.test');
    const centre = await one<{ id: number; number: string; name: string }>('SELECT id, number, name FROM centres ORDER BY id LIMIT 1');
    expect(user.centre_id).toBe(centre.id);
    expect(centre.name).toBe('Northfield College of Engineering');
    expect(centre.number).toMatch(/^C\d{5}$/);
    const contact = await one<{ centre_id: number; first_name: string; last_name: string; email: string; date_of_birth: string }>(
      'SELECT * FROM centre_contacts WHERE id = ?',
      [user.centre_contact_id],
    );
    expect(contact.centre_id).toBe(centre.id);
    expect(contact.first_name).toBe(user.first_name);
    expect(contact.last_name).toBe(user.last_name);
    expect(contact.email).toBe(user.email);
    expect(contact.date_of_birth).toBe(user.date_of_birth);
    expect(summary.signIns.find((s) => s.role === 'centre_staff')?.centre).toBe(`${centre.number} ${centre.name}`);
  });

  it('links the learner user to a learner who holds documents, and keeps non-ASCII names intact', async () => {
    const user = await userByEmail('learner@achievement.test');
    expect(user.learner_id).not.toBeNull();
    const learner = await one<{ first_name: string; last_name: string; email: string; date_of_birth: string; hexFirst: string }>(
      'SELECT first_name, last_name, email, date_of_birth, HEX(first_name) AS hexFirst FROM learners WHERE id = ?',
      [user.learner_id],
    );
    expect(learner.first_name).toBe('Zoë');
    expect(learner.last_name).toBe('Brontë');
    expect(learner.hexFirst).toBe(Buffer.from('Zoë', 'utf8').toString('hex').toUpperCase());
    expect([user.first_name, user.last_name, user.date_of_birth]).toEqual([learner.first_name, learner.last_name, learner.date_of_birth]);
    expect(learner.email).toBe('learner@achievement.test');
    const docs: { learner_name: string }[] = await ds.query('SELECT learner_name FROM documents WHERE learner_id = ?', [user.learner_id]);
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(d.learner_name).toBe('Zoë Brontë');

    // other scripts survive the round trip too (compared in JS: the collation would equate Zoë and Zoe)
    const names: { first_name: string; last_name: string }[] = await ds.query('SELECT first_name, last_name FROM learners');
    const all = names.map((n) => `${n.first_name} ${n.last_name}`);
    const nonAscii = all.filter((n) => /[^\x20-\x7e]/.test(n));
    expect(nonAscii.length / all.length).toBeGreaterThan(0.1);
    expect(all.some((n) => /[\u0370-\u03ff]/.test(n) || /[\u4e00-\u9fff]/.test(n))).toBe(true);
  });

  it('gives the demo learner a connection with the demo third party, and the first centre a credit account', async () => {
    const learner = await userByEmail('learner@achievement.test');
    const thirdParty = await userByEmail('thirdparty@achievement.test');
    const connections: { status: string; third_party_user_id: number; n: number }[] = await ds.query(
      'SELECT c.status, c.third_party_user_id, COUNT(d.document_id) AS n FROM connections c JOIN connection_documents d ON d.connection_id = c.id WHERE c.learner_user_id = ? GROUP BY c.id',
      [learner.id],
    );
    expect(connections.map((c) => ({ ...c, n: Number(c.n) }))).toEqual([{ status: 'active', third_party_user_id: thirdParty.id, n: 1 }]);
    const centreUser = await userByEmail('centre@achievement.test');
    const [account] = await ds.query('SELECT limit_pence, owed_pence, open FROM credit_accounts WHERE centre_id = ?', [centreUser.centre_id]);
    expect({ limit: Number(account.limit_pence), owed: Number(account.owed_pence), open: Number(account.open) }).toEqual({ limit: 50000, owed: 0, open: 1 });
  });

  it("prints each document's learner name from its learner and puts it in its job's centre", async () => {
    expect(await count('SELECT COUNT(*) FROM documents d JOIN jobs j ON j.id = d.job_id WHERE d.centre_id <> j.centre_id')).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) FROM documents d JOIN learners l ON l.id = d.learner_id
         WHERE BINARY d.learner_name <> BINARY CONCAT(l.first_name, ' ', l.last_name)`,
      ),
    ).toBe(0);
    expect(await count('SELECT COUNT(*) FROM documents WHERE file_key IS NOT NULL OR sha256 IS NOT NULL')).toBe(0);
  });

  it('fills the Records name search rows of every document, as issuing does', async () => {
    const docs: { id: number; centre_id: number; learner_name: string }[] = await ds.query('SELECT id, centre_id, learner_name FROM documents ORDER BY id');
    const words: { document_id: number; centre_id: number; word: string }[] = await ds.query('SELECT document_id, centre_id, word FROM record_name_words');
    const byDocument = new Map<number, string[]>();
    for (const w of words) byDocument.set(Number(w.document_id), [...(byDocument.get(Number(w.document_id)) ?? []), `${w.centre_id}:${w.word}`]);
    for (const d of docs) {
      expect((byDocument.get(Number(d.id)) ?? []).sort()).toEqual(
        learnerNameWords(d.learner_name)
          .map((w) => `${d.centre_id}:${w}`)
          .sort(),
      );
    }
  });

  it('gives every document a unique 32-character base64url verification code and a unique number', async () => {
    const codes: { verification_code: string; document_number: string }[] = await ds.query('SELECT verification_code, document_number FROM documents');
    expect(codes).toHaveLength(1000);
    for (const c of codes) {
      expect(c.verification_code).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(c.document_number).toMatch(/^D\d{9}$/);
    }
    expect(new Set(codes.map((c) => c.verification_code)).size).toBe(1000);
    expect(new Set(codes.map((c) => c.document_number)).size).toBe(1000);
  });

  it("counts each job's documents right and marks it issued", async () => {
    const jobs: { number: string; status: string; document_count: number; rendered_count: number; actual: string; issued_at: Date | null }[] = await ds.query(
      'SELECT j.number, j.status, j.document_count, j.rendered_count, j.issued_at, (SELECT COUNT(*) FROM documents d WHERE d.job_id = j.id) AS actual FROM jobs j',
    );
    for (const j of jobs) {
      expect(j.number).toMatch(/^J\d{7}$/);
      expect(j.status).toBe('issued');
      expect(j.document_count).toBe(Number(j.actual));
      expect(j.rendered_count).toBe(j.document_count);
      expect(j.issued_at).not.toBeNull();
    }
    const span = await one<{ first: Date; last: Date }>('SELECT MIN(issued_at) AS first, MAX(issued_at) AS last FROM jobs');
    expect(Date.now() - span.first.getTime()).toBeGreaterThan(365 * 86_400_000);
    expect(span.last.getTime()).toBeLessThan(Date.now());
  });

  it('revokes a few documents and supersedes a few with a version-2 successor', async () => {
    const revoked = await count("SELECT COUNT(*) FROM documents WHERE status = 'revoked'");
    const superseded = await count("SELECT COUNT(*) FROM documents WHERE status = 'superseded'");
    expect(revoked).toBeGreaterThan(0);
    expect(superseded).toBeGreaterThan(0);
    expect(revoked + superseded).toBeLessThan(100);
    expect(await count("SELECT COUNT(*) FROM documents WHERE (status = 'revoked') <> (revoked_at IS NOT NULL)")).toBe(0);
    expect(await count("SELECT COUNT(*) FROM documents WHERE status = 'revoked' AND revoked_at < issued_at")).toBe(0);
    // every superseded original has exactly one valid successor, for the same learner, issued later
    const pairs = await count(
      `SELECT COUNT(*) FROM documents o JOIN documents s ON s.supersedes_id = o.id
       WHERE o.status = 'superseded' AND o.version = 1 AND s.version = 2 AND s.status = 'valid'
         AND s.learner_id = o.learner_id AND s.centre_id = o.centre_id AND s.issued_at > o.issued_at`,
    );
    expect(pairs).toBe(superseded);
    expect(await count('SELECT COUNT(*) FROM documents WHERE supersedes_id IS NOT NULL')).toBe(superseded);
    expect(summary.counts.revokedDocuments).toBe(revoked);
    expect(summary.counts.supersededDocuments).toBe(superseded);
  });

  it('writes believable centres and qualifications', async () => {
    const centres: { id: number; central_email: string; postcode: string }[] = await ds.query('SELECT * FROM centres');
    for (const c of centres) {
      expect(c.central_email).toMatch(/^centres@[a-z0-9-]+\.test$/);
      expect(c.postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
    }
    expect(await ds.query(`SHOW COLUMNS FROM centres LIKE 'credit%'`)).toEqual([]);
    // credit lives in the credit accounts only (what checkout uses): some centres have one, each with a limit of at least £500
    const accounts: { centre_id: number; limit_pence: number; open: number }[] = await ds.query('SELECT centre_id, limit_pence, open FROM credit_accounts');
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(Number(a.limit_pence)).toBeGreaterThanOrEqual(50_000);
    const quals: { code: string; title: string; level: number }[] = await ds.query('SELECT code, title, level FROM qualifications');
    for (const q of quals) {
      expect(q.code).toMatch(/^\d{3}\/\d{4}\/\d$/);
      expect(q.title).toMatch(new RegExp(`^Level ${q.level} `));
    }
    expect(quals.map((q) => q.title)).toContain('Level 3 Diploma in Light Vehicle Maintenance and Repair Principles');
  });

  it('with ifEmpty does nothing once centres exist, and without it refuses to seed twice', async () => {
    const before = await tableCounts();
    const again = await seedDemoData(ds, { size: 'small', ifEmpty: true });
    expect(again.skipped).toBe(true);
    expect(again.reason).toMatch(/6 centres/);
    // a restart of the demo still prints the sign-ins it can use
    expect(again.signIns.map((s) => s.email)).toEqual(
      expect.arrayContaining([
        'admin@achievement.test',
        'support@achievement.test',
        'centre@achievement.test',
        'learner@achievement.test',
        'thirdparty@achievement.test',
      ]),
    );
    expect(await tableCounts()).toEqual(before);
    await expect(seedDemoData(ds, { size: 'small' })).rejects.toThrow(SeedError);
    expect(await tableCounts()).toEqual(before);
  });

  describe('create-user', () => {
    it('creates an active administrator with the given password and an audit row', async () => {
      const created = await createStaffUser(ds, {
        role: 'administrator',
        email: '  Grace.Hopper@Achievement.test ',
        firstName: 'Grace',
        lastName: 'Hopper',
        password: 'a-long-enough-password',
      });
      expect(created.generatedPassword).toBeUndefined();
      const user = await userByEmail('grace.hopper@achievement.test');
      expect(user).toMatchObject({ id: created.id, role: 'administrator', status: 'active', first_name: 'Grace', last_name: 'Hopper' });
      expect(user.email_verified_at).not.toBeNull();
      expect(await argon2.verify(user.password_hash, 'a-long-enough-password')).toBe(true);
      const audit = await one<{ actor_role: string; actor_user_id: number | null; subject_id: string; after_state: unknown }>(
        "SELECT * FROM audit_log WHERE action = 'user.created' AND subject_type = 'user' AND subject_id = ?",
        [String(created.id)],
      );
      expect(audit.actor_role).toBe('system');
      expect(audit.actor_user_id).toBeNull();
      expect(JSON.stringify(audit.after_state)).not.toMatch(/password|argon/i);
    });

    it('generates a strong password when none is given', async () => {
      const created = await createStaffUser(ds, { role: 'support', email: 'ken@achievement.test', firstName: 'Ken', lastName: 'Thompson' });
      expect(created.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const user = await userByEmail('ken@achievement.test');
      expect(await argon2.verify(user.password_hash, created.generatedPassword!)).toBe(true);
    });

    it('refuses a duplicate email, whatever its case', async () => {
      const before = await count('SELECT COUNT(*) FROM users');
      await expect(
        createStaffUser(ds, { role: 'support', email: 'ADMIN@achievement.test', firstName: 'Dup', lastName: 'Licate', password: 'a-long-enough-password' }),
      ).rejects.toThrow(new CreateUserError('An account with the email admin@achievement.test already exists'));
      expect(await count('SELECT COUNT(*) FROM users')).toBe(before);
    });

    it('refuses roles other than administrator and support, and bad input', async () => {
      const before = await count('SELECT COUNT(*) FROM users');
      await expect(createStaffUser(ds, { role: 'learner', email: 'l@achievement.test', firstName: 'L', lastName: 'L' })).rejects.toThrow(
        /administrator or support accounts only, not "learner"/,
      );
      await expect(createStaffUser(ds, { role: 'centre_staff', email: 'c@achievement.test', firstName: 'C', lastName: 'C' })).rejects.toThrow(CreateUserError);
      await expect(createStaffUser(ds, { role: 'support', email: 'not-an-email', firstName: 'N', lastName: 'E' })).rejects.toThrow(/not an email address/);
      await expect(createStaffUser(ds, { role: 'support', email: 's@achievement.test', firstName: 'S', lastName: 'S', password: 'short' })).rejects.toThrow(
        /at least 12/,
      );
      expect(await count('SELECT COUNT(*) FROM users')).toBe(before);
    });
  });
});
