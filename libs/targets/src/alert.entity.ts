import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertKind } from '@lib/standards';

// The alert kinds are defined once, with their labels, in libs/standards.
export { ALERT_KINDS, type AlertKind } from '@lib/standards';
/** The kinds libs/incidents causes: scanned on their own every few minutes (escalation counts hours). */
export const INCIDENT_ALERT_KINDS = [
  'incident_unacknowledged',
  'incident_reported_late',
  'illness_cluster',
  'drill_overdue',
] as const satisfies readonly AlertKind[];
/** The regulators' own delays: never shown to the facility's operator (its own alerts are about what it must do). */
export const REGULATOR_ONLY_ALERT_KINDS: readonly AlertKind[] = ['verification_overdue'];
export const ALERT_SUBJECT_TYPES = ['facility', 'staff', 'rectification_order', 'region', 'incident', 'complaint'] as const;
export type AlertSubjectType = (typeof ALERT_SUBJECT_TYPES)[number];

/** One open alert per subject and kind (partial unique index); it resolves when its cause goes away. */
@Entity('alerts')
@Index('IDX_alerts_open_subject_kind', ['kind', 'subjectType', 'subjectId'], { unique: true, where: 'resolved_at IS NULL' })
// The lists, newest first (keyset on created_at, id): everything, the open ones, a region's (issue #19 item 1).
@Index('IDX_alerts_created', ['createdAt', 'id'])
@Index('IDX_alerts_open_created', ['createdAt', 'id'], { where: 'resolved_at IS NULL' })
@Index('IDX_alerts_region_created', ['regionCode', 'createdAt', 'id'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: AlertKind;
  @Column({ type: 'text' }) subjectType: AlertSubjectType;
  @Column({ type: 'text' }) subjectId: string;
  @Index('IDX_alerts_facility')
  @ForeignKey('FacilityEntity', 'id', { name: 'alerts_facility_id_fkey' })
  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;
  @ForeignKey('RegionEntity', 'code', { name: 'alerts_region_code_fkey' })
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;
  /** Regulators of these agencies (in the region) see it; the facility's operator always does. */
  @Column({ type: 'text', array: true }) agencies: string[];
  /**
   * Seen by the regulators of the unit itself only, not yet by the city-level ones (an unacknowledged incident between
   * 2 and 4 hours; docs/api.md "Incidents (突发事件) and drills").
   */
  @Column({ type: 'boolean', default: false }) unitOnly: boolean;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) messageEn: string;
  @Column({ type: 'date', nullable: true }) dueOn: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
