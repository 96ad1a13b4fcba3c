import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An RQF-style qualification, e.g. 603/7506/5. */
@Entity('qualifications')
export class Qualification {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id: number;
  @Column({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'varchar', length: 255 }) title: string;
  @Column({ type: 'tinyint', unsigned: true, nullable: true }) level: number | null;
  @Column({ name: 'display_on_verify', type: 'boolean' }) displayOnVerify: boolean;
}
