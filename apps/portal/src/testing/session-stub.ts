import { computed, Provider, signal } from '@angular/core';
import { PendingSignIn, ROLE_LABELS, SessionResponse, SessionUser } from '@achievement/contracts';
import { SessionService } from '../app/session/session.service';

export const ADMINISTRATOR: SessionUser = { id: 1, email: 'ada@example.org', name: 'Ada Admin', role: 'administrator', centre: null };
export const SUPPORT: SessionUser = { id: 2, email: 'sam@example.org', name: 'Sam Support', role: 'support', centre: null };
export const CENTRE_STAFF: SessionUser = {
  id: 3,
  email: 'carol@northfield.example',
  name: 'Carol Centre',
  role: 'centre_staff',
  centre: { id: 9, number: '12345', name: 'Northfield College' },
};
export const LEARNER: SessionUser = { id: 4, email: 'lee@example.org', name: 'Lee Learner', role: 'learner', centre: null };
export const THIRD_PARTY: SessionUser = { id: 5, email: 'priya@garage.example', name: 'Priya Patel', role: 'third_party', centre: null };

/** A SessionService stand-in with a fixed user (null: anonymous) that can still sign out. */
export class SessionStub {
  readonly current = signal<SessionUser | null>(null);
  readonly user = this.current.asReadonly();
  /** half signed in (set by a test) */
  readonly pendingStep = signal<PendingSignIn | null>(null);
  readonly pending = this.pendingStep.asReadonly();
  readonly roleLabel = computed(() => {
    const user = this.current();
    return user ? ROLE_LABELS[user.role] : '';
  });
  cleared = 0;
  refreshed = 0;
  signedOutEverywhere = 0;

  constructor(user: SessionUser | null) {
    this.current.set(user);
  }

  async signOut(): Promise<void> {
    this.accept({ user: null });
  }

  accept(session: SessionResponse): void {
    this.current.set(session.user);
    this.pendingStep.set(session.user ? null : (session.pending ?? null));
  }

  /** Stands in for asking the API again: the test sets `current` to what the API would answer. */
  async refresh(): Promise<void> {
    this.refreshed++;
  }

  async signOutEverywhere(): Promise<void> {
    this.signedOutEverywhere++;
    this.current.set(null);
  }

  clear(): void {
    this.cleared++;
    this.current.set(null);
  }
}

export function provideSession(user: SessionUser | null): { stub: SessionStub; provider: Provider } {
  const stub = new SessionStub(user);
  return { stub, provider: { provide: SessionService, useValue: stub } };
}
