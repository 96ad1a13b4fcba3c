import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { InvitationSummary } from '@achievement/contracts';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { documentCount } from '../learner/access-length';
import { SessionService } from '../session/session.service';
import { apiErrorCode, apiErrorMessage } from '@achievement/web';

type InvitationState =
  | { kind: 'loading' }
  | { kind: 'found'; invitation: InvitationSummary }
  /** 404: unknown, used or expired. */
  | { kind: 'gone' }
  | { kind: 'failed'; message: string };

export const INVITATION_GONE = 'This invitation has expired, been used, or does not exist.';

/**
 * The page of the link in a learner's invitation (/invitations/:token, public): what is shared and
 * until when. A visitor registers as a third party or signs in (coming back here); a signed-in
 * third party accepts it and goes to their shared documents; anyone else is told to sign in as the
 * third party the invitation was sent to.
 */
@Component({
  selector: 'ap-invitation-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule],
  templateUrl: './invitation-page.component.html',
  styles: `
    .invitation {
      max-width: 640px;
      margin: 32px auto;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
    .summary {
      font: var(--mat-sys-body-large);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 16px 0 8px;
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
    @media (max-width: 767.98px) {
      .invitation {
        margin: 8px auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  readonly token = inject(ActivatedRoute).snapshot.paramMap.get('token') ?? '';
  readonly returnUrl = `/invitations/${encodeURIComponent(this.token)}`;
  readonly goneMessage = INVITATION_GONE;
  readonly user = this.session.user;
  readonly count = documentCount;
  readonly state = signal<InvitationState>({ kind: 'loading' });
  readonly invitation = computed(() => {
    const state = this.state();
    return state.kind === 'found' ? state.invitation : null;
  });
  readonly failedMessage = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : '';
  });
  readonly accepting = signal(false);
  readonly acceptError = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'found', invitation: await firstValueFrom(this.api.getInvitation(this.token)) });
    } catch (error) {
      this.state.set(
        apiErrorCode(error) === 'INVITATION_GONE'
          ? { kind: 'gone' }
          : { kind: 'failed', message: apiErrorMessage(error, 'The invitation could not be loaded. Try again in a moment.') },
      );
    }
  }

  async accept(): Promise<void> {
    if (this.accepting()) {
      return;
    }
    this.accepting.set(true);
    this.acceptError.set(null);
    try {
      const connection = await firstValueFrom(this.api.acceptInvitation(this.token));
      this.snackBar.open(`You accepted the invitation: ${connection.learnerName}'s documents are under Shared with me.`, 'Close', { duration: 10000 });
      await this.router.navigateByUrl('/third-party');
    } catch (error) {
      if (apiErrorCode(error) === 'INVITATION_GONE') {
        this.state.set({ kind: 'gone' });
      } else {
        this.acceptError.set(apiErrorMessage(error, 'The invitation could not be accepted. Try again in a moment.'));
      }
    } finally {
      this.accepting.set(false);
    }
  }

  async signOut(): Promise<void> {
    await this.session.signOut();
  }
}
