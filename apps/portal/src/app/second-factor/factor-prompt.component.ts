import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { SecondFactorKind, SessionResponse } from '@achievement/contracts';
import { FactorAction } from './factor-action';
import { SecondFactorService } from './second-factor.service';

/** A 6-digit code (spaces allowed, as apps show "123 456"), or a recovery code: 12 letters and digits, dashes and spaces aside. */
const TOTP_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;
const isRecoveryCode = (typed: string) => /^[A-Za-z0-9]{12}$/.test(typed.replace(/[\s-]/g, ''));

/**
 * Asks for a second factor: the authenticator app's code, a passkey, or a recovery code, as the
 * account has them. Used by the second step of sign-in and by step-up. Emits the API's answer once
 * one passes.
 */
@Component({
  selector: 'ap-factor-prompt',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './factor-prompt.component.html',
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FactorPromptComponent {
  private readonly factors = inject(SecondFactorService);

  /** The ways this account can answer. */
  readonly methods = input.required<SecondFactorKind[]>();
  readonly passed = output<SessionResponse>();

  /** Which way is asked for now: the app's code first, else a passkey, recovery codes last. */
  readonly chosen = signal<SecondFactorKind | null>(null);
  readonly method = computed<SecondFactorKind>(
    () => this.chosen() ?? (this.methods().includes('totp') ? 'totp' : this.methods().includes('passkey') ? 'passkey' : 'recovery_code'),
  );
  private readonly action = new FactorAction();
  readonly busy = this.action.busy;
  readonly failure = this.action.failure;

  readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required]] });

  has(kind: SecondFactorKind): boolean {
    return this.methods().includes(kind);
  }

  choose(kind: SecondFactorKind): void {
    this.chosen.set(kind);
    this.failure.set(null);
    this.form.reset();
  }

  async submitCode(): Promise<void> {
    const value = this.form.controls.code.value;
    if (this.method() === 'totp' ? !TOTP_PATTERN.test(value) : !isRecoveryCode(value)) {
      this.form.controls.code.setErrors({ format: true });
      this.form.markAllAsTouched();
      return;
    }
    await this.attempt(() => (this.method() === 'totp' ? this.factors.giveTotp(value) : this.factors.giveRecoveryCode(value)));
  }

  async usePasskey(): Promise<void> {
    await this.attempt(() => this.factors.givePasskey());
  }

  private async attempt(give: () => Promise<SessionResponse>): Promise<void> {
    if (this.busy()) return;
    const passed = await this.action.run(async () => this.passed.emit(await give()), 'That did not work. Try again, or use another way.');
    if (!passed) this.form.reset();
  }
}
