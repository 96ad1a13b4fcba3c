import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { PostalAddress } from '@achievement/contracts';
import { maxTrimmedLength, postcode, requiredText } from '../forms/field-rules';

/** The countries offered first; another is kept when the profile has it. ISO 3166-1 alpha-2. */
export const COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'GB', name: 'United Kingdom' },
  { code: 'IE', name: 'Ireland' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'ES', name: 'Spain' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'US', name: 'United States' },
];
export const DEFAULT_COUNTRY = 'GB';

/** The API's limits of an order's address (libs/commerce PostalAddressDto). */
export const ADDRESS_LIMITS = {
  name: 100,
  line: 100,
  town: 60,
  postcode: 12,
} as const;

export type PostalAddressForm = FormGroup<{
  name: FormControl<string>;
  line1: FormControl<string>;
  line2: FormControl<string>;
  town: FormControl<string>;
  postcode: FormControl<string>;
  country: FormControl<string>;
}>;

/** An address form with the API's rules: name, line 1, town, postcode and country required. */
export function postalAddressForm(): PostalAddressForm {
  const text = (validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
  return new FormGroup({
    name: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.name)]),
    line1: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.line)]),
    line2: text([maxTrimmedLength(ADDRESS_LIMITS.line)]),
    town: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.town)]),
    postcode: text([requiredText, postcode, maxTrimmedLength(ADDRESS_LIMITS.postcode)]),
    country: new FormControl(DEFAULT_COUNTRY, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Z]{2}$/)],
    }),
  });
}

export function fillPostalAddress(form: PostalAddressForm, address: PostalAddress): void {
  form.setValue({
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? '',
    town: address.town,
    postcode: address.postcode,
    country: address.country || DEFAULT_COUNTRY,
  });
  form.markAsDirty();
}

/** The form's value as the API takes it (trimmed; an empty line 2 is null). */
export function postalAddressOf(form: PostalAddressForm): PostalAddress {
  const value = form.getRawValue();
  return {
    name: value.name.trim(),
    line1: value.line1.trim(),
    line2: value.line2.trim() || null,
    town: value.town.trim(),
    postcode: value.postcode.trim().toUpperCase(),
    country: value.country,
  };
}
