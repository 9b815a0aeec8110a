import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Domain, ItemAnswer, Outcome, Severity } from './inspection-rules.types.js';

/** An on-site inspection; its answers live in the row (one row per inspection, not per item). Immutable. */
@Entity('inspections')
@Index('IDX_inspections_facility_domain_at', ['facilityId', 'domain', 'inspectedAt'])
/** A facility's history newest first, a page at a time (scanned backwards). */
@Index('IDX_inspections_facility_at', ['facilityId', 'inspectedAt', 'id'])
@Check('inspections_domain_check', "domain IN ('fire', 'food', 'building', 'hygiene')")
@Check('inspections_original_outcome_check', "original_outcome IN ('pass', 'rectify', 'fail')")
@Check('inspections_outcome_check', "outcome IN ('pass', 'rectify', 'fail')")
export class InspectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'inspections_facility_id_fkey' }) @Column({ type: 'uuid' }) facilityId: string;
  @Column({ type: 'text' }) domain: Domain;
  @Column({ type: 'integer' }) checklistVersion: number;
  @Column({ type: 'timestamptz' }) inspectedAt: Date;
  /** The inspection's date in Asia/Shanghai: due dates count from it. */
  @Column({ type: 'date' }) inspectedOn: string;
  @ForeignKey('UserEntity', 'id', { name: 'inspections_inspector_id_fkey' }) @Column({ type: 'uuid', nullable: true }) inspectorId:
    string | null;
  @Column({ type: 'jsonb' }) items: ItemAnswer[];
  @Column({ type: 'text', nullable: true }) summary: string | null;
  /**
   * The incident this inspection followed up, if any (libs/incidents; checked against its read model `incident_facts`
   * at write time: an incident of the same facility). No foreign key from here: incidents lie right of inspections.
   */
  @Index('IDX_inspections_incident', { where: 'incident_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;
  @Column({ type: 'text' }) originalOutcome: Outcome;
  @Column({ type: 'integer' }) originalScore: number;
  /** Effective after amendments (the only columns that may change). */
  @Column({ type: 'text' }) outcome: Outcome;
  @Column({ type: 'integer' }) score: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('inspection_amendments')
@Index('IDX_inspection_amendments_inspection', ['inspectionId', 'at'])
export class InspectionAmendmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('InspectionEntity', 'id', { name: 'inspection_amendments_inspection_id_fkey' })
  @Column({ type: 'uuid' })
  inspectionId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @ForeignKey('UserEntity', 'id', { name: 'inspection_amendments_actor_id_fkey' }) @Column({ type: 'uuid', nullable: true }) actorId:
    string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'jsonb' }) items: ItemAnswer[];
}

export type OrderStatus = 'open' | 'responded' | 'resolved';

@Entity('rectification_orders')
@Index('IDX_rectification_orders_facility_status', ['facilityId', 'status'])
@Index('IDX_rectification_orders_unresolved_due', ['dueOn'], { where: "status <> 'resolved'" })
/** A unit's unresolved orders, facility by facility (the orders list in a region's reach). */
@Index('IDX_rectification_orders_facility_unresolved', ['facilityId', 'dueOn'], { where: "status <> 'resolved'" })
@Check('rectification_orders_severity_check', "severity IN ('minor', 'major', 'critical')")
@Check('rectification_orders_status_check', "status IN ('open', 'responded', 'resolved')")
export class RectificationOrderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'rectification_orders_facility_id_fkey' }) @Column({ type: 'uuid' }) facilityId: string;
  @Index('IDX_rectification_orders_inspection')
  @ForeignKey('InspectionEntity', 'id', { name: 'rectification_orders_inspection_id_fkey' })
  @Column({ type: 'uuid' })
  inspectionId: string;
  @Column({ type: 'text' }) domain: Domain;
  @Column({ type: 'text' }) itemCode: string;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'date' }) dueOn: string;
  @Column({ type: 'text', default: 'open' }) status: OrderStatus;
  @Column({ type: 'jsonb', nullable: true }) response: { note: string; at: string; by: string } | null;
  @Column({ type: 'jsonb', nullable: true }) verification: { accepted: boolean; note?: string; at: string; by: string | null } | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
