import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TokenPurpose = 'verify_email' | 'reset_password';

/** A single-use link of an account (email verification, password reset). Only the token's SHA-256 is kept. */
@Entity('user_tokens')
export class UserToken {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @Column({ type: 'enum', enum: ['verify_email', 'reset_password'] }) purpose: TokenPurpose;
  @Column({ name: 'token_hash', type: 'char', length: 43 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
