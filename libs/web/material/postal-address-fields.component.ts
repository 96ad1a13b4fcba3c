import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AbstractControl, ControlContainer, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { countryOptions } from '@achievement/contracts';
import { postcodeErrorText, serverError } from '@achievement/web';
import { JOIN_PARENT_FORM } from './join-parent-form';

/** The form's control of each part of the address, where its names differ (a centre's `addressLine1`). */
export interface PostalAddressControlNames {
  name: string;
  line1: string;
  line2: string;
  town: string;
  postcode: string;
  country: string;
}

const DEFAULT_NAMES: PostalAddressControlNames = { name: 'name', line1: 'line1', line2: 'line2', town: 'town', postcode: 'postcode', country: 'country' };

/** Whose address it is, for the browser's autofill: the person's own, an order's billing or shipping one, or someone else's (off). */
export type AddressAutofill = 'own' | 'billing' | 'shipping' | 'off';

/**
 * The fields of a postal address with their errors, as the profile, a centre and checkout ask for
 * them (inside the page's fieldset). The controls are the enclosing form's, or its
 * `formGroupName` group's: put the fields where the controls are. Lengths come from the controls'
 * `maxTrimmedLength`; a line is required where its control says `required` (or `neededForAddress`,
 * an optional address begun).
 *
 *   <div formGroupName="billing"><ap-postal-address-fields withName autofill="billing" /></div>
 *   <ap-postal-address-fields [names]="{ line1: 'addressLine1', line2: 'addressLine2' }" country="code" autofill="off" />
 */
@Component({
  selector: 'ap-postal-address-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  viewProviders: JOIN_PARENT_FORM,
  templateUrl: './postal-address-fields.component.html',
  styles: `
    :host {
      display: block;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 0 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostalAddressFieldsComponent {
  /** The form's control names, where they are not name, line1, line2, town, postcode, country. */
  readonly names = input<Partial<PostalAddressControlNames>>({});
  /** Whether the address starts with a name (an order's addressee). */
  readonly withName = input(false, { transform: (value: boolean | '') => value !== false });
  /** Whether the address must be given (an optional one shows its lines as not required). */
  readonly required = input(true);
  readonly autofill = input<AddressAutofill>('own');
  /** The country as a list of names, or as a two-letter code typed in (any country). */
  readonly country = input<'select' | 'code'>('select');
  /** A country not in the list (held from before) is offered too. */
  readonly extraCountry = input<string | null>(null);

  readonly controlNames = computed<PostalAddressControlNames>(() => ({ ...DEFAULT_NAMES, ...this.names() }));
  readonly countries = computed(() => countryOptions(this.extraCountry()));
  readonly serverError = serverError;
  readonly postcodeErrorText = postcodeErrorText;
  private readonly container = inject(ControlContainer, { skipSelf: true });

  control(name: string): AbstractControl {
    const control = (this.container.control as FormGroup | null)?.get(name);
    if (!control) throw new Error(`ap-postal-address-fields: the form has no control "${name}"`);
    return control;
  }

  /** What to say under a field: that it is missing, too long, not a postcode, or the API's word on it. */
  problem(control: AbstractControl, missing: string): string | null {
    if (missing && (control.hasError('required') || control.hasError('neededForAddress'))) return missing;
    const tooLong = control.getError('maxlength') as { requiredLength: number } | null;
    if (tooLong) return `Enter at most ${tooLong.requiredLength} characters`;
    return postcodeErrorText(control) ?? serverError(control);
  }

  autocomplete(field: string): string {
    const autofill = this.autofill();
    if (autofill === 'off') return 'off';
    return autofill === 'own' ? field : `${autofill} ${field}`;
  }
}
