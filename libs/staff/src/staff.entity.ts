import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EducationLevel, Qualification, StaffRole } from '@lib/standards';

/** A staff member of one facility. The ID number is never stored in the clear (see IdNumberCipher). */
@Entity('staff')
@Check('staff_role_check', "role IN ('director', 'caregiver', 'health', 'nutritionist', 'cook', 'security', 'other')")
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_staff_facility')
  @ForeignKey('FacilityEntity', 'id', { name: 'staff_facility_id_fkey' })
  @Column({ type: 'uuid' })
  facilityId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: StaffRole;
  @Column({ type: 'text', select: false }) idNumberCipher: string;
  @Column({ type: 'text' }) idNumberMasked: string;
  @Index('IDX_staff_active_index', { where: 'ended_on IS NULL' })
  @Column({ type: 'char', length: 64 })
  idNumberIndex: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'date' }) hiredOn: string;
  @Column({ type: 'date', nullable: true }) endedOn: string | null;
  @Column({ type: 'boolean' }) fullTime: boolean;
  @Column({ type: 'text', nullable: true }) education: EducationLevel | null;
  @Column({ type: 'integer', nullable: true }) experienceYears: number | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) classIds: string[];
  @Column({ type: 'jsonb' }) healthCertificate: { number: string; expiresOn: string };
  @Column({ type: 'jsonb', default: () => "'[]'" }) qualifications: Qualification[];
  @Column({ type: 'boolean' }) backgroundChecked: boolean;
  /** When the background check was done: at hiring, then yearly (docs/registry.md "Staff"). */
  @Column({ type: 'date', nullable: true }) backgroundCheckedOn: string | null;
  /** A security guard: the licensed security company that employs the guard. */
  @Column({ type: 'text', nullable: true }) employer: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
