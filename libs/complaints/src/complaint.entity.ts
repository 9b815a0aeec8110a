import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintCategory, ComplaintFinding, ComplaintStatus } from '@lib/standards';

export interface ComplaintPoint {
  type: 'Point';
  coordinates: [number, number];
}

/**
 * A complaint about a facility, or a report of a provider at a place (an unregistered one, typically). The
 * complainant's contact is never stored in the clear: `contactCipher` holds `{ name?, phone? }` encrypted with the
 * field cipher, and is read only for regulators in reach.
 */
@Entity('complaints')
@Index('IDX_complaints_region_created', ['regionCode', 'createdAt'])
/** The admin's inbox, newest first (keyset on created_at, id). */
@Index('IDX_complaints_created', ['createdAt', 'id'])
@Index('IDX_complaints_open_due', ['status', 'closeDueOn'], { where: "status <> 'closed'" })
@Check('complaints_category_check', "category IN ('safety', 'hygiene', 'food', 'abuse', 'fees', 'staff', 'unregistered', 'other')")
@Check('complaints_status_check', "status IN ('received', 'investigating', 'closed')")
@Check('complaints_finding_check', "finding IN ('substantiated', 'unsubstantiated', 'withdrawn')")
@Check('complaints_agency_check', "agency IN ('health', 'fire', 'market', 'housing')")
@Check('complaints_subject_check', '(facility_id IS NULL) <> (location IS NULL)')
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_complaints_receipt_code', { unique: true })
  @Column({ type: 'char', length: 12 })
  receiptCode: string;
  @Index('IDX_complaints_facility')
  @ForeignKey('FacilityEntity', 'id', { name: 'complaints_facility_id_fkey' })
  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;
  @Index('IDX_complaints_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  location: ComplaintPoint | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) providerName: string | null;
  @ForeignKey('RegionEntity', 'code', { name: 'complaints_region_code_fkey' })
  @Column({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'text' }) category: ComplaintCategory;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true, select: false }) contactCipher: string | null;
  @Column({ type: 'text', default: 'received' }) status: ComplaintStatus;
  @Column({ type: 'text', nullable: true }) agency: string | null;
  @Column({ type: 'text', nullable: true }) investigationNote: string | null;
  @Column({ type: 'text', nullable: true }) finding: ComplaintFinding | null;
  @Column({ type: 'text', nullable: true }) reply: string | null;
  /** Asia/Shanghai date of receipt; the deadlines count working days from it. */
  @Column({ type: 'date' }) receivedOn: string;
  @Column({ type: 'date' }) acknowledgeDueOn: string;
  @Column({ type: 'date' }) closeDueOn: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) investigatingAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
