import { AppConfig, RedisService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import {
  AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  WebAuthnCredential,
} from '@simplewebauthn/server';

const CHALLENGE_TTL_MS = 5 * 60_000;
const RP_NAME = 'Achievement Portal';

export interface StoredPasskey {
  credentialId: string;
  publicKey: Buffer;
  signCount: number;
  transports: string[];
}

type AuthenticatorTransportFuture = NonNullable<WebAuthnCredential['transports']>[number];

/**
 * WebAuthn ceremonies with @simplewebauthn/server. The relying party is the portal's public address
 * (PUBLIC_URL): its host is the RP ID and its origin the one expected. Each ceremony's challenge is
 * kept in Redis for five minutes against the session that asked, and used once.
 */
@Injectable()
export class WebAuthnService {
  private readonly rpId: string;
  private readonly origin: string;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    const url = new URL(config.PUBLIC_URL);
    this.rpId = url.hostname;
    this.origin = url.origin;
  }

  private key(purpose: 'register' | 'authenticate', sessionId: string): string {
    return `webauthn:${purpose}:${sessionId}`;
  }

  async registrationOptions(
    sessionId: string,
    user: { id: number; email: string; name: string },
    existing: StoredPasskey[],
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: this.rpId,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(`user:${user.id}`),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.redis.client.set(this.key('register', sessionId), options.challenge, 'PX', CHALLENGE_TTL_MS);
    return options;
  }

  /** The new passkey, or null when the answer does not prove a new credential for this session's challenge. */
  async verifyRegistration(sessionId: string, response: RegistrationResponseJSON): Promise<StoredPasskey | null> {
    const challenge = await this.redis.client.getdel(this.key('register', sessionId));
    if (!challenge) return null;
    try {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpId,
        requireUserVerification: false,
      });
      if (!result.verified) return null;
      const { credential } = result.registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        signCount: credential.counter,
        transports: credential.transports ?? [],
      };
    } catch {
      return null; // a malformed or forged answer is a wrong answer
    }
  }

  async authenticationOptions(sessionId: string, passkeys: StoredPasskey[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({
      rpID: this.rpId,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
      userVerification: 'preferred',
    });
    await this.redis.client.set(this.key('authenticate', sessionId), options.challenge, 'PX', CHALLENGE_TTL_MS);
    return options;
  }

  /**
   * The credential id and its new signature counter when the answer is a valid assertion of one of
   * `passkeys` for this session's challenge; null otherwise (a counter that went backwards included,
   * the sign of a cloned authenticator).
   */
  async verifyAuthentication(
    sessionId: string,
    response: AuthenticationResponseJSON,
    passkeys: StoredPasskey[],
  ): Promise<{ credentialId: string; signCount: number } | null> {
    const challenge = await this.redis.client.getdel(this.key('authenticate', sessionId));
    const passkey = passkeys.find((p) => p.credentialId === response?.id);
    if (!challenge || !passkey) return null;
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpId,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: passkey.signCount,
          transports: passkey.transports as AuthenticatorTransportFuture[],
        },
        requireUserVerification: false,
      });
      return result.verified ? { credentialId: passkey.credentialId, signCount: result.authenticationInfo.newCounter } : null;
    } catch {
      return null;
    }
  }
}
