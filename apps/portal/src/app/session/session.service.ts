import { computed, inject, Injectable, signal } from '@angular/core';
import { ROLE_LABELS, SessionUser, SignInRequest } from '@achievement/contracts';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';

/** The signed-in user, loaded once at start (see app.config.ts) and kept as a signal. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(PortalApiClient);
  private readonly current = signal<SessionUser | null>(null);

  /** The signed-in user, or null for an anonymous visitor. */
  readonly user = this.current.asReadonly();
  readonly roleLabel = computed(() => {
    const user = this.current();
    return user ? ROLE_LABELS[user.role] : '';
  });

  /** Asks the API who is signed in. If the API cannot answer, the visitor is treated as signed out. */
  async load(): Promise<void> {
    try {
      const session = await firstValueFrom(this.api.getSession());
      this.current.set(session.user);
    } catch (error) {
      console.error('The session could not be loaded', error);
      this.current.set(null);
    }
  }

  /** Signs in; rejects with the HttpErrorResponse of the API (401 wrong credentials, 429 throttled). */
  async signIn(credentials: SignInRequest): Promise<SessionUser | null> {
    const session = await firstValueFrom(this.api.signIn(credentials));
    this.current.set(session.user);
    return session.user;
  }

  /** Signs out on the server; the user is forgotten here even if the server call fails. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.signOut());
    } finally {
      this.current.set(null);
    }
  }

  /**
   * Asks the API again who is signed in, e.g. after the profile changed the name shown in the top
   * bar. Unlike load(), keeps the current user when the API cannot answer.
   */
  async refresh(): Promise<void> {
    try {
      const session = await firstValueFrom(this.api.getSession());
      this.current.set(session.user);
    } catch (error) {
      console.error('The session could not be refreshed', error);
    }
  }

  /** Ends every session of the user on every device, this one included; rejects (keeping the user) if the API refuses. */
  async signOutEverywhere(): Promise<void> {
    await firstValueFrom(this.api.signOutEverywhere());
    this.current.set(null);
  }

  /** Forgets the user after the API answered 401 (the session expired or was ended elsewhere). */
  clear(): void {
    this.current.set(null);
  }
}
