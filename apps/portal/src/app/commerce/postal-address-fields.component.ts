import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { countryOptions } from '@achievement/contracts';
import { ADDRESS_LIMITS, PostalAddressForm } from './postal-address-form';
import { postcodeErrorText, serverError } from '@achievement/web';

/** The fields of a postal address (inside the page's fieldset), with their errors. */
@Component({
  selector: 'ap-postal-address-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    @let f = form();
    <div class="fields" [formGroup]="f">
      <mat-form-field class="wide">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" [attr.autocomplete]="section() + ' name'" required />
        @if (f.controls.name.hasError('required')) {
          <mat-error>Enter the name</mat-error>
        } @else if (f.controls.name.hasError('maxlength')) {
          <mat-error>Enter at most {{ limits.name }} characters</mat-error>
        } @else if (serverError(f.controls.name); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Address line 1</mat-label>
        <input matInput formControlName="line1" [attr.autocomplete]="section() + ' address-line1'" required />
        @if (f.controls.line1.hasError('required')) {
          <mat-error>Enter the first line of the address</mat-error>
        } @else if (f.controls.line1.hasError('maxlength')) {
          <mat-error>Enter at most {{ limits.line }} characters</mat-error>
        } @else if (serverError(f.controls.line1); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Address line 2 (optional)</mat-label>
        <input matInput formControlName="line2" [attr.autocomplete]="section() + ' address-line2'" />
        @if (f.controls.line2.hasError('maxlength')) {
          <mat-error>Enter at most {{ limits.line }} characters</mat-error>
        } @else if (serverError(f.controls.line2); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Town or city</mat-label>
        <input matInput formControlName="town" [attr.autocomplete]="section() + ' address-level2'" required />
        @if (f.controls.town.hasError('required')) {
          <mat-error>Enter the town or city</mat-error>
        } @else if (f.controls.town.hasError('maxlength')) {
          <mat-error>Enter at most {{ limits.town }} characters</mat-error>
        } @else if (serverError(f.controls.town); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Postcode</mat-label>
        <input matInput formControlName="postcode" [attr.autocomplete]="section() + ' postal-code'" required />
        @if (f.controls.postcode.hasError('required')) {
          <mat-error>Enter the postcode</mat-error>
        } @else if (postcodeErrorText(f.controls.postcode); as message) {
          <mat-error>{{ message }}</mat-error>
        } @else if (serverError(f.controls.postcode); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Country</mat-label>
        <mat-select formControlName="country" required>
          @for (country of countries(); track country.code) {
            <mat-option [value]="country.code">{{ country.name }}</mat-option>
          }
        </mat-select>
        @if (f.controls.country.invalid && !serverError(f.controls.country)) {
          <mat-error>Choose the country</mat-error>
        } @else if (serverError(f.controls.country); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
    </div>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 0 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostalAddressFieldsComponent {
  readonly form = input.required<PostalAddressForm>();
  /** The autocomplete section: 'billing' or 'shipping'. */
  readonly section = input.required<'billing' | 'shipping'>();
  /** A country not in the list (from the profile) is offered too. */
  readonly extraCountry = input<string | null>(null);
  readonly serverError = serverError;
  readonly limits = ADDRESS_LIMITS;
  readonly postcodeErrorText = postcodeErrorText;
  readonly countries = computed(() => countryOptions(this.extraCountry()));
}
