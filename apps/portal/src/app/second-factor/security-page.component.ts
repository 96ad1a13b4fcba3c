import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { AccountFactors, FactorAdded } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { PasskeySetupComponent } from './passkey-setup.component';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { factorErrorMessage, SecondFactorService } from './second-factor.service';
import { TotpSetupComponent } from './totp-setup.component';
import { FactorAction } from './factor-action';

/** What is about to be removed, waiting for the person to confirm. */
type Removal = { kind: 'totp' } | { kind: 'passkey'; id: number; name: string };

/**
 * "Sign-in security" (every signed-in role): the second factors of one's own account (an
 * authenticator app, passkeys and security keys, recovery codes), to add, remove or renew. Removing
 * and renewing may ask for the second factor again first (step-up, handled by the interceptor).
 */
@Component({
  selector: 'ap-security-page',
  imports: [MatCardModule, MatButtonModule, MatProgressBarModule, RouterLink, BodyDayPipe, TotpSetupComponent, PasskeySetupComponent, RecoveryCodesComponent],
  templateUrl: './security-page.component.html',
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityPageComponent implements OnInit {
  private readonly secondFactor = inject(SecondFactorService);
  private readonly snackBar = inject(MatSnackBar);

  readonly factors = signal<AccountFactors | null>(null);
  readonly loading = signal(true);
  /** Recovery codes just made, shown once. */
  readonly newCodes = signal<string[] | null>(null);
  readonly removing = signal<Removal | null>(null);
  private readonly action = new FactorAction();
  readonly busy = this.action.busy;
  readonly failure = this.action.failure;

  async ngOnInit(): Promise<void> {
    try {
      this.factors.set(await this.secondFactor.factors());
    } catch (error) {
      this.failure.set(factorErrorMessage(error, 'Your sign-in security settings could not be loaded. Reload the page to try again.'));
    } finally {
      this.loading.set(false);
    }
  }

  added(result: FactorAdded, what: string): void {
    this.factors.set(result.factors);
    if (result.recoveryCodes) this.newCodes.set(result.recoveryCodes);
    this.snackBar.open(`${what} added. We have emailed you to confirm.`, 'OK', { duration: 6000 });
  }

  isRemoving(passkeyId: number): boolean {
    const removal = this.removing();
    return removal?.kind === 'passkey' && removal.id === passkeyId;
  }

  async confirmRemoval(): Promise<void> {
    const removal = this.removing();
    if (!removal) return;
    await this.action.run(async () => {
      this.factors.set(removal.kind === 'totp' ? await this.secondFactor.removeTotp() : await this.secondFactor.removePasskey(removal.id));
      this.removing.set(null);
      this.snackBar.open(`${removal.kind === 'totp' ? 'The authenticator app' : `“${removal.name}”`} was removed. We have emailed you to confirm.`, 'OK', {
        duration: 6000,
      });
    }, 'It could not be removed. Try again.');
  }

  async renewCodes(): Promise<void> {
    await this.action.run(async () => {
      this.newCodes.set((await this.secondFactor.replaceRecoveryCodes()).codes);
      this.factors.set(await this.secondFactor.factors());
    }, 'New recovery codes could not be made. Try again.');
  }
}
