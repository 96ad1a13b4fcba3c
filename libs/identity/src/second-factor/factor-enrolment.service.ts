import { AccountFactors, RECOVERY_CODE_COUNT, Role, TotpEnrolmentStart } from '@achievement/contracts';
import { Outbox, OutboxService } from '@achievement/notifications';
import { Actor, AppConfig, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import QRCode from 'qrcode';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { IdentityLinks } from '../identity-links';
import { formatUtc } from '../passwords/password-reset.service';
import { SessionStore } from '../sessions/session.store';
import { User } from '../user.entity';
import { CodeAttemptsService } from './code-attempts.service';
import { FactorStore } from './factor-store';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { SecondFactorService, CODE_INCORRECT, codeIncorrect, PASSKEY_INCORRECT } from './second-factor.service';
import { SecretBox } from './secret-box';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp';
import { UserFactor } from './user-factor.entity';
import { WebAuthnService } from './webauthn.service';
import { ApiError } from '@achievement/platform';

/** An unconfirmed authenticator-app set-up is forgotten after this long. */
const TOTP_SETUP_MS = 15 * 60_000;

export interface Owner {
  id: number;
  role: Role;
  sessionId: string;
}

type FactorEmail = { added?: boolean; recoveryCodes?: boolean; reset?: boolean; factor?: string; required?: boolean };

/**
 * A person's own second factors (set up, list, remove, new recovery codes) and an administrator's
 * reset of someone else's. Every change is audited and emailed to the owner in the same
 * transaction. An account whose role must use a second factor cannot remove its last one.
 */
@Injectable()
export class FactorEnrolmentService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: FactorStore,
    private readonly secondFactor: SecondFactorService,
    private readonly webauthn: WebAuthnService,
    private readonly attempts: CodeAttemptsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly sessions: SessionStore,
    private readonly links: IdentityLinks,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.SECOND_FACTOR_KEY);
  }

  async overview(owner: Owner): Promise<AccountFactors> {
    const factors = await this.store.confirmedFactors(owner.id);
    const totp = factors.find((f) => f.kind === 'totp');
    const codes = await this.store.recoveryCodesSummary(owner.id);
    return {
      required: this.secondFactor.requiredFor(owner.role),
      totp: totp ? { createdAt: totp.createdAt.toISOString(), lastUsedAt: totp.lastUsedAt?.toISOString() ?? null } : null,
      passkeys: factors
        .filter((f) => f.kind === 'passkey')
        .map((f) => ({ id: f.id, name: f.name, createdAt: f.createdAt.toISOString(), lastUsedAt: f.lastUsedAt?.toISOString() ?? null })),
      recoveryCodes: codes && factors.length ? { remaining: codes.remaining, createdAt: codes.createdAt.toISOString() } : null,
    };
  }

  /** Starts setting up an authenticator app: a new secret, kept unconfirmed until its first code. */
  async startTotp(owner: Owner, actor: Actor): Promise<TotpEnrolmentStart> {
    const user = await this.userOf(owner.id);
    const existing = await this.store.totpOf(owner.id);
    if (existing?.confirmedAt) throw totpAlreadyEnrolled();
    const secret = newTotpSecret();
    const now = this.clock.now();
    const sealed = this.box.seal(secret, owner.id);
    // one row per account (uq_user_factors_totp): two set-ups at once both land on it, the later secret wins,
    // and a row that was confirmed meanwhile is left alone
    await this.dataSource.query(
      `INSERT INTO user_factors (user_id, kind, name, totp_secret, created_at, confirmed_at) VALUES (?, 'totp', 'Authenticator app', ?, ?, NULL)
       ON DUPLICATE KEY UPDATE
         totp_last_step = IF(confirmed_at IS NULL, NULL, totp_last_step),
         totp_secret = IF(confirmed_at IS NULL, VALUES(totp_secret), totp_secret),
         created_at = IF(confirmed_at IS NULL, VALUES(created_at), created_at)`,
      [owner.id, sealed, now],
    );
    if ((await this.store.totpOf(owner.id))?.confirmedAt) throw totpAlreadyEnrolled();
    await this.audit.record(actor, { action: 'user.second_factor_setup_started', subjectType: 'user', subjectId: owner.id, details: { kind: 'totp' } });
    const uri = totpUri(user.email, secret);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUri: uri, qrSvg };
  }

  /** The first code from the app proves the set-up; returns a first set of recovery codes when the account had none. */
  async confirmTotp(owner: Owner, code: string, actor: Actor): Promise<string[] | null> {
    await this.attempts.reserve(owner.id);
    const factor = await this.store.totpOf(owner.id);
    const now = this.clock.now();
    if (!factor || factor.confirmedAt || now.getTime() - factor.createdAt.getTime() > TOTP_SETUP_MS) {
      throw new ApiError('TOTP_NOT_STARTED', {
        message: 'Start setting up the authenticator app again: the set-up was not started, or it is more than 15 minutes old.',
      });
    }
    const secret = factor.totpSecret ? this.box.open(factor.totpSecret, owner.id) : null;
    const step = secret ? await acceptedTotpStep(secret, code.replace(/\s/g, ''), now, null) : null;
    if (step === null) {
      await this.audit.record(actor, { action: 'auth.second_factor_failed', subjectType: 'user', subjectId: owner.id, details: { kind: 'totp', setUp: true } });
      throw codeIncorrect(CODE_INCORRECT);
    }
    await this.attempts.succeeded(owner.id);
    return this.added(owner, actor, 'an authenticator app', async (manager) => {
      const confirmed = await manager.update(UserFactor, { id: factor.id, confirmedAt: IsNull() }, { confirmedAt: now, totpLastStep: step, lastUsedAt: now });
      if (!confirmed.affected) throw codeIncorrect(CODE_INCORRECT);
      return { kind: 'totp' };
    });
  }

  async passkeyOptions(owner: Owner): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.userOf(owner.id);
    const existing = await this.store.passkeysOf(owner.id);
    return this.webauthn.registrationOptions(
      owner.sessionId,
      { id: user.id, email: user.email, name: user.fullName },
      existing.map((p) => p.stored),
    );
  }

  async registerPasskey(owner: Owner, name: string, response: RegistrationResponseJSON, actor: Actor): Promise<string[] | null> {
    await this.attempts.reserve(owner.id);
    const passkey = await this.webauthn.verifyRegistration(owner.sessionId, response);
    if (!passkey) {
      await this.audit.record(actor, {
        action: 'auth.second_factor_failed',
        subjectType: 'user',
        subjectId: owner.id,
        details: { kind: 'passkey', setUp: true },
      });
      throw codeIncorrect(PASSKEY_INCORRECT, 'response');
    }
    await this.attempts.succeeded(owner.id);
    const now = this.clock.now();
    return this.added(owner, actor, `the passkey “${name}”`, async (manager) => {
      const taken = await manager.count(UserFactor, { where: { credentialId: passkey.credentialId } });
      if (taken) throw new ApiError('PASSKEY_ALREADY_REGISTERED', { message: 'This passkey or security key is already registered.' });
      await manager.insert(UserFactor, {
        userId: owner.id,
        kind: 'passkey',
        name,
        credentialId: passkey.credentialId,
        credentialKey: passkey.publicKey,
        signCount: passkey.signCount,
        transports: passkey.transports.join(',') || null,
        confirmedAt: now,
        createdAt: now,
      });
      return { kind: 'passkey', name };
    });
  }

  async removeTotp(owner: Owner, actor: Actor): Promise<AccountFactors> {
    const factor = await this.store.totpOf(owner.id);
    if (!factor?.confirmedAt) throw new ApiError('TOTP_NOT_FOUND', { message: 'No authenticator app is set up.' });
    await this.removed(owner, actor, factor, 'an authenticator app');
    return this.overview(owner);
  }

  async removePasskey(owner: Owner, id: number, actor: Actor): Promise<AccountFactors> {
    const factor = await this.dataSource.manager.findOneBy(UserFactor, { id, userId: owner.id, kind: 'passkey' });
    if (!factor) throw new ApiError('PASSKEY_NOT_FOUND', { message: 'That passkey was not found. It may have been removed already.' });
    await this.removed(owner, actor, factor, `the passkey “${factor.name}”`);
    return this.overview(owner);
  }

  /** A new set of recovery codes; the old ones stop working. */
  async replaceRecoveryCodes(owner: Owner, actor: Actor): Promise<string[]> {
    if (!(await this.store.hasFactor(owner.id))) {
      throw new ApiError('NO_FACTOR', {
        message: 'Set up an authenticator app or a passkey first: recovery codes stand in for one.',
      });
    }
    const user = await this.userOf(owner.id);
    return this.outbox.transaction(async (manager, outbox) => {
      const codes = await this.newRecoveryCodes(manager, owner.id);
      await this.audit.record(actor, { action: 'user.recovery_codes_replaced', subjectType: 'user', subjectId: owner.id, centreId: user.centreId }, manager);
      await this.email(outbox, user, 'recovery-codes', { recoveryCodes: true });
      return codes;
    });
  }

  /** An administrator removes every factor of another account; its sessions end, and it enrols again if its role must. */
  async resetFactorsOf(targetId: number, actor: Actor): Promise<void> {
    if (actor.userId === targetId) {
      throw new ApiError('OWN_FACTORS', { message: 'You cannot reset your own second factors. Ask another administrator.' });
    }
    const user = await this.dataSource.manager.findOneBy(User, { id: targetId });
    if (!user || user.status === 'deleted') throw new ApiError('ACCOUNT_NOT_FOUND', 'That account was not found.');
    await this.outbox.transaction(async (manager, outbox) => {
      const removed = await this.store.removeAll(manager, targetId);
      await this.audit.record(
        actor,
        { action: 'user.second_factors_reset', subjectType: 'user', subjectId: targetId, centreId: user.centreId, details: { factorsRemoved: removed } },
        manager,
      );
      await this.email(outbox, user, 'reset', { reset: true, required: this.secondFactor.requiredFor(user.role) });
    });
    await this.sessions.destroyAllOf(targetId);
  }

  private async added(
    owner: Owner,
    actor: Actor,
    factorText: string,
    write: (manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<string[] | null> {
    const user = await this.userOf(owner.id);
    return this.outbox.transaction(async (manager, outbox) => {
      const details = await write(manager);
      const hadCodes = (await manager.query('SELECT 1 FROM recovery_codes WHERE user_id = ? LIMIT 1', [owner.id])).length > 0;
      const codes = hadCodes ? null : await this.newRecoveryCodes(manager, owner.id);
      await this.audit.record(
        actor,
        {
          action: 'user.second_factor_added',
          subjectType: 'user',
          subjectId: owner.id,
          centreId: user.centreId,
          details: { ...details, recoveryCodesIssued: !hadCodes },
        },
        manager,
      );
      await this.email(outbox, user, `added:${details.kind}`, { added: true, factor: capitalise(factorText) });
      return codes;
    });
  }

  private async removed(owner: Owner, actor: Actor, factor: UserFactor, factorText: string): Promise<void> {
    const user = await this.userOf(owner.id);
    await this.outbox.transaction(async (manager, outbox) => {
      // read under a lock, so two removals at once cannot both take the last factor away
      const factors = await manager
        .createQueryBuilder(UserFactor, 'f')
        .where('f.user_id = :id AND f.confirmed_at IS NOT NULL', { id: owner.id })
        .setLock('pessimistic_write')
        .getMany();
      const left = factors.filter((f) => f.id !== factor.id);
      if (left.length === 0 && this.secondFactor.requiredFor(owner.role)) {
        throw new ApiError('LAST_FACTOR', {
          message: 'Your role must keep a second factor. Add another one before removing this.',
        });
      }
      await manager.delete(UserFactor, { id: factor.id, userId: owner.id });
      // recovery codes stand in for a factor: with none left, they go too
      if (left.length === 0) await manager.query('DELETE FROM recovery_codes WHERE user_id = ?', [owner.id]);
      await this.audit.record(
        actor,
        {
          action: 'user.second_factor_removed',
          subjectType: 'user',
          subjectId: owner.id,
          centreId: user.centreId,
          details: { kind: factor.kind, name: factor.name, factorsLeft: left.length },
        },
        manager,
      );
      await this.email(outbox, user, `removed:${factor.id}`, { factor: capitalise(factorText) });
    });
  }

  private async newRecoveryCodes(manager: EntityManager, userId: number): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await this.store.replaceRecoveryCodes(
      manager,
      userId,
      codes.map((c) => recoveryCodeHash(normaliseRecoveryCode(c)!)),
      this.clock.now(),
    );
    return codes;
  }

  private async email(outbox: Outbox, user: User, event: string, data: FactorEmail): Promise<void> {
    const now = this.clock.now();
    await outbox.add({
      to: user.email,
      template: 'second-factor-changed',
      eventKey: `user.second-factor:${user.id}:${event}:${now.getTime()}`,
      data: { firstName: user.firstName, when: formatUtc(now), forgotPasswordUrl: this.links.forgotPassword(), ...data },
    });
  }

  private async userOf(id: number): Promise<User> {
    const user = await this.dataSource.manager.findOneBy(User, { id, status: 'active' });
    if (!user) throw new ApiError('ACCOUNT_NOT_FOUND', 'That account was not found.');
    return user;
  }
}

function totpAlreadyEnrolled(): ApiError {
  return new ApiError('TOTP_ALREADY_ENROLLED', {
    message: 'An authenticator app is already set up. Remove it first to set up another one.',
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
