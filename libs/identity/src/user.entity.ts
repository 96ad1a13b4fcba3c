import { Role, UserStatus } from '@achievement/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Centre } from './centre.entity';

export type { UserStatus };

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  /** Stored lower-cased and trimmed; compared case-insensitively. */
  @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true }) passwordHash: string | null;
  @Column({ name: 'first_name', type: 'varchar', length: 100 }) firstName: string;
  @Column({ name: 'last_name', type: 'varchar', length: 100 }) lastName: string;
  @Column({ type: 'enum', enum: ['centre_staff', 'administrator', 'support', 'learner', 'third_party'] }) role: Role;
  @Column({ type: 'enum', enum: ['pending_verification', 'awaiting_review', 'active', 'rejected', 'deleted'] }) status: UserStatus;
  @Column({ name: 'centre_id', type: 'int', unsigned: true, nullable: true }) centreId: number | null;
  @ManyToOne(() => Centre, { nullable: true })
  @JoinColumn({ name: 'centre_id' })
  centre?: Centre | null;
  @Column({ name: 'centre_contact_id', type: 'int', unsigned: true, nullable: true }) centreContactId: number | null;
  @Column({ name: 'learner_id', type: 'int', unsigned: true, nullable: true }) learnerId: number | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) phone: string | null;
  @Column({ name: 'job_title', type: 'varchar', length: 100, nullable: true }) jobTitle: string | null;
  /** the body a third party acts for */
  @Column({ type: 'varchar', length: 200, nullable: true }) organisation: string | null;
  @Column({ name: 'address_line1', type: 'varchar', length: 200, nullable: true }) addressLine1: string | null;
  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true }) addressLine2: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) town: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) postcode: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @Column({ name: 'email_verified_at', type: 'datetime', precision: 3, nullable: true }) emailVerifiedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt: Date | null;

  get fullName(): string {
    return `${this.firstName} ${this.lastName}`.trim();
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
