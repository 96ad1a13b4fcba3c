import { Role, SecondFactorKind } from '@achievement/contracts';
import { Actor, AppConfig, AuditService, Clock, PendingStep } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { CodeAttemptsService } from './code-attempts.service';
import { FactorStore } from './factor-store';
import { normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { SecretBox } from './secret-box';
import { acceptedTotpStep } from './totp';
import { WebAuthnService } from './webauthn.service';
import { ApiError } from '@achievement/platform';

export const CODE_INCORRECT = 'That code is not right, or it was already used. Check your authenticator app and try again.';
export const RECOVERY_CODE_INCORRECT = 'That recovery code is not right, or it was already used.';
export const PASSKEY_INCORRECT = 'The passkey or security key did not confirm it was you. Try again, or use another way.';

export function codeIncorrect(message: string, field = 'code'): ApiError {
  return new ApiError('CODE_INCORRECT', { message, fieldErrors: { [field]: [message] } });
}

/**
 * Checks a second factor (an authenticator-app code, a recovery code, a passkey's answer) for an
 * account, and says what sign-in asks of an account after its password. Wrong answers are limited
 * per account and audited; a code and a recovery code work once.
 */
@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;
  private readonly requiredRoles: string[];

  constructor(
    private readonly store: FactorStore,
    private readonly webauthn: WebAuthnService,
    private readonly attempts: CodeAttemptsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.SECOND_FACTOR_KEY);
    this.requiredRoles = config.secondFactorRoles;
  }

  /** Whether accounts of this role must use a second factor (SECOND_FACTOR_ROLES). */
  requiredFor(role: Role): boolean {
    return this.requiredRoles.includes(role);
  }

  /** After the right password: nothing more, the second factor, or an enrolment first. */
  async signInStep(user: { id: number; role: Role }): Promise<PendingStep | null> {
    if (await this.store.hasFactor(user.id)) return 'second_factor';
    return this.requiredFor(user.role) ? 'enrolment' : null;
  }

  hasFactor(userId: number): Promise<boolean> {
    return this.store.hasFactor(userId);
  }

  /** The ways this account can give its second factor. */
  async methodsOf(userId: number): Promise<SecondFactorKind[]> {
    const factors = await this.store.confirmedFactors(userId);
    const methods: SecondFactorKind[] = [];
    if (factors.some((f) => f.kind === 'totp')) methods.push('totp');
    if (factors.some((f) => f.kind === 'passkey')) methods.push('passkey');
    if (methods.length && ((await this.store.recoveryCodesSummary(userId))?.remaining ?? 0) > 0) methods.push('recovery_code');
    return methods;
  }

  /** The authenticator app's current code (the step before and after count too); refuses a code used before. */
  async checkTotp(userId: number, code: string, actor: Actor): Promise<void> {
    await this.attempts.reserve(userId);
    const factor = await this.store.totpOf(userId);
    const secret = factor?.confirmedAt && factor.totpSecret ? this.box.open(factor.totpSecret, userId) : null;
    const now = this.clock.now();
    const step = secret ? await acceptedTotpStep(secret, code.replace(/\s/g, ''), now, factor!.totpLastStep) : null;
    if (step === null || !(await this.store.useTotpStep(factor!.id, step, now))) {
      await this.failed(userId, 'totp', actor);
      throw codeIncorrect(CODE_INCORRECT);
    }
    await this.passed(userId, 'totp', actor);
  }

  async checkRecoveryCode(userId: number, code: string, actor: Actor): Promise<void> {
    await this.attempts.reserve(userId);
    const normalised = normaliseRecoveryCode(code);
    const hasFactor = await this.store.hasFactor(userId);
    if (!normalised || !hasFactor || !(await this.store.useRecoveryCode(userId, recoveryCodeHash(normalised), this.clock.now()))) {
      await this.failed(userId, 'recovery_code', actor);
      throw codeIncorrect(RECOVERY_CODE_INCORRECT);
    }
    const left = (await this.store.recoveryCodesSummary(userId))?.remaining ?? 0;
    await this.passed(userId, 'recovery_code', actor, { recoveryCodesLeft: left });
  }

  async passkeyOptions(sessionId: string, userId: number): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.store.passkeysOf(userId);
    return this.webauthn.authenticationOptions(
      sessionId,
      passkeys.map((p) => p.stored),
    );
  }

  async checkPasskey(sessionId: string, userId: number, response: AuthenticationResponseJSON, actor: Actor): Promise<void> {
    await this.attempts.reserve(userId);
    const passkeys = await this.store.passkeysOf(userId);
    const result = passkeys.length
      ? await this.webauthn.verifyAuthentication(
          sessionId,
          response,
          passkeys.map((p) => p.stored),
        )
      : null;
    const used = result ? passkeys.find((p) => p.credentialId === result.credentialId) : undefined;
    if (!result || !used) {
      await this.failed(userId, 'passkey', actor);
      throw codeIncorrect(PASSKEY_INCORRECT, 'response');
    }
    await this.store.usePasskey(used.id, result.signCount, this.clock.now());
    await this.passed(userId, 'passkey', actor, { passkey: used.name });
  }

  private async failed(userId: number, kind: SecondFactorKind, actor: Actor): Promise<void> {
    await this.audit.record(actor, { action: 'auth.second_factor_failed', subjectType: 'user', subjectId: userId, details: { kind } });
  }

  private async passed(userId: number, kind: SecondFactorKind, actor: Actor, details: Record<string, unknown> = {}): Promise<void> {
    await this.attempts.succeeded(userId);
    await this.audit.record(actor, { action: 'auth.second_factor_passed', subjectType: 'user', subjectId: userId, details: { kind, ...details } });
  }
}
