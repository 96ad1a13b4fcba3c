import { MATCH_FIELDS, MatchField } from '@achievement/contracts';

/** The details a registration and a held contact record are compared on. */
export type MatchDetails = Record<MatchField, string>;

/**
 * Case, accents and spacing do not matter: "  José  O’Neil-Smith " and "jose o'neil smith" are
 * the same name. Letters are decomposed (NFKD) and their combining marks dropped, apostrophes
 * and dashes of every kind count as one, spaces are ignored.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\-']+/g, '');
}

/** Centre numbers are compared without spaces and case: " c 10001" is C10001. */
export function normaliseCentreNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

function normalised(field: MatchField, value: string): string {
  switch (field) {
    case 'email':
      return value.trim().toLowerCase();
    case 'centreNumber':
      return normaliseCentreNumber(value);
    case 'dateOfBirth':
      return value.trim();
    default:
      return normaliseName(value);
  }
}

/** For each field, whether the two differ once normalised. */
export function differences(a: MatchDetails, b: MatchDetails): Record<MatchField, boolean> {
  const out = {} as Record<MatchField, boolean>;
  for (const field of MATCH_FIELDS) out[field] = normalised(field, a[field]) !== normalised(field, b[field]);
  return out;
}

export function matchesExactly(a: MatchDetails, b: MatchDetails): boolean {
  return Object.values(differences(a, b)).every((d) => !d);
}
