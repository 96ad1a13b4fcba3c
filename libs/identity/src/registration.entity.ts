import { RegistrationStatus } from '@achievement/contracts';
import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A centre staff registration: the centre number the person gave and how the registration was
 * decided (matched at verification, or approved / rejected in the review queue). The person's
 * other details are on their user row, which cannot change before approval (no sign-in).
 */
@Entity('registrations')
export class Registration {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @OneToOne(() => User)
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ name: 'centre_number', type: 'varchar', length: 16 }) centreNumber: string;
  @Column({ type: 'enum', enum: ['pending_verification', 'matched', 'awaiting_review', 'approved', 'rejected'] }) status: RegistrationStatus;
  @Column({ name: 'contact_id', type: 'int', unsigned: true, nullable: true }) contactId: number | null;
  @Column({ name: 'decided_by_user_id', type: 'int', unsigned: true, nullable: true }) decidedByUserId: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true }) rejectionReason: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true }) verifiedAt: Date | null;
}
