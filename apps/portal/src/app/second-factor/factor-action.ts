import { signal } from '@angular/core';
import { factorErrorMessage } from './second-factor.service';

/**
 * One action on the second factor as a screen shows it: busy while it runs (a second click does
 * nothing), and what went wrong in words a person can act on.
 */
export class FactorAction {
  readonly busy = signal(false);
  readonly failure = signal<string | null>(null);

  /** Runs `step` unless one is running; true when it went through, false (with `failure` set) when not. */
  async run(step: () => Promise<void>, fallback: string): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await step();
      return true;
    } catch (error) {
      this.failure.set(factorErrorMessage(error, fallback));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
