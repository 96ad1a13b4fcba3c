import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One single-use recovery code of an account; only its SHA-256 is kept. */
@Entity('recovery_codes')
export class RecoveryCode {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @Column({ name: 'code_hash', type: 'char', length: 64 }) codeHash: string;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
