import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, OnInit, signal, viewChild } from '@angular/core';
import { VerificationOutcome } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { focusAfterRender } from '../forms/focus';
import { ResendVerificationComponent } from './resend-verification.component';
import { apiErrorCode, apiErrorMessage } from '@achievement/web';

/** What the page shows: the link is being checked, one of the outcomes, or why it did not work. */
type VerifyState =
  | { kind: 'verifying' }
  | { kind: 'verified'; outcome: VerificationOutcome }
  /** No token in the address (e.g. from the sign-in page): only the request for a new link. */
  | { kind: 'request' }
  /** The API refused the link (400: not valid, used, replaced or expired). */
  | { kind: 'invalid'; message: string }
  /** The API could not be asked (offline, 5xx, 429): the same link may work on Retry. */
  | { kind: 'failed'; message: string };

/**
 * The page of the link in the verification email (/verify-email?token=…): posts the token once on
 * load and says what happens next. A link that does not work offers to send a new one.
 */
@Component({
  selector: 'ap-verify-email-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, ResendVerificationComponent],
  templateUrl: './verify-email-page.component.html',
  styles: `
    .verify {
      max-width: 560px;
      margin: 32px auto;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
      outline: none;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .outcome {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      font: var(--mat-sys-body-large);
    }
    .ok {
      color: #1b5e20;
    }
    .problem {
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .failed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      p {
        margin: 0;
        flex: 1 1 auto;
      }
    }
    .signin {
      margin-top: 24px;
    }
    @media (max-width: 767.98px) {
      .verify {
        margin: 8px auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  readonly state = signal<VerifyState>({ kind: 'verifying' });
  readonly outcome = computed(() => {
    const state = this.state();
    return state.kind === 'verified' ? state.outcome : null;
  });
  readonly message = computed(() => {
    const state = this.state();
    return state.kind === 'invalid' || state.kind === 'failed' ? state.message : '';
  });

  ngOnInit(): void {
    void this.verify();
  }

  async verify(): Promise<void> {
    const token = this.route.snapshot.queryParamMap.get('token')?.trim();
    if (!token) {
      this.state.set({ kind: 'request' });
      return;
    }
    this.state.set({ kind: 'verifying' });
    try {
      const answer = await firstValueFrom(this.api.verifyEmail({ token }));
      this.show({ kind: 'verified', outcome: answer.outcome });
    } catch (error) {
      const code = apiErrorCode(error);
      if (code === 'TOKEN_INVALID' || code === 'TOKEN_USED') {
        this.show({ kind: 'invalid', message: apiErrorMessage(error, 'This verification link is not valid or has expired.') });
      } else {
        this.show({ kind: 'failed', message: apiErrorMessage(error, 'Your email address could not be verified right now. Try again in a moment.') });
      }
    }
  }

  private show(state: VerifyState): void {
    this.state.set(state);
    focusAfterRender(this.injector, this.heading);
  }
}
