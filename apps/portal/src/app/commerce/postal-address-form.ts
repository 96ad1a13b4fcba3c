import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { DEFAULT_COUNTRY, normalisePostcode, PostalAddress } from '@achievement/contracts';
import { maxTrimmedLength, postcodeFor, recheckPostcodeOnCountry, requiredText } from '@achievement/web';

/** The API's limits of an order's address (libs/commerce PostalAddressDto). */
export const ADDRESS_LIMITS = {
  name: 100,
  line: 100,
  town: 60,
} as const;

export type PostalAddressForm = FormGroup<{
  name: FormControl<string>;
  line1: FormControl<string>;
  line2: FormControl<string>;
  town: FormControl<string>;
  postcode: FormControl<string>;
  country: FormControl<string>;
}>;

/** An address form with the API's rules: name, line 1, town, postcode and country required; the postcode fits the country. */
export function postalAddressForm(): PostalAddressForm {
  const text = (validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
  const form = new FormGroup({
    name: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.name)]),
    line1: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.line)]),
    line2: text([maxTrimmedLength(ADDRESS_LIMITS.line)]),
    town: text([requiredText, maxTrimmedLength(ADDRESS_LIMITS.town)]),
    postcode: text([requiredText, postcodeFor()]),
    country: new FormControl(DEFAULT_COUNTRY, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Z]{2}$/)],
    }),
  });
  recheckPostcodeOnCountry(form);
  return form;
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
    postcode: normalisePostcode(value.postcode, value.country),
    country: value.country,
  };
}
