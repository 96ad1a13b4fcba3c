import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A learner the body knows by enrolment number; documents are issued to learners. */
@Entity('learners')
export class Learner {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'enrolment_number', type: 'varchar', length: 20 }) enrolmentNumber: string;
  @Column({ name: 'first_name', type: 'varchar', length: 100 }) firstName: string;
  @Column({ name: 'last_name', type: 'varchar', length: 100 }) lastName: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth: string;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
