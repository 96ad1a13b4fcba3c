import { inject, Injectable } from '@angular/core';
import { AccountFactors, FactorAdded, RecoveryCodeSet, SecondFactorKind, SessionResponse, TotpEnrolmentStart } from '@achievement/contracts';
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { apiErrorMessage } from '@achievement/web';

/** Thrown when the browser's passkey dialog was cancelled or cannot run; its message is for the person. */
export class PasskeyUnavailable extends Error {}

/**
 * The second factor from the browser's side: giving one (sign-in's second step, step-up), and
 * one's own factors (set-up, removal, new recovery codes). Passkeys go through
 * @simplewebauthn/browser, which calls navigator.credentials with the API's options.
 */
@Injectable({ providedIn: 'root' })
export class SecondFactorService {
  private readonly api = inject(PortalApiClient);

  readonly passkeysSupported = browserSupportsWebAuthn();

  giveTotp(code: string): Promise<SessionResponse> {
    return firstValueFrom(this.api.giveTotp(code));
  }

  giveRecoveryCode(code: string): Promise<SessionResponse> {
    return firstValueFrom(this.api.giveRecoveryCode(code));
  }

  async givePasskey(): Promise<SessionResponse> {
    const optionsJSON = await firstValueFrom(this.api.passkeySignInOptions());
    const response = await browserStep(() => startAuthentication({ optionsJSON }));
    return firstValueFrom(this.api.givePasskey(response));
  }

  factors(): Promise<AccountFactors> {
    return firstValueFrom(this.api.getFactors());
  }

  /** The ways a signed-in account can give its factor again (step-up). */
  async methods(): Promise<SecondFactorKind[]> {
    const factors = await this.factors();
    const methods: SecondFactorKind[] = [];
    if (factors.totp) methods.push('totp');
    if (factors.passkeys.length) methods.push('passkey');
    if ((factors.recoveryCodes?.remaining ?? 0) > 0) methods.push('recovery_code');
    return methods;
  }

  startTotp(): Promise<TotpEnrolmentStart> {
    return firstValueFrom(this.api.startTotp());
  }

  confirmTotp(code: string): Promise<FactorAdded> {
    return firstValueFrom(this.api.confirmTotp(code));
  }

  async registerPasskey(name: string): Promise<FactorAdded> {
    const optionsJSON = await firstValueFrom(this.api.passkeyRegistrationOptions());
    const response = await browserStep(() => startRegistration({ optionsJSON }));
    return firstValueFrom(this.api.registerPasskey(name, response));
  }

  removeTotp(): Promise<AccountFactors> {
    return firstValueFrom(this.api.removeTotp());
  }

  removePasskey(id: number): Promise<AccountFactors> {
    return firstValueFrom(this.api.removePasskey(id));
  }

  replaceRecoveryCodes(): Promise<RecoveryCodeSet> {
    return firstValueFrom(this.api.replaceRecoveryCodes());
  }
}

/** Runs the browser's passkey dialog; a cancelled or impossible one becomes a sentence a person can act on. */
async function browserStep<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      throw new PasskeyUnavailable('This passkey or security key is already registered to your account.');
    }
    if (error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) {
      throw new PasskeyUnavailable('The passkey dialog was closed or timed out. Try again, or use another way.');
    }
    throw new PasskeyUnavailable('This browser could not use a passkey here. Try another way, or another browser.');
  }
}

/** What went wrong with a factor, for the person: the browser's passkey problem or the API's message. */
export function factorErrorMessage(error: unknown, fallback: string): string {
  return error instanceof PasskeyUnavailable ? error.message : apiErrorMessage(error, fallback);
}
