import { randInt, Rng } from './prng';

export const SEED_SIZES = ['small', 'large'] as const;
export type SeedSize = (typeof SEED_SIZES)[number];

/** How much data one size makes and how it is shaped. */
export interface SeedSizeSpec {
  size: SeedSize;
  centres: number;
  /** Exactly this many documents (reissued version-2 documents included). */
  documents: number;
  /** The largest centre's share of all documents; the rest fall off like Zipf's law. */
  largestCentreShare: number;
  /** Learners per document: each centre gets round(documents × this) learners, who may hold several documents. */
  learnersPerDocument: number;
  contactsPerCentre: readonly [number, number];
  /** Size of the next job (before it is capped at what is left and at the centre's learner count). */
  jobSize: (rng: Rng) => number;
  maxJobSize: number;
  /** When set, the largest centre's first job has exactly this many documents (a benchmark target). */
  firstJobOfLargestCentre?: number;
  /** Centre sizes in the order of the centres (demo: the first centre is the largest) or shuffled (benchmark). */
  shuffleCentreSizes: boolean;
  revokedRate: number;
  supersededRate: number;
  /** Jobs are issued over this many years before now. */
  years: number;
  /** Which accounts to create: the five demo roles, or the admin plus a centre user of the largest centre. */
  users: 'demo' | 'benchmark';
  /** Rows per multi-row INSERT. */
  rowsPerStatement: number;
}

export const SIZE_SPECS: Record<SeedSize, SeedSizeSpec> = {
  small: {
    size: 'small',
    centres: 6,
    documents: 1000,
    largestCentreShare: 0.32,
    learnersPerDocument: 0.3,
    contactsPerCentre: [2, 4],
    jobSize: (rng) => randInt(rng, 15, 50),
    maxJobSize: 60,
    shuffleCentreSizes: false,
    revokedRate: 0.01,
    supersededRate: 0.01,
    years: 3,
    users: 'demo',
    rowsPerStatement: 2000,
  },
  large: {
    size: 'large',
    centres: 2000,
    documents: 1_000_000,
    largestCentreShare: 0.05,
    learnersPerDocument: 0.4,
    contactsPerCentre: [2, 4],
    jobSize: largeJobSize,
    maxJobSize: 500,
    firstJobOfLargestCentre: 500,
    shuffleCentreSizes: true,
    revokedRate: 0.005,
    supersededRate: 0.005,
    years: 3,
    users: 'benchmark',
    rowsPerStatement: 2000,
  },
};

/** Most jobs are a class or two; a few are a whole college's summer results (1–500 documents). */
function largeJobSize(rng: Rng): number {
  const r = rng();
  if (r < 0.55) return randInt(rng, 1, 30);
  if (r < 0.85) return randInt(rng, 31, 120);
  if (r < 0.97) return randInt(rng, 121, 300);
  return randInt(rng, 301, 500);
}

/** Σ_{i=1..n} i^-s */
function harmonic(n: number, s: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += Math.pow(i, -s);
  return sum;
}

/** The Zipf exponent s at which the first of n parts holds `largestShare` of the whole. */
export function zipfExponentFor(parts: number, largestShare: number): number {
  if (parts < 2) return 0;
  if (!(largestShare > 1 / parts && largestShare < 1)) {
    throw new Error(`The largest of ${parts} parts cannot hold ${largestShare} of the whole`);
  }
  let lo = 0;
  let hi = 8;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    // the first part's share 1/H(n,s) grows with s
    if (1 / harmonic(parts, mid) < largestShare) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Splits `total` into `parts` positive integers that sum to exactly `total`, largest first, sized
 * like Zipf's law (part i ∝ i^-s) with s chosen so the largest holds about `largestShare`.
 * With an rng, parts after the first get ±15% noise so the tail does not look machine-made.
 * Rounding uses the largest-remainder method, so the sum is exact.
 */
export function zipfSplit(total: number, parts: number, largestShare: number, rng?: Rng): number[] {
  if (!Number.isInteger(total) || !Number.isInteger(parts) || parts < 1 || total < parts) {
    throw new Error(`Cannot split ${total} into ${parts} positive parts`);
  }
  if (parts === 1) return [total];
  const s = zipfExponentFor(parts, largestShare);
  const weights = new Array<number>(parts);
  let sum = 0;
  for (let i = 0; i < parts; i++) {
    const noise = rng && i > 0 ? 0.85 + 0.3 * rng() : 1;
    weights[i] = Math.pow(i + 1, -s) * noise;
    sum += weights[i];
  }
  // every part gets at least 1; the rest is shared in proportion to the weights
  const spare = total - parts;
  const out = new Array<number>(parts);
  const remainders: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < parts; i++) {
    const exact = (spare * weights[i]) / sum;
    const whole = Math.floor(exact);
    out[i] = 1 + whole;
    given += whole;
    remainders.push({ i, r: exact - whole });
  }
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < spare - given; k++) out[remainders[k].i]++;
  return out.sort((a, b) => b - a);
}

/**
 * Splits one centre's documents into jobs: sizes drawn from `draw`, each at most `cap`, the last
 * one taking what is left. `first`, when given (and possible), is the size of the first job.
 */
export function splitIntoJobs(rng: Rng, total: number, draw: (rng: Rng) => number, cap: number, first?: number): number[] {
  const sizes: number[] = [];
  let left = total;
  if (first !== undefined && first <= Math.min(cap, left)) {
    sizes.push(first);
    left -= first;
  }
  while (left > 0) {
    const size = Math.min(left, cap, Math.max(1, draw(rng)));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}
