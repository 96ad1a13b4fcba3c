import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, model, OnInit } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@achievement/contracts';
import { revalidateOnChange, serverError } from '@achievement/web';
import { JOIN_PARENT_FORM } from './join-parent-form';

/**
 * A new password and its confirmation, as every form that sets one asks for them (registration,
 * reset, change): the rule as a hint, the errors of `passwordLength` and `sameAs`, the API's own
 * field error, and a Show password button. The controls are the parent form's (validators and
 * all): the fields join its `[formGroup]`, so its submit shows their errors.
 *
 *   <ap-new-password-fields [group]="form" label="New password" />
 */
@Component({
  selector: 'ap-new-password-fields',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  viewProviders: JOIN_PARENT_FORM,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput [type]="shown() ? 'text' : 'password'" [formControlName]="passwordName()" autocomplete="new-password" required />
      @if (toggle()) {
        <button mat-icon-button matSuffix type="button" aria-label="Show password" [attr.aria-pressed]="shown()" (click)="shown.set(!shown())">
          <mat-icon aria-hidden="true" [svgIcon]="shown() ? 'visibility_off' : 'visibility'"></mat-icon>
        </button>
      }
      <mat-hint>{{ min }} to {{ max }} characters. A few unrelated words make a strong password.</mat-hint>
      @let password = group().controls[passwordName()];
      @if (password.hasError('required')) {
        <mat-error>Choose a {{ words() }}</mat-error>
      } @else if (password.hasError('passwordTooShort')) {
        <mat-error>Choose a password of at least {{ min }} characters</mat-error>
      } @else if (password.hasError('passwordTooLong')) {
        <mat-error>Choose a password of at most {{ max }} characters</mat-error>
      } @else if (serverError(password); as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>

    <mat-form-field>
      <mat-label>Confirm {{ words() }}</mat-label>
      <input matInput [type]="shown() ? 'text' : 'password'" [formControlName]="confirmName()" autocomplete="new-password" required />
      @let confirm = group().controls[confirmName()];
      @if (confirm.hasError('required')) {
        <mat-error>Enter the {{ words() }} again</mat-error>
      } @else if (confirm.hasError('mismatch')) {
        <mat-error>The passwords do not match</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFieldsComponent implements OnInit {
  /** The parent's form, which holds the two controls. */
  readonly group = input.required<FormGroup>();
  readonly passwordName = input('password');
  readonly confirmName = input('confirmPassword');
  /** "Password" or "New password": the errors and the confirmation say it the same way. */
  readonly label = input('Password');
  /** Whether the password field has its own Show password button (off where the form has one for all its passwords). */
  readonly toggle = input(true);
  /** Whether the passwords are shown as text. */
  readonly shown = model(false);

  readonly min = PASSWORD_MIN_LENGTH;
  readonly max = PASSWORD_MAX_LENGTH;
  readonly words = computed(() => this.label().toLowerCase());
  readonly serverError = serverError;
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    const { controls } = this.group();
    revalidateOnChange(controls[this.passwordName()], controls[this.confirmName()], this.destroyRef);
  }
}
