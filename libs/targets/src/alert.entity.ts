import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_KINDS = [
  'filing_document_expiring',
  'health_certificate_expiring',
  'qualification_expiring',
  'rectification_overdue',
  'ratio_breach',
  'staff_multi_listed',
  'region_below_target',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSubjectType = 'facility' | 'staff' | 'rectification_order' | 'region';

/** One open alert per subject and kind (partial unique index); it resolves when its cause goes away. */
@Entity('alerts')
@Index('IDX_alerts_open_subject_kind', ['kind', 'subjectType', 'subjectId'], { unique: true, where: 'resolved_at IS NULL' })
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: AlertKind;
  @Column({ type: 'text' }) subjectType: AlertSubjectType;
  @Column({ type: 'text' }) subjectId: string;
  @Index('IDX_alerts_facility')
  @ForeignKey('FacilityEntity', 'id', { name: 'alerts_facility_id_fkey' })
  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;
  @Index('IDX_alerts_region')
  @ForeignKey('RegionEntity', 'code', { name: 'alerts_region_code_fkey' })
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;
  /** Regulators of these agencies (in the region) see it; the facility's operator always does. */
  @Column({ type: 'text', array: true }) agencies: string[];
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) messageEn: string;
  @Column({ type: 'date', nullable: true }) dueOn: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
