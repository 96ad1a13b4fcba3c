import { centreNumber, postcode, rqfCode, unitReference } from './codes';
import {
  addressLine1,
  addressLine2,
  ALL_UNIT_TITLES,
  centreNames,
  firstNameIndex,
  FIRST_ASCII,
  lastNameIndex,
  LAST_ASCII,
  qualificationCatalogue,
  randomPerson,
} from './name-pools';
import { mulberry32, randInt, Rng, sample, shuffle } from './prng';
import { SeedSizeSpec, splitIntoJobs, zipfSplit } from './seed-sizes';

/**
 * The shape of the data, decided before a row is written: which centres, how many documents each,
 * which jobs when, which learners. Pure and deterministic for a given size, seed and "now", so it
 * is unit-tested without a database. Row details that need no planning (dates of birth, grades,
 * verification codes…) are drawn while writing.
 */

const DAY = 86_400_000;
const YEAR = 365 * DAY;

export interface PlannedQualification {
  id: number;
  code: string;
  title: string;
  level: number;
  grading: 'pmd' | 'pass';
  units: { code: string; title: string }[];
}

export interface PlannedContact {
  id: number;
  first: number;
  last: number;
  email: string;
  dateOfBirthMs: number;
  jobTitleIndex: number;
}

export interface PlannedCentre {
  id: number;
  number: string;
  name: string;
  domain: string;
  town: string;
  postcode: string;
  line1: string;
  line2: string | null;
  /** whether the centre has a credit account (written to credit_accounts, the one place of credit) and its limit */
  creditAccount: boolean;
  creditLimitPence: number;
  createdMs: number;
  documents: number;
  /** index of its first learner in the learner arrays, and how many it has */
  learnerStart: number;
  learnerCount: number;
  qualifications: number[];
  contacts: PlannedContact[];
}

export interface PlannedJob {
  id: number;
  centre: number;
  size: number;
  qualification: number;
  issuedMs: number;
  createdMs: number;
  awardMs: number;
  /** the job's k-th original document goes to learner centre.learnerStart + (learnerOffset + k) % centre.learnerCount */
  learnerOffset: number;
}

export interface SeedPlan {
  seed: number;
  nowMs: number;
  qualifications: PlannedQualification[];
  centres: PlannedCentre[];
  jobs: PlannedJob[];
  learnerFirst: Uint16Array;
  learnerLast: Uint16Array;
  /** the centre holding the most documents */
  largestCentre: number;
  /** the centre whose first contact becomes the signed-in centre user (demo: the first; benchmark: the largest) */
  userCentre: number;
  /** a learner holding documents, for the learner account (demo size) */
  demoLearner: number;
  firstIds: FirstIds;
}

export interface FirstIds {
  centre: number;
  contact: number;
  learner: number;
  qualification: number;
  job: number;
  document: number;
}

/** A working-hours moment (Mon–Fri, 08:00–17:59 UTC) some day in the last `years` years. */
export function workingMoment(rng: Rng, nowMs: number, years: number): number {
  const daysAgo = randInt(rng, 1, Math.round(years * 365));
  let day = Math.floor((nowMs - daysAgo * DAY) / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day -= DAY;
  if (weekday === 0) day -= 2 * DAY;
  return day + randInt(rng, 8 * 3600, 18 * 3600 - 1) * 1000 + randInt(rng, 0, 999);
}

export function randomDateMs(rng: Rng, fromYear: number, toYear: number): number {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return from + Math.floor(rng() * ((to - from) / DAY + 1)) * DAY;
}

export function buildPlan(spec: SeedSizeSpec, seed: number, nowMs: number, firstIds: FirstIds): SeedPlan {
  const rng = mulberry32(seed);

  // qualifications, each with its own number and unit reference numbers
  const codes = new Set<string>();
  const unitRefs = new Map<string, string>();
  const usedRefs = new Set<string>();
  for (const title of ALL_UNIT_TITLES) {
    let ref: string;
    do ref = unitReference(rng);
    while (usedRefs.has(ref));
    usedRefs.add(ref);
    unitRefs.set(title, ref);
  }
  const qualifications = qualificationCatalogue(rng).map((q, i): PlannedQualification => {
    let code: string;
    do code = rqfCode(rng);
    while (codes.has(code));
    codes.add(code);
    return {
      id: firstIds.qualification + i,
      code,
      title: q.title,
      level: q.level,
      grading: q.grading,
      units: q.units.map((title) => ({ code: unitRefs.get(title)!, title })),
    };
  });

  // centres and their sizes
  const sizes = zipfSplit(spec.documents, spec.centres, spec.largestCentreShare, rng);
  if (spec.shuffleCentreSizes) shuffle(rng, sizes);
  const names = centreNames(rng, spec.centres);
  let learnerStart = 0;
  let contactId = firstIds.contact;
  const allQualifications = qualifications.map((_, i) => i);
  const centres = names.map((n, i): PlannedCentre => {
    const learnerCount = Math.max(1, Math.round(sizes[i] * spec.learnersPerDocument));
    const creditAccount = rng() < 0.3;
    const contactCount = randInt(rng, spec.contactsPerCentre[0], spec.contactsPerCentre[1]);
    const contacts: PlannedContact[] = [];
    for (let k = 0; k < contactCount; k++) {
      const person = randomPerson(rng);
      contacts.push({
        id: contactId++,
        first: person.first,
        last: person.last,
        email: `${FIRST_ASCII[person.first]}.${LAST_ASCII[person.last]}@${n.domain}`,
        dateOfBirthMs: randomDateMs(rng, 1962, 2001),
        jobTitleIndex: k,
      });
    }
    const centre: PlannedCentre = {
      id: firstIds.centre + i,
      number: centreNumber(i),
      name: n.name,
      domain: n.domain,
      town: n.town,
      postcode: postcode(rng, n.area),
      line1: addressLine1(rng),
      line2: addressLine2(rng),
      creditAccount,
      creditLimitPence: creditAccount ? randInt(rng, 10, 100) * 5000 : 0,
      createdMs: nowMs - spec.years * YEAR - randInt(rng, 30, 8 * 365) * DAY,
      documents: sizes[i],
      learnerStart,
      learnerCount,
      qualifications: sample(rng, allQualifications, randInt(rng, 3, 8)).sort((a, b) => a - b),
      contacts,
    };
    learnerStart += learnerCount;
    return centre;
  });
  let largestCentre = 0;
  for (let i = 1; i < centres.length; i++) if (centres[i].documents > centres[largestCentre].documents) largestCentre = i;

  // jobs: each centre's documents in batches, then numbered in the order they were issued
  const jobs: PlannedJob[] = [];
  centres.forEach((c, ci) => {
    const cap = Math.min(spec.maxJobSize, c.learnerCount);
    const first = ci === largestCentre ? spec.firstJobOfLargestCentre : undefined;
    for (const size of splitIntoJobs(rng, c.documents, spec.jobSize, cap, first)) {
      const issuedMs = workingMoment(rng, nowMs, spec.years);
      jobs.push({
        id: 0,
        centre: ci,
        size,
        qualification: c.qualifications[Math.floor(rng() * c.qualifications.length)],
        issuedMs,
        createdMs: issuedMs - randInt(rng, 2, 90) * 60_000 - randInt(rng, 0, 59_999),
        awardMs: Math.floor(issuedMs / DAY) * DAY - randInt(rng, 3, 45) * DAY,
        learnerOffset: randInt(rng, 0, c.learnerCount - 1),
      });
    }
  });
  jobs.sort((a, b) => a.issuedMs - b.issuedMs || a.centre - b.centre);
  jobs.forEach((j, k) => (j.id = firstIds.job + k));

  // learners' names
  const learnerFirst = new Uint16Array(learnerStart);
  const learnerLast = new Uint16Array(learnerStart);
  for (let i = 0; i < learnerStart; i++) {
    const p = randomPerson(rng);
    learnerFirst[i] = p.first;
    learnerLast[i] = p.last;
  }

  // the demo learner account: the first learner of the first centre's earliest job, given a name
  // with diacritics so the demo shows them end to end
  const userCentre = spec.users === 'benchmark' ? largestCentre : 0;
  const firstJob = jobs.find((j) => j.centre === 0)!;
  const demoLearner = centres[0].learnerStart + (firstJob.learnerOffset % centres[0].learnerCount);
  if (spec.users === 'demo') {
    learnerFirst[demoLearner] = firstNameIndex('Zoë');
    learnerLast[demoLearner] = lastNameIndex('Brontë');
  }

  return {
    seed,
    nowMs,
    qualifications,
    centres,
    jobs,
    learnerFirst,
    learnerLast,
    largestCentre,
    userCentre,
    demoLearner,
    firstIds,
  };
}
