import { Role } from '@achievement/contracts';
import { learnerNameWords, nameWordsText } from '@achievement/documents';
import { hashPassword } from '@achievement/identity';
import { DataSource, QueryRunner } from 'typeorm';
import { documentNumber, enrolmentNumber, jobNumber, verificationCodes } from './codes';
import { CONTACT_JOB_TITLES, FIRST_ASCII, FIRST_NAMES, LAST_ASCII, LAST_NAMES } from './name-pools';
import { mulberry32, pick, randInt, Rng } from './prng';
import { buildPlan, FirstIds, PlannedCentre, PlannedJob, randomDateMs, SeedPlan } from './seed-plan';
import { SeedSize, SIZE_SPECS, SeedSizeSpec } from './seed-sizes';
import { BulkWriter, isoDate, sqlDate, sqlDateTime, sqlInner, sqlString } from './sql';

/**
 * Fills an empty database with believable demo data (size "small") or with a million documents
 * across 2,000 centres for benchmarks (size "large"). Rows are written with multi-row INSERTs on
 * one connection, not through entities: the large size loads in about 1–1.5 minutes on two cores.
 */

/** The password of every seeded account. Demo data only: never seed a production database. */
export const DEMO_PASSWORD = 'demo-portal-2026';
export const DEFAULT_SEED = 2026;

export interface SeedOptions {
  size?: SeedSize;
  /** Do nothing when the database already holds centres (the demo start calls the seeder every time). */
  ifEmpty?: boolean;
  seed?: number;
  /** "Now" for the generated dates (default: the current time). */
  now?: Date;
  /** Progress lines (large size). */
  log?: (line: string) => void;
}

export interface DemoSignIn {
  email: string;
  password: string;
  role: Role;
  /** "C12345 Northfield College of Engineering" for centre staff */
  centre: string | null;
}

export interface SeedCounts {
  centres: number;
  centreContacts: number;
  qualifications: number;
  learners: number;
  jobs: number;
  documents: number;
  revokedDocuments: number;
  supersededDocuments: number;
  users: number;
}

export interface SeedSummary {
  skipped: boolean;
  /** why nothing was done (skipped only) */
  reason?: string;
  size: SeedSize;
  seed: number;
  elapsedMs: number;
  counts: SeedCounts;
  largestCentre: { id: number; number: string; name: string; documents: number } | null;
  signIns: DemoSignIn[];
}

/** A refusal the operator can act on (the message says what to do); the CLI prints it without a stack. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

const DAY = 86_400_000;
const LOCK_TIMEOUT_SECONDS = 600;
const EMPTY_COUNTS: SeedCounts = {
  centres: 0,
  centreContacts: 0,
  qualifications: 0,
  learners: 0,
  jobs: 0,
  documents: 0,
  revokedDocuments: 0,
  supersededDocuments: 0,
  users: 0,
};

interface PlannedUser {
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  centre: PlannedCentre | null;
  contactId: number | null;
  learnerId: number | null;
  dateOfBirth: string | null;
  jobTitle: string | null;
}

export async function seedDemoData(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const size = options.size ?? 'small';
  const spec = SIZE_SPECS[size];
  if (!spec) throw new SeedError(`Unknown size "${size}": use small or large`);
  const seed = options.seed ?? DEFAULT_SEED;
  const nowMs = (options.now ?? new Date()).getTime();
  const log = options.log ?? (() => undefined);

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockName = `${dataSource.driver.database}.seed`.slice(0, 64);
  try {
    const [lock] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [lockName, LOCK_TIMEOUT_SECONDS]);
    if (Number(lock.got) !== 1) throw new SeedError(`Another seeder holds the lock "${lockName}"; try again when it has finished`);

    const [state] = await runner.query(
      `SELECT (SELECT COUNT(*) FROM centres) AS centres,
              (SELECT COUNT(*) FROM learners) AS learners,
              (SELECT COUNT(*) FROM qualifications) AS qualifications,
              (SELECT COUNT(*) FROM jobs) AS jobs,
              (SELECT COUNT(*) FROM documents) AS documents`,
    );
    const centresNow = Number(state.centres);
    if (centresNow > 0) {
      if (options.ifEmpty) {
        return {
          ...emptySummary(size, seed, started),
          skipped: true,
          reason: `the database already holds ${centresNow} centres`,
          signIns: await existingDemoSignIns(runner),
        };
      }
      throw new SeedError(
        `The database already holds ${centresNow} centres: the seeder fills an empty database only. ` +
          'Use --if-empty to skip when data exists, or point DB_NAME at a new database.',
      );
    }
    const leftovers = ['learners', 'qualifications', 'jobs', 'documents'].filter((t) => Number(state[t]) > 0);
    if (leftovers.length > 0) {
      throw new SeedError(`The database holds no centres but already has ${leftovers.join(', ')}: seed an empty database (point DB_NAME at a new one).`);
    }

    const firstIds = await nextIds(runner);
    const plan = buildPlan(spec, seed, nowMs, firstIds);
    const users = plannedUsers(spec, plan);
    const emails = users.map((u) => u.email);
    const taken: { email: string }[] = await runner.query(`SELECT email FROM users WHERE email IN (${emails.map(() => '?').join(', ')})`, emails);
    if (taken.length > 0) {
      throw new SeedError(`These accounts already exist: ${taken.map((t) => t.email).join(', ')}. Seed an empty database.`);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD); // once, for every seeded account

    const counts = await writeAll(runner, spec, plan, users, passwordHash, log, started);
    const largest = plan.centres[plan.largestCentre];
    const summary: SeedSummary = {
      skipped: false,
      size,
      seed,
      elapsedMs: Date.now() - started,
      counts,
      largestCentre: { id: largest.id, number: largest.number, name: largest.name, documents: largest.documents },
      signIns: users.map((u) => ({
        email: u.email,
        password: DEMO_PASSWORD,
        role: u.role,
        centre: u.centre ? `${u.centre.number} ${u.centre.name}` : null,
      })),
    };
    await runner.query(
      `INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, details)
       VALUES (?, NULL, 'system', 'seed.completed', 'database', ?, ?)`,
      [new Date(), size, JSON.stringify({ size, seed, counts, largestCentre: summary.largestCentre, elapsedMs: summary.elapsedMs })],
    );
    return summary;
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    await runner.release();
  }
}

/** The demo accounts a database seeded earlier still has, so a restart can print them again. */
async function existingDemoSignIns(runner: QueryRunner): Promise<DemoSignIn[]> {
  const rows: { email: string; role: Role; number: string | null; name: string | null }[] = await runner.query(
    `SELECT u.email, u.role, c.number, c.name FROM users u LEFT JOIN centres c ON c.id = u.centre_id
      WHERE u.email LIKE '%@achievement.test' AND u.status = 'active' ORDER BY u.id`,
  );
  return rows.map((r) => ({ email: r.email, password: DEMO_PASSWORD, role: r.role, centre: r.number ? `${r.number} ${r.name}` : null }));
}

function emptySummary(size: SeedSize, seed: number, started: number): SeedSummary {
  return { skipped: false, size, seed, elapsedMs: Date.now() - started, counts: { ...EMPTY_COUNTS }, largestCentre: null, signIns: [] };
}

/** Ids are given explicitly (the tables are empty, so this is 1 unless rows were deleted), which lets rows point at each other before they exist. */
async function nextIds(runner: QueryRunner): Promise<FirstIds> {
  const [row] = await runner.query(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM centres) + 1 AS centre,
            (SELECT COALESCE(MAX(id), 0) FROM centre_contacts) + 1 AS contact,
            (SELECT COALESCE(MAX(id), 0) FROM learners) + 1 AS learner,
            (SELECT COALESCE(MAX(id), 0) FROM qualifications) + 1 AS qualification,
            (SELECT COALESCE(MAX(id), 0) FROM jobs) + 1 AS job,
            (SELECT COALESCE(MAX(id), 0) FROM documents) + 1 AS document`,
  );
  return {
    centre: Number(row.centre),
    contact: Number(row.contact),
    learner: Number(row.learner),
    qualification: Number(row.qualification),
    job: Number(row.job),
    document: Number(row.document),
  };
}

function plannedUsers(spec: SeedSizeSpec, plan: SeedPlan): PlannedUser[] {
  const centre = plan.centres[plan.userCentre];
  const contact = centre.contacts[0];
  // the centre user's contact record carries the same email, as a registration that matched it would
  contact.email = spec.users === 'demo' ? 'centre@achievement.test' : 'bench@achievement.test';
  const staff: PlannedUser = {
    email: contact.email,
    role: 'centre_staff',
    firstName: FIRST_NAMES[contact.first],
    lastName: LAST_NAMES[contact.last],
    centre,
    contactId: contact.id,
    learnerId: null,
    dateOfBirth: isoDate(contact.dateOfBirthMs),
    jobTitle: CONTACT_JOB_TITLES[contact.jobTitleIndex],
  };
  const plain = (email: string, role: Role, firstName: string, lastName: string, jobTitle: string | null = null): PlannedUser => ({
    email,
    role,
    firstName,
    lastName,
    centre: null,
    contactId: null,
    learnerId: null,
    dateOfBirth: null,
    jobTitle,
  });
  const admin = plain('admin@achievement.test', 'administrator', 'Alex', 'Morgan', 'Centre Services Manager');
  if (spec.users === 'benchmark') return [admin, staff];
  const learner = plan.demoLearner;
  return [
    admin,
    plain('support@achievement.test', 'support', 'Sam', 'Okafor', 'Support Adviser'),
    staff,
    {
      ...plain('learner@achievement.test', 'learner', FIRST_NAMES[plan.learnerFirst[learner]], LAST_NAMES[plan.learnerLast[learner]]),
      learnerId: plan.firstIds.learner + learner,
    },
    plain('thirdparty@achievement.test', 'third_party', 'Priya', 'Nair', 'Recruitment Officer'),
  ];
}

/** Emails for the learners who gave one (most do); the demo learner's matches the learner account. */
const LEARNER_MAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

async function writeAll(
  runner: QueryRunner,
  spec: SeedSizeSpec,
  plan: SeedPlan,
  users: PlannedUser[],
  passwordHash: string,
  log: (line: string) => void,
  started: number,
): Promise<SeedCounts> {
  const q = (sql: string) => runner.query(sql) as Promise<unknown>;
  const rows = spec.rowsPerStatement;
  // Large: one transaction per table, so InnoDB's bulk load into an empty table applies (indexes
  // built by sorting at commit; needs unique_checks=0 and foreign_key_checks=0). Small: one
  // transaction for everything, so a failed demo seed leaves nothing behind.
  const perTable = spec.size === 'large';
  const table = async (name: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    if (perTable) await q('START TRANSACTION');
    await fn();
    if (perTable) await q('COMMIT');
    if (perTable) log(`  ${name} written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await q('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  try {
    if (!perTable) await q('START TRANSACTION');
    const counts: SeedCounts = { ...EMPTY_COUNTS };

    await table('qualifications', async () => {
      const w = new BulkWriter(q, 'qualifications', ['id', 'code', 'title', 'level', 'display_on_verify'], rows);
      for (const qn of plan.qualifications) await w.add(`(${qn.id},'${qn.code}',${sqlString(qn.title)},${qn.level},1)`);
      await w.finish();
      counts.qualifications = w.rowsWritten;
    });

    await table('centres', async () => {
      const w = new BulkWriter(
        q,
        'centres',
        ['id', 'number', 'name', 'central_email', 'address_line1', 'address_line2', 'town', 'postcode', 'country', 'created_at', 'updated_at'],
        rows,
      );
      for (const c of plan.centres) {
        const p = w.add(
          `(${c.id},'${c.number}',${sqlString(c.name)},${sqlString(`centres@${c.domain}`)},${sqlString(c.line1)},${sqlString(c.line2)},` +
            `${sqlString(c.town)},'${c.postcode}','GB',${sqlDateTime(c.createdMs)},${sqlDateTime(c.createdMs)})`,
        );
        if (p) await p;
      }
      await w.finish();
      counts.centres = w.rowsWritten;
    });

    // a centre's credit (its limit, open or not) lives only in its credit account, which checkout uses
    await table('credit_accounts', async () => {
      const w = new BulkWriter(q, 'credit_accounts', ['centre_id', 'limit_pence', 'owed_pence', 'open'], rows);
      for (const c of plan.centres) {
        if (!c.creditAccount) continue;
        const p = w.add(`(${c.id},${c.creditLimitPence},0,1)`);
        if (p) await p;
      }
      await w.finish();
    });

    await table('centre_contacts', async () => {
      const w = new BulkWriter(q, 'centre_contacts', ['id', 'centre_id', 'first_name', 'last_name', 'email', 'date_of_birth', 'created_at'], rows);
      for (const c of plan.centres) {
        for (const k of c.contacts) {
          const p = w.add(
            `(${k.id},${c.id},${sqlString(FIRST_NAMES[k.first])},${sqlString(LAST_NAMES[k.last])},${sqlString(k.email)},${sqlDate(k.dateOfBirthMs)},${sqlDateTime(c.createdMs)})`,
          );
          if (p) await p;
        }
      }
      await w.finish();
      counts.centreContacts = w.rowsWritten;
    });

    await table('learners', async () => {
      const written = await writeLearners(q, spec, plan, mulberry32(plan.seed ^ 0x5bd1e995));
      counts.learners = written.count;
      for (const u of users) if (u.role === 'learner') u.dateOfBirth = written.demoLearnerDateOfBirth;
    });

    let adminId = 0;
    const userIds = new Map<Role, number>();
    await table('users', async () => {
      const verified = new Date(plan.nowMs);
      for (const u of users) {
        const result = await runner.query(
          `INSERT INTO users (email, password_hash, first_name, last_name, role, status, centre_id, centre_contact_id, learner_id,
                              date_of_birth, job_title, email_verified_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            u.email,
            passwordHash,
            u.firstName,
            u.lastName,
            u.role,
            u.centre?.id ?? null,
            u.contactId,
            u.learnerId,
            u.dateOfBirth,
            u.jobTitle,
            verified,
            verified,
            verified,
          ],
        );
        if (u.role === 'administrator') adminId = Number(result.insertId);
        if (!userIds.has(u.role)) userIds.set(u.role, Number(result.insertId));
      }
      counts.users = users.length;
    });

    await table('jobs', async () => {
      const w = new BulkWriter(
        q,
        'jobs',
        ['id', 'number', 'centre_id', 'status', 'document_count', 'rendered_count', 'created_by_user_id', 'created_at', 'issued_at'],
        rows,
      );
      for (const j of plan.jobs) {
        const p = w.add(
          `(${j.id},'${jobNumber(j.id)}',${plan.centres[j.centre].id},'issued',${j.size},${j.size},${adminId || 'NULL'},${sqlDateTime(j.createdMs)},${sqlDateTime(j.issuedMs)})`,
        );
        if (p) await p;
      }
      await w.finish();
      counts.jobs = w.rowsWritten;
    });

    await table('documents', async () => {
      const d = await writeDocuments(q, spec, plan, rows, log, started);
      counts.documents = d.written;
      counts.revokedDocuments = d.revoked;
      counts.supersededDocuments = d.superseded;
    });

    if (spec.users === 'demo') await writeDemoSharingAndCredit(runner, plan, userIds);

    if (!perTable) await q('COMMIT');
    return counts;
  } catch (err) {
    await q('ROLLBACK').catch(() => undefined);
    if (perTable) {
      throw new SeedError(
        `The large seed failed part-way (${(err as Error).message}); tables written before the failure are kept: drop this database and seed a new one.`,
      );
    }
    throw err;
  } finally {
    await q('SET SESSION unique_checks = 1, foreign_key_checks = 1').catch(() => undefined);
  }
}

/**
 * The demo's learner has shared their newest valid document with the demo third party for a
 * month, and the first demo centre has a credit account (£500), so every area has something to show.
 */
async function writeDemoSharingAndCredit(runner: QueryRunner, plan: SeedPlan, userIds: Map<Role, number>): Promise<void> {
  const now = new Date(plan.nowMs);
  await runner.query(
    'INSERT INTO credit_accounts (centre_id, limit_pence, owed_pence, open) VALUES (?, 50000, 0, 1) ON DUPLICATE KEY UPDATE limit_pence = 50000, open = 1',
    [plan.centres[0].id],
  );
  const learnerUser = userIds.get('learner');
  const thirdParty = userIds.get('third_party');
  if (!learnerUser || !thirdParty) return;
  const learnerId = plan.firstIds.learner + plan.demoLearner;
  const [doc] = await runner.query(`SELECT id FROM documents WHERE learner_id = ? AND status = 'valid' ORDER BY issued_at DESC, id DESC LIMIT 1`, [learnerId]);
  if (!doc) return;
  const [party] = await runner.query('SELECT email, first_name, last_name FROM users WHERE id = ?', [thirdParty]);
  const result = await runner.query(
    `INSERT INTO connections (learner_id, learner_user_id, origin, status, third_party_name, third_party_email, third_party_user_id, access_ends_at, created_at, decided_at)
     VALUES (?, ?, 'learner', 'active', ?, ?, ?, ?, ?, ?)`,
    [learnerId, learnerUser, `${party.first_name} ${party.last_name}`, party.email, thirdParty, new Date(plan.nowMs + 30 * 86_400_000), now, now],
  );
  await runner.query('INSERT INTO connection_documents (connection_id, document_id) VALUES (?, ?)', [result.insertId, doc.id]);
}

async function writeLearners(
  q: (sql: string) => Promise<unknown>,
  spec: SeedSizeSpec,
  plan: SeedPlan,
  rng: Rng,
): Promise<{ count: number; demoLearnerDateOfBirth: string | null }> {
  const w = new BulkWriter(q, 'learners', ['id', 'enrolment_number', 'first_name', 'last_name', 'date_of_birth', 'email', 'created_at'], spec.rowsPerStatement);
  const demoLearner = spec.users === 'demo' ? plan.demoLearner : -1;
  const firstSql = FIRST_NAMES.map((n) => `'${sqlInner(n)}'`);
  const lastSql = LAST_NAMES.map((n) => `'${sqlInner(n)}'`);
  const total = plan.learnerFirst.length;
  const enrolledBefore = plan.nowMs - spec.years * 365 * DAY;
  let demoLearnerDateOfBirth: string | null = null;
  for (let i = 0; i < total; i++) {
    const f = plan.learnerFirst[i];
    const l = plan.learnerLast[i];
    const dob = rng() < 0.75 ? randomDateMs(rng, 1995, 2008) : randomDateMs(rng, 1960, 1994);
    let email = 'NULL';
    if (i === demoLearner) {
      email = `'learner@achievement.test'`;
      demoLearnerDateOfBirth = isoDate(dob);
    } else if (rng() < 0.85) email = `'${FIRST_ASCII[f]}.${LAST_ASCII[l]}${randInt(rng, 1, 99)}@${pick(rng, LEARNER_MAIL_DOMAINS)}'`;
    const created = enrolledBefore - randInt(rng, 30, 400) * DAY - randInt(rng, 0, DAY - 1);
    const p = w.add(`(${plan.firstIds.learner + i},'${enrolmentNumber(i)}',${firstSql[f]},${lastSql[l]},${sqlDate(dob)},${email},${sqlDateTime(created)})`);
    if (p) await p;
  }
  await w.finish();
  return { count: w.rowsWritten, demoLearnerDateOfBirth };
}

const DOCUMENT_COLUMNS = [
  'id',
  'job_id',
  'centre_id',
  'learner_id',
  'qualification_id',
  'type',
  'document_number',
  'verification_code',
  'status',
  'version',
  'supersedes_id',
  'learner_name',
  'learner_last_name',
  'grade',
  'award_date',
  'units',
  'issued_at',
  'revoked_at',
  // file_key and sha256 stay NULL: the PDFs are rendered by a later feature (the job renderer),
  // which stores each file and its hash.
];

type DocType = 'certificate' | 'unit_certificate' | 'record_of_achievement';

interface Successor {
  supersedes: number;
  learner: number;
  type: DocType;
  grade: string;
  units: string;
}

async function writeDocuments(
  q: (sql: string) => Promise<unknown>,
  spec: SeedSizeSpec,
  plan: SeedPlan,
  rows: number,
  log: (line: string) => void,
  started: number,
): Promise<{ written: number; revoked: number; superseded: number }> {
  const rng = mulberry32(plan.seed ^ 0x27d4eb2d);
  const w = new BulkWriter(q, 'documents', DOCUMENT_COLUMNS, rows);
  // the Records name search rows (record_name_words), written alongside: the words of each
  // distinct first + last name pair are worked out once
  const nw = new BulkWriter(q, 'record_name_words', ['centre_id', 'word', 'document_id', 'name_words'], rows);
  const pairWords = new Map<number, { words: string[]; all: string }>();
  const nameWords = (centreId: number, learner: number, documentId: number): Promise<void> | undefined => {
    const f = plan.learnerFirst[learner];
    const l = plan.learnerLast[learner];
    const key = f * 100_000 + l;
    let entry = pairWords.get(key);
    if (!entry) {
      const list = learnerNameWords(`${FIRST_NAMES[f]} ${LAST_NAMES[l]}`);
      entry = { words: list.map((word) => `'${sqlInner(word)}'`), all: `'${sqlInner(nameWordsText(list))}'` };
      pairWords.set(key, entry);
    }
    let sent: Promise<void> | undefined;
    for (const word of entry.words) sent = nw.add(`(${centreId},${word},${documentId},${entry.all})`) ?? sent;
    return sent;
  };
  // names and units as ready-made SQL text: the loop below runs a million times
  const firstSql = FIRST_NAMES.map(sqlInner);
  const lastSql = LAST_NAMES.map(sqlInner);
  const unitsSql = plan.qualifications.map((qn) => ({
    one: qn.units.map((u) => `'${sqlInner(JSON.stringify([u]))}'`),
    upTo: qn.units.map((_, k) => `'${sqlInner(JSON.stringify(qn.units.slice(0, k + 1)))}'`),
  }));
  const nowMs = plan.nowMs;
  let id = plan.firstIds.document;
  let revoked = 0;
  let superseded = 0;
  let nextReport = 100_000;

  const row = (
    job: PlannedJob,
    centre: PlannedCentre,
    learner: number,
    type: DocType,
    code: string,
    status: string,
    version: number,
    supersedes: number | null,
    grade: string,
    units: string,
    issuedMs: number,
    revokedAt: string,
  ) =>
    `(${id},${job.id},${centre.id},${plan.firstIds.learner + learner},${plan.qualifications[job.qualification].id},'${type}',` +
    `'${documentNumber(id)}','${code}','${status}',${version},${supersedes ?? 'NULL'},` +
    `'${firstSql[plan.learnerFirst[learner]]} ${lastSql[plan.learnerLast[learner]]}','${lastSql[plan.learnerLast[learner]]}',${grade},'${isoDate(job.awardMs)}',${units},` +
    `${sqlDateTime(issuedMs)},${revokedAt})`;

  for (const job of plan.jobs) {
    const centre = plan.centres[job.centre];
    const qn = plan.qualifications[job.qualification];
    const units = unitsSql[job.qualification];
    const n = job.size;
    // some originals are reissued as version 2 in the same job; both count in the job's documents
    let reissues = 0;
    for (let i = 0; i < n; i++) if (rng() < spec.supersededRate && 2 * (reissues + 1) <= n) reissues++;
    const originals = n - reissues;
    const toSupersede = new Set<number>();
    while (toSupersede.size < reissues) toSupersede.add(Math.floor(rng() * originals));
    const codes = verificationCodes(n);
    const successors: Successor[] = [];

    for (let k = 0; k < originals; k++) {
      const learner = centre.learnerStart + ((job.learnerOffset + k) % centre.learnerCount);
      const r = rng();
      const type: DocType = r < 0.76 ? 'certificate' : r < 0.88 ? 'unit_certificate' : 'record_of_achievement';
      let grade = 'NULL';
      let unitJson = 'NULL';
      if (type === 'certificate') {
        if (qn.grading === 'pass') grade = `'Pass'`;
        else {
          const g = rng();
          grade = g < 0.5 ? `'Pass'` : g < 0.82 ? `'Merit'` : `'Distinction'`;
        }
      } else if (type === 'unit_certificate') {
        unitJson = units.one[Math.floor(rng() * units.one.length)];
      } else {
        unitJson = units.upTo[Math.floor(rng() * units.upTo.length)];
      }
      let status = 'valid';
      let revokedAt = 'NULL';
      if (toSupersede.has(k)) {
        status = 'superseded';
        superseded++;
        successors.push({ supersedes: id, learner, type, grade, units: unitJson });
      } else if (rng() < spec.revokedRate) {
        status = 'revoked';
        revoked++;
        revokedAt = sqlDateTime(Math.min(nowMs - 3_600_000, job.issuedMs + randInt(rng, 1, 200) * DAY + randInt(rng, 0, DAY - 1)));
      }
      const p = w.add(row(job, centre, learner, type, codes[k], status, 1, null, grade, unitJson, job.issuedMs, revokedAt));
      const pw = nameWords(centre.id, learner, id);
      id++;
      if (p) await p;
      if (pw) await pw;
    }
    for (let s = 0; s < successors.length; s++) {
      const o = successors[s];
      const issued = Math.min(nowMs - 3_600_000, job.issuedMs + randInt(rng, 3, 60) * DAY + randInt(rng, 0, DAY - 1));
      const p = w.add(row(job, centre, o.learner, o.type, codes[originals + s], 'valid', 2, o.supersedes, o.grade, o.units, issued, 'NULL'));
      const pw = nameWords(centre.id, o.learner, id);
      id++;
      if (p) await p;
      if (pw) await pw;
    }
    if (w.rowsWritten >= nextReport) {
      log(
        `  documents: ${w.rowsWritten.toLocaleString('en-GB')} / ${spec.documents.toLocaleString('en-GB')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      nextReport += 100_000;
    }
  }
  await w.finish();
  await nw.finish();
  return { written: w.rowsWritten, revoked, superseded };
}
