import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FactorAdded } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { ActivatedRoute, Router } from '@angular/router';
import { SessionService } from '../session/session.service';
import { PasskeySetupComponent } from './passkey-setup.component';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { safeReturnUrl } from './return-url';
import { TotpSetupComponent } from './totp-setup.component';

/**
 * Sign-in for an account whose role must use a second factor and has none yet: it sets one up
 * before it can see anything else. The first factor finishes the sign-in; its recovery codes are
 * shown once before the person goes on.
 */
@Component({
  selector: 'ap-enrolment-page',
  imports: [MatCardModule, MatButtonModule, TotpSetupComponent, PasskeySetupComponent, RecoveryCodesComponent],
  template: `
    <mat-card appearance="outlined" class="step">
      <mat-card-content>
        @if (codes(); as recoveryCodes) {
          <h1>Your second factor is set up</h1>
          <ap-recovery-codes [codes]="recoveryCodes" />
          <button mat-flat-button type="button" (click)="goOn()">I have saved my codes, continue</button>
        } @else {
          <h1>Set up a second factor</h1>
          <p>
            Hello {{ session.pending()?.name }}. Your password was right. Your role can change certificates and accounts, so it must use a second factor as
            well: choose one to set up now. You will use it every time you sign in.
          </p>
          <h2>An authenticator app on your phone</h2>
          <ap-totp-setup (added)="added($event)" />
          <h2>Or a passkey or security key</h2>
          <ap-passkey-setup (added)="added($event)" />
          <p class="start-again"><button mat-button type="button" (click)="startAgain()">Sign out</button></p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .step {
      max-width: 560px;
      margin: 32px auto;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .start-again {
      margin: 24px 0 0;
    }
    @media (max-width: 767.98px) {
      .step {
        margin: 8px auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrolmentPageComponent {
  readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly codes = signal<string[] | null>(null);

  async added(result: FactorAdded): Promise<void> {
    if (result.recoveryCodes) this.codes.set(result.recoveryCodes);
    else await this.goOn();
  }

  /** The session became full with the first factor: load the user, then go where the person was headed. */
  async goOn(): Promise<void> {
    await this.session.refresh();
    await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
  }

  async startAgain(): Promise<void> {
    await this.session.signOut().catch(() => undefined);
    await this.router.navigate(['/sign-in']);
  }
}
