/** The countries offered for a profile address (ISO 3166-1 alpha-2), the United Kingdom first. */
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

export const DEFAULT_COUNTRY = 'GB';

/** The offered countries, plus the one already held when it is not among them. */
export function countryOptions(held: string | null): readonly { code: string; name: string }[] {
  if (!held || ADDRESS_COUNTRIES.some((country) => country.code === held)) {
    return ADDRESS_COUNTRIES;
  }
  return [...ADDRESS_COUNTRIES, { code: held, name: held }];
}
