import { computed, inject, Injectable, signal } from '@angular/core';
import { PendingSignIn, ROLE_LABELS, SessionResponse, SessionUser, SignInRequest } from '@achievement/contracts';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';

/**
 * The signed-in user, loaded once at start (see app.config.ts) and kept as a signal; and, while
 * half signed in, what the second step of sign-in asks (the second factor, or an enrolment).
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(PortalApiClient);
  private readonly current = signal<SessionUser | null>(null);
  private readonly pendingStep = signal<PendingSignIn | null>(null);

  /** The signed-in user, or null for an anonymous visitor (and while half signed in). */
  readonly user = this.current.asReadonly();
  /** Set while the password was right but the second factor (or an enrolment) is still to come. */
  readonly pending = this.pendingStep.asReadonly();
  readonly roleLabel = computed(() => {
    const user = this.current();
    return user ? ROLE_LABELS[user.role] : '';
  });

  /** Asks the API who is signed in. If the API cannot answer, the visitor is treated as signed out. */
  async load(): Promise<void> {
    try {
      this.accept(await firstValueFrom(this.api.getSession()));
    } catch (error) {
      console.error('The session could not be loaded', error);
      this.accept({ user: null });
    }
  }

  /**
   * Signs in; rejects with the HttpErrorResponse of the API (401 wrong credentials, 429 throttled).
   * Answers the session: a user, or `pending` when a second step is still to come.
   */
  async signIn(credentials: SignInRequest): Promise<SessionResponse> {
    const session = await firstValueFrom(this.api.signIn(credentials));
    this.accept(session);
    return session;
  }

  /** Takes the session the API answered (sign-in, its second step, GET /api/auth/session). */
  accept(session: SessionResponse): void {
    this.current.set(session.user);
    this.pendingStep.set(session.user ? null : (session.pending ?? null));
  }

  /** Signs out on the server; the user is forgotten here even if the server call fails. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.signOut());
    } finally {
      this.accept({ user: null });
    }
  }

  /**
   * Asks the API again who is signed in, e.g. after the profile changed the name shown in the top
   * bar. Unlike load(), keeps the current user when the API cannot answer.
   */
  async refresh(): Promise<void> {
    try {
      this.accept(await firstValueFrom(this.api.getSession()));
    } catch (error) {
      console.error('The session could not be refreshed', error);
    }
  }

  /** Ends every session of the user on every device, this one included; rejects (keeping the user) if the API refuses. */
  async signOutEverywhere(): Promise<void> {
    await firstValueFrom(this.api.signOutEverywhere());
    this.accept({ user: null });
  }

  /** Forgets the user after the API answered 401 (the session expired or was ended elsewhere). */
  clear(): void {
    this.accept({ user: null });
  }
}
