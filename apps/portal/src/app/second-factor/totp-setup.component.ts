import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FactorAdded, TotpEnrolmentStart } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FactorAction } from './factor-action';
import { SecondFactorService } from './second-factor.service';

const SET_UP_FAILED = 'The authenticator app could not be set up. Try again.';

/** Setting up an authenticator app: a QR code (or the key to type), then the app's first code. */
@Component({
  selector: 'ap-totp-setup',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @if (failure(); as message) {
      <div class="failure" role="alert">{{ message }}</div>
    }
    @if (started(); as setUp) {
      <ol>
        <li>In your authenticator app (for example Microsoft Authenticator, Google Authenticator or 1Password), add an account and scan this QR code.</li>
        <li>
          Or type this key instead: <span class="secret" data-testid="totp-secret">{{ setUp.secret }}</span>
        </li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <img class="qr" [src]="qrSource()" alt="QR code to scan with your authenticator app" width="200" height="200" />
      <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
        <mat-form-field>
          <mat-label>Code from your authenticator app</mat-label>
          <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required />
          @if (form.controls.code.invalid) {
            <mat-error>Enter the 6 digits your app shows</mat-error>
          }
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()">Confirm and turn on</button>
          <button mat-button type="button" (click)="cancel()">Cancel</button>
        </div>
      </form>
    } @else {
      <button mat-stroked-button type="button" (click)="start()" [disabled]="busy()">Set up an authenticator app</button>
    }
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
  `,
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpSetupComponent {
  private readonly factors = inject(SecondFactorService);
  readonly added = output<FactorAdded>();

  readonly started = signal<TotpEnrolmentStart | null>(null);
  private readonly action = new FactorAction();
  readonly busy = this.action.busy;
  readonly failure = this.action.failure;
  /** The API's SVG as an image (never as markup in the page). */
  readonly qrSource = computed(() => {
    const svg = this.started()?.qrSvg;
    return svg ? `data:image/svg+xml;base64,${btoa(svg)}` : '';
  });
  readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)]] });

  async start(): Promise<void> {
    await this.action.run(async () => this.started.set(await this.factors.startTotp()), SET_UP_FAILED);
  }

  async confirm(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.action.run(async () => {
      const added = await this.factors.confirmTotp(this.form.controls.code.value);
      this.started.set(null);
      this.form.reset();
      this.added.emit(added);
    }, SET_UP_FAILED);
  }

  cancel(): void {
    this.started.set(null);
    this.failure.set(null);
    this.form.reset();
  }
}
