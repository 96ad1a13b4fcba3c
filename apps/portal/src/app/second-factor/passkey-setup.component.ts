import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { FactorAdded } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FactorAction } from './factor-action';
import { SecondFactorService } from './second-factor.service';

/** Registering a passkey or security key under a name the person will recognise. */
@Component({
  selector: 'ap-passkey-setup',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @if (!factors.passkeysSupported) {
      <p>This browser cannot use passkeys. Use an authenticator app, or another browser.</p>
    } @else {
      @if (failure(); as message) {
        <div class="failure" role="alert">{{ message }}</div>
      }
      <form [formGroup]="form" (ngSubmit)="register()" novalidate>
        <mat-form-field>
          <mat-label>Name of the passkey or key</mat-label>
          <input matInput formControlName="name" maxlength="100" autocomplete="off" required />
          <mat-hint>So you can tell them apart, for example “Work laptop” or “Blue key”</mat-hint>
          @if (form.controls.name.invalid) {
            <mat-error>Give it a name of up to 100 characters</mat-error>
          }
        </mat-form-field>
        <div class="actions">
          <button mat-stroked-button type="submit" [disabled]="busy()">Add a passkey or security key</button>
        </div>
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Waiting for the passkey" />
      }
    }
  `,
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasskeySetupComponent {
  readonly factors = inject(SecondFactorService);
  readonly added = output<FactorAdded>();

  private readonly action = new FactorAction();
  readonly busy = this.action.busy;
  readonly failure = this.action.failure;
  readonly form = inject(NonNullableFormBuilder).group({ name: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]] });

  async register(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.action.run(async () => {
      const added = await this.factors.registerPasskey(this.form.controls.name.value.trim());
      this.form.reset();
      this.added.emit(added);
    }, 'The passkey could not be added. Try again.');
  }
}
