import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionResponse } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { ActivatedRoute, Router } from '@angular/router';
import { SessionService } from '../session/session.service';
import { FactorPromptComponent } from './factor-prompt.component';
import { safeReturnUrl } from './return-url';

/** The second step of sign-in: the password was right, now the second factor. */
@Component({
  selector: 'ap-second-factor-page',
  imports: [MatCardModule, MatButtonModule, FactorPromptComponent],
  template: `
    <mat-card appearance="outlined" class="step">
      <mat-card-content>
        <h1>Confirm it’s you</h1>
        @if (session.pending(); as pending) {
          <p>Hello {{ pending.name }}. Your password was right; give your second factor to finish signing in.</p>
          <ap-factor-prompt [methods]="pending.methods" (passed)="signedIn($event)" />
        }
        <p class="start-again"><button mat-button type="button" (click)="startAgain()">Sign in as someone else</button></p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .step {
      max-width: 460px;
      margin: 32px auto;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
    .start-again {
      margin: 16px 0 0;
    }
    @media (max-width: 767.98px) {
      .step {
        margin: 8px auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorPageComponent {
  readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  async signedIn(answer: SessionResponse): Promise<void> {
    this.session.accept(answer);
    await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
  }

  async startAgain(): Promise<void> {
    await this.session.signOut().catch(() => undefined);
    await this.router.navigate(['/sign-in']);
  }
}
