import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person the body holds on record for a centre; registrations are matched against these. */
@Entity('centre_contacts')
export class CentreContact {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ name: 'centre_id', type: 'int', unsigned: true }) centreId: number;
  @Column({ name: 'first_name', type: 'varchar', length: 100 }) firstName: string;
  @Column({ name: 'last_name', type: 'varchar', length: 100 }) lastName: string;
  @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
