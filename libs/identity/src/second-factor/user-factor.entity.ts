import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FactorKind = 'totp' | 'passkey';

/** An account's authenticator app or one of its passkeys / security keys (see the second-factor migration). */
@Entity('user_factors')
export class UserFactor {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @Column({ type: 'enum', enum: ['totp', 'passkey'] }) kind: FactorKind;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** kind 'totp': the base32 secret, sealed with SECOND_FACTOR_KEY */
  @Column({ name: 'totp_secret', type: 'varbinary', length: 255, nullable: true }) totpSecret: Buffer | null;
  /** kind 'totp': the last time step whose code was accepted (a code works once) */
  @Column({
    name: 'totp_last_step',
    type: 'bigint',
    unsigned: true,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  totpLastStep: number | null;
  /** kind 'passkey': the credential id, base64url */
  @Column({ name: 'credential_id', type: 'varchar', length: 1400, nullable: true }) credentialId: string | null;
  /** kind 'passkey': the COSE public key */
  @Column({ name: 'credential_key', type: 'varbinary', length: 1024, nullable: true }) credentialKey: Buffer | null;
  @Column({ name: 'sign_count', type: 'int', unsigned: true, default: 0 }) signCount: number;
  /** kind 'passkey': the authenticator's transports, comma-separated */
  @Column({ type: 'varchar', length: 200, nullable: true }) transports: string | null;
  /** NULL while an authenticator app's set-up waits for its first code */
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true }) lastUsedAt: Date | null;
}
