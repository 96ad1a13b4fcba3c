import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, ControlContainer, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { serverError } from '@achievement/web';
import { JOIN_PARENT_FORM } from './join-parent-form';

/**
 * A person's own first and last names, side by side (one above the other on a phone), as
 * registration and the profile ask for them: the controls `firstName` and `lastName` of the
 * enclosing form, with their errors (required, the length of its maxTrimmedLength, the API's own).
 */
@Component({
  selector: 'ap-person-name-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  viewProviders: JOIN_PARENT_FORM,
  template: `
    <div class="row">
      <mat-form-field>
        <mat-label>First name</mat-label>
        <input matInput formControlName="firstName" autocomplete="given-name" required />
        @if (problem('firstName', 'first name'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field>
        <mat-label>Last name</mat-label>
        <input matInput formControlName="lastName" autocomplete="family-name" required />
        @if (problem('lastName', 'last name'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
    </div>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px 16px;
    }
    mat-form-field {
      width: 100%;
    }
    @media (max-width: 599.98px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonNameFieldsComponent {
  private readonly container = inject(ControlContainer, { skipSelf: true });

  /** What to say under the field: that it is missing, too long, or the API's word on it. */
  problem(name: 'firstName' | 'lastName', words: string): string | null {
    const control: AbstractControl | null | undefined = (this.container.control as FormGroup | null)?.get(name);
    if (!control) return null;
    if (control.hasError('required')) return `Enter your ${words}`;
    const tooLong = control.getError('maxlength') as { requiredLength: number } | null;
    if (tooLong) return `Enter a ${words} of at most ${tooLong.requiredLength} characters`;
    return serverError(control);
  }
}
