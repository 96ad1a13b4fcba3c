import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('centres')
export class Centre {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ type: 'varchar', length: 16 }) number: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ name: 'central_email', type: 'varchar', length: 320 }) centralEmail: string;
  @Column({ name: 'address_line1', type: 'varchar', length: 200 }) addressLine1: string;
  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true }) addressLine2: string | null;
  @Column({ type: 'varchar', length: 100 }) town: string;
  @Column({ type: 'varchar', length: 16 }) postcode: string;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
