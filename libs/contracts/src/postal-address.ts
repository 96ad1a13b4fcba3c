import type { DeliveryMethod } from './commerce';

/*
 * The one postcode rule of the portal: the profile, checkout and the centres' addresses check a
 * postcode with it, in the browser and again on the server. A UK address (Great Britain, Northern
 * Ireland and the Crown Dependencies, which use UK postcodes and inland post) needs a UK postcode;
 * any other country takes the looser shape below. An address outside the UK is delivered only by
 * international delivery, and international delivery goes only outside the UK.
 */

/** ISO 3166-1 alpha-2 codes whose addresses have UK postcodes and inland delivery. */
export const UK_POSTAL_COUNTRIES: readonly string[] = ['GB', 'IM', 'JE', 'GG'];

/** The longest postcode the card gateway takes (Opayo's BillingPostCode / DeliveryPostCode). */
export const POSTCODE_MAX_LENGTH = 10;

export const DEFAULT_COUNTRY = 'GB';

/** The countries offered for an address, the United Kingdom first. */
export const ADDRESS_COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'GB', name: 'United Kingdom' },
  { code: 'IE', name: 'Ireland' },
  { code: 'IM', name: 'Isle of Man' },
  { code: 'JE', name: 'Jersey' },
  { code: 'GG', name: 'Guernsey' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'ES', name: 'Spain' },
  { code: 'US', name: 'United States' },
];

/** The offered countries, plus the one already held when it is not among them. */
export function countryOptions(held: string | null | undefined): readonly { code: string; name: string }[] {
  if (!held || ADDRESS_COUNTRIES.some((country) => country.code === held)) return ADDRESS_COUNTRIES;
  return [...ADDRESS_COUNTRIES, { code: held, name: held }];
}

export function isUkPostalCountry(country: string | null | undefined): boolean {
  return UK_POSTAL_COUNTRIES.includes((country ?? DEFAULT_COUNTRY).trim().toUpperCase());
}

/** The outward code (area, district) and the inward code (sector digit, unit letters); GIR 0AA is Girobank's. */
const UK_POSTCODE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}|GIR 0AA)$/;
const OTHER_POSTCODE = /^[A-Z0-9](?:[A-Z0-9 -]*[A-Z0-9])?$/;

/**
 * A postcode as it is stored: trimmed, upper case, single spaces; a UK one with its one space
 * before the last three characters ("sw1a1aa" → "SW1A 1AA").
 */
export function normalisePostcode(value: string, country: string | null | undefined): string {
  const text = value.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!isUkPostalCountry(country)) return text;
  const compact = text.replace(/ /g, '');
  return compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : text;
}

export type PostcodeProblem = 'ukPostcode' | 'postcode';

/** What is wrong with a postcode for an address in this country, or null when it is fine. Empty is left to "required". */
export function postcodeProblem(value: string, country: string | null | undefined): PostcodeProblem | null {
  const postcode = normalisePostcode(value, country);
  if (postcode === '') return null;
  if (isUkPostalCountry(country)) return UK_POSTCODE.test(postcode) ? null : 'ukPostcode';
  return postcode.length >= 2 && postcode.length <= POSTCODE_MAX_LENGTH && OTHER_POSTCODE.test(postcode) ? null : 'postcode';
}

/** What the postcode must be, to follow "Enter …" in a form or "postcode must be …" in an API answer. */
export const POSTCODE_REQUIREMENTS: Record<PostcodeProblem, string> = {
  ukPostcode: 'a UK postcode, such as SW1A 1AA',
  postcode: `a postcode of 2 to ${POSTCODE_MAX_LENGTH} letters, digits, spaces or dashes`,
};

/** Why this delivery method cannot take an address in this country, or null when it can. */
export function deliveryProblem(method: DeliveryMethod, country: string | null | undefined): string | null {
  const uk = isUkPostalCountry(country);
  if (method === 'international' && uk) return 'International delivery is for addresses outside the UK: choose UK delivery.';
  if (method !== 'international' && !uk) return 'This address is outside the UK: choose international delivery.';
  return null;
}
