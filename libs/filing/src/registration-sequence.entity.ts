import { Column, Entity, ForeignKey } from 'typeorm';

/** The last registration number issued per unit and year. */
@Entity('registration_sequences')
export class RegistrationSequenceEntity {
  @ForeignKey('RegionEntity', 'code', { name: 'registration_sequences_region_code_fkey' })
  @Column({ type: 'char', length: 6, primary: true })
  regionCode: string;
  @Column({ type: 'integer', primary: true }) year: number;
  @Column({ type: 'integer' }) lastValue: number;
}

/** Readable and unique: unit code, year, sequence within the unit and year (托育备案 TY-220102-2026-0007). */
export function formatRegistrationNo(regionCode: string, year: number, seq: number): string {
  return `TY-${regionCode}-${year}-${String(seq).padStart(4, '0')}`;
}
