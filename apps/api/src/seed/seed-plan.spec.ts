import { parseArgs, UsageError } from '../cli';
import { centreNumber, documentNumber, enrolmentNumber, isRqfCode, jobNumber, postcode, rqfCheckDigit, rqfCode, verificationCodes } from './codes';
import { centreNames, FIRST_NAMES, fullName, LAST_NAMES, randomPerson, transliterate } from './name-pools';
import { mulberry32, randInt } from './prng';
import { buildPlan, workingMoment } from './seed-plan';
import { SIZE_SPECS, splitIntoJobs, zipfExponentFor, zipfSplit } from './seed-sizes';
import { sqlDateTime, sqlInner, sqlString } from './sql';

const FIRST_IDS = { centre: 1, contact: 1, learner: 1, qualification: 1, job: 1, document: 1 };
const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(seqA);
  });

  it('gives floats in [0, 1) spread evenly enough', () => {
    const rng = mulberry32(7);
    const buckets = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng();
      min = Math.min(min, x);
      max = Math.max(max, x);
      buckets[Math.floor(x * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('randInt covers both ends of its range', () => {
    const rng = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randInt(rng, 1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('reference numbers', () => {
  it('makes RQF qualification numbers like 603/7506/5 whose check digit validates', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 500; i++) {
      const code = rqfCode(rng);
      expect(code).toMatch(/^\d{3}\/\d{4}\/\d$/);
      expect(isRqfCode(code)).toBe(true);
    }
  });

  it('computes a weighted mod-11 check digit and rejects a changed digit', () => {
    // 6·8 + 0·7 + 3·6 + 7·5 + 5·4 + 0·3 + 6·2 = 133; 133 mod 11 = 1; check = 10 → not usable
    expect(rqfCheckDigit('6037506')).toBeNull();
    // 6·8 + 0·7 + 1·6 + 2·5 + 9·4 + 7·3 + 7·2 = 135; 135 mod 11 = 3; check = 8
    expect(rqfCheckDigit('6012977')).toBe(8);
    expect(isRqfCode('601/2977/8')).toBe(true);
    expect(isRqfCode('601/2978/8')).toBe(false);
    expect(isRqfCode('601-2977-8')).toBe(false);
  });

  it('gives distinct centre numbers and enrolment numbers for distinct indices', () => {
    const centres = new Set(Array.from({ length: 2000 }, (_, i) => centreNumber(i)));
    expect(centres.size).toBe(2000);
    expect([...centres].filter((c) => !/^C\d{5}$/.test(c))).toEqual([]);
    const enrolments = new Set(Array.from({ length: 400_000 }, (_, i) => enrolmentNumber(i)));
    expect(enrolments.size).toBe(400_000);
    expect(enrolmentNumber(0)).toBe('0002124');
    expect([...enrolments].filter((e) => !/^\d{7}$/.test(e))).toEqual([]);
  });

  it('formats job and document numbers', () => {
    expect(jobNumber(42)).toBe('J0000042');
    expect(documentNumber(1)).toBe('D100000001');
    expect(documentNumber(1_000_000)).toMatch(/^D\d{9}$/);
  });

  it('makes UK-shaped postcodes', () => {
    const rng = mulberry32(5);
    for (const area of ['B', 'LS', 'NE', 'G']) expect(postcode(rng, area)).toMatch(/^[A-Z]{1,2}\d{1,2} \d[ABDEFGHJLNPQRSTUWXYZ]{2}$/);
  });

  it('makes verification codes of 32 base64url characters from random bytes, all different', () => {
    const codes = verificationCodes(5000);
    expect(new Set(codes).size).toBe(5000);
    expect(codes.filter((c) => !/^[A-Za-z0-9_-]{32}$/.test(c))).toEqual([]);
    expect(Buffer.from(codes[0], 'base64url')).toHaveLength(24);
  });
});

describe('zipfSplit', () => {
  it('splits a million documents across 2,000 centres exactly, the largest holding 40,000–60,000', () => {
    const sizes = zipfSplit(1_000_000, 2000, 0.05, mulberry32(2026));
    expect(sizes).toHaveLength(2000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(sizes[0]).toBeGreaterThanOrEqual(40_000);
    expect(sizes[0]).toBeLessThanOrEqual(60_000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    // skewed as in life: many centres hold a few hundred
    const median = sizes.slice().sort((a, b) => a - b)[1000];
    expect(median).toBeGreaterThanOrEqual(100);
    expect(median).toBeLessThan(1000);
    const fewHundred = sizes.filter((s) => s >= 100 && s < 1000).length;
    expect(fewHundred).toBeGreaterThan(1000);
  });

  it('sums exactly for awkward totals and is largest first', () => {
    for (const [total, parts, share] of [
      [1000, 6, 0.32],
      [7, 7, 0.2],
      [999_983, 1999, 0.05],
      [10, 3, 0.5],
    ] as const) {
      const sizes = zipfSplit(total, parts, share, mulberry32(total));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(sizes.every((s) => s >= 1)).toBe(true);
      expect(sizes).toEqual(sizes.slice().sort((a, b) => b - a));
    }
  });

  it('without noise puts the largest share where asked', () => {
    const sizes = zipfSplit(1_000_000, 2000, 0.05);
    expect(Math.abs(sizes[0] - 50_000)).toBeLessThan(250); // 1 per centre is set aside before sharing
    expect(zipfExponentFor(2000, 0.05)).toBeGreaterThan(0.5);
    expect(zipfExponentFor(2000, 0.05)).toBeLessThan(1);
  });

  it('refuses impossible splits', () => {
    expect(() => zipfSplit(5, 10, 0.5)).toThrow();
    expect(() => zipfExponentFor(10, 0.05)).toThrow();
  });
});

describe('splitIntoJobs', () => {
  it('sums exactly, respects the cap and honours a first size', () => {
    const rng = mulberry32(11);
    const sizes = splitIntoJobs(rng, 49_640, SIZE_SPECS.large.jobSize, 500, 500);
    expect(sizes[0]).toBe(500);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(49_640);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(splitIntoJobs(rng, 30, () => 1000, 12)).toEqual([12, 12, 6]);
  });
});

describe('names', () => {
  it('transliterates names for email addresses', () => {
    expect(transliterate('Łukasz')).toBe('lukasz');
    expect(transliterate('Wójcik')).toBe('wojcik');
    expect(transliterate('Zoë')).toBe('zoe');
    expect(transliterate('Ó Briain')).toBe('obriain');
    expect(transliterate("O'Neill")).toBe('oneill');
    expect(transliterate('Núñez')).toBe('nunez');
  });

  it('includes a fair share of non-ASCII names, with gendered family names matched', () => {
    const rng = mulberry32(9);
    let nonAscii = 0;
    const mismatched: string[] = [];
    const polishWomen = ['Agnieszka', 'Małgorzata', 'Zofia', 'Katarzyna', 'Joanna', 'Magdalena', 'Ewa'];
    for (let i = 0; i < 10_000; i++) {
      const p = randomPerson(rng);
      const name = fullName(FIRST_NAMES[p.first], LAST_NAMES[p.last]);
      if (/[^\x20-\x7e]/.test(name)) nonAscii++;
      if (polishWomen.includes(FIRST_NAMES[p.first]) && /ski$/.test(LAST_NAMES[p.last])) mismatched.push(name);
      if (['Σοφία', 'Ελένη', 'Μαρία', 'Αθηνά'].includes(FIRST_NAMES[p.first]) && /ος$/.test(LAST_NAMES[p.last])) mismatched.push(name);
    }
    expect(mismatched).toEqual([]);
    expect(nonAscii / 10_000).toBeGreaterThan(0.12);
    expect(nonAscii / 10_000).toBeLessThan(0.45);
    for (const name of ['Łukasz', 'Zoë', 'Σοφία', '伟', 'Siobhán', 'José']) expect(FIRST_NAMES).toContain(name);
    for (const name of ['Wójcik', 'Brontë', 'Παπαδοπούλου', '王', 'Ó Briain', 'Núñez']) expect(LAST_NAMES).toContain(name);
  });

  it('gives 2,000 distinct centre names, the curated demo centres first', () => {
    const names = centreNames(mulberry32(1), 2000);
    expect(new Set(names.map((n) => n.name)).size).toBe(2000);
    expect(new Set(names.map((n) => n.domain)).size).toBe(2000);
    expect(names[0].name).toBe('Northfield College of Engineering');
    for (const n of names) expect(n.domain).toMatch(/^[a-z0-9-]+\.test$/); // the reserved .test domain: never a real centre
  });
});

describe('SQL literals', () => {
  it('doubles quotes, keeps Unicode and refuses backslashes and control characters', () => {
    expect(sqlString("O'Neill")).toBe("'O''Neill'");
    expect(sqlString('Σοφία')).toBe("'Σοφία'");
    expect(sqlString(null)).toBe('NULL');
    expect(() => sqlInner('a\\b')).toThrow();
    expect(() => sqlInner('a\nb')).toThrow();
    expect(sqlDateTime(Date.UTC(2025, 0, 2, 3, 4, 5, 6))).toBe("'2025-01-02 03:04:05.006'");
  });
});

describe('buildPlan', () => {
  it('is deterministic for a seed and "now"', () => {
    const a = buildPlan(SIZE_SPECS.small, 2026, NOW, FIRST_IDS);
    const b = buildPlan(SIZE_SPECS.small, 2026, NOW, FIRST_IDS);
    expect(b.centres).toEqual(a.centres);
    expect(b.jobs).toEqual(a.jobs);
    expect(b.learnerFirst).toEqual(a.learnerFirst);
    expect(buildPlan(SIZE_SPECS.small, 2027, NOW, FIRST_IDS).jobs).not.toEqual(a.jobs);
  });

  it('plans the small demo: 6 centres, ~300 learners, ~30 jobs, exactly 1,000 documents', () => {
    const plan = buildPlan(SIZE_SPECS.small, 2026, NOW, FIRST_IDS);
    expect(plan.centres).toHaveLength(6);
    expect(plan.centres.reduce((s, c) => s + c.documents, 0)).toBe(1000);
    expect(plan.jobs.reduce((s, j) => s + j.size, 0)).toBe(1000);
    expect(plan.jobs.length).toBeGreaterThanOrEqual(20);
    expect(plan.jobs.length).toBeLessThanOrEqual(45);
    expect(plan.learnerFirst.length).toBeGreaterThanOrEqual(250);
    expect(plan.learnerFirst.length).toBeLessThanOrEqual(350);
    expect(plan.qualifications).toHaveLength(25);
    expect(new Set(plan.qualifications.map((q) => q.code)).size).toBe(25);
    for (const q of plan.qualifications) {
      expect(isRqfCode(q.code)).toBe(true);
      expect(q.level).toBeGreaterThanOrEqual(1);
      expect(q.level).toBeLessThanOrEqual(4);
    }
    // the first demo centre is the largest; jobs are numbered in the order they were issued
    expect(plan.largestCentre).toBe(0);
    for (let i = 1; i < plan.jobs.length; i++) expect(plan.jobs[i].issuedMs).toBeGreaterThanOrEqual(plan.jobs[i - 1].issuedMs);
    for (const j of plan.jobs) {
      expect(j.size).toBeLessThanOrEqual(plan.centres[j.centre].learnerCount); // a job's learners are distinct
      expect(j.issuedMs).toBeLessThan(NOW);
      expect(j.issuedMs).toBeGreaterThan(NOW - 3 * 366 * 86_400_000);
      expect(j.createdMs).toBeLessThan(j.issuedMs);
      expect(j.awardMs).toBeLessThan(j.issuedMs);
      expect(plan.centres[j.centre].qualifications).toContain(j.qualification);
    }
    expect(fullName(FIRST_NAMES[plan.learnerFirst[plan.demoLearner]], LAST_NAMES[plan.learnerLast[plan.demoLearner]])).toBe('Zoë Brontë');
  });

  it('issues jobs on weekdays in working hours', () => {
    const rng = mulberry32(4);
    for (let i = 0; i < 1000; i++) {
      const t = new Date(workingMoment(rng, NOW, 3));
      expect([1, 2, 3, 4, 5]).toContain(t.getUTCDay());
      expect(t.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(t.getUTCHours()).toBeLessThan(18);
    }
  });
});

describe('cli arguments', () => {
  it('reads seed options in both spellings', () => {
    expect(parseArgs(['seed'])).toEqual({ name: 'seed', size: 'small', ifEmpty: false, seed: 2026 });
    expect(parseArgs(['seed', '--size', 'large', '--if-empty'])).toEqual({ name: 'seed', size: 'large', ifEmpty: true, seed: 2026 });
    expect(parseArgs(['seed', '--size=small', '--seed=7'])).toEqual({ name: 'seed', size: 'small', ifEmpty: false, seed: 7 });
  });

  it('reads create-user options', () => {
    expect(parseArgs(['create-user', '--role', 'support', '--email', 'a@b.test', '--first-name', 'Ada', '--last-name', 'Lovelace'])).toEqual({
      name: 'create-user',
      role: 'support',
      email: 'a@b.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
  });

  it('treats no command and help alike, and refuses what it does not know', () => {
    expect(parseArgs([])).toEqual({ name: 'help' });
    expect(parseArgs(['help'])).toEqual({ name: 'help' });
    expect(() => parseArgs(['frobnicate'])).toThrow(UsageError);
    expect(() => parseArgs(['seed', '--size', 'huge'])).toThrow(/small or large/);
    expect(() => parseArgs(['seed', '--size'])).toThrow(/needs a value/);
    expect(() => parseArgs(['seed', '--colour', 'red'])).toThrow(/Unknown option/);
    expect(() => parseArgs(['create-user', '--role', 'support', '--email', 'a@b.test'])).toThrow(/--first-name, --last-name/);
  });
});
