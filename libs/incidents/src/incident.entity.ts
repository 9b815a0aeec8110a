import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DrillKind, IncidentFinding, IncidentKind, IncidentSeverity, IncidentStatus } from '@lib/standards';

/**
 * An incident (突发事件) at a facility, as reported. Children are counts only: no name, no record of a child.
 * `occurredOn` is the Asia/Shanghai date of `occurredAt` (what the public page shows).
 */
@Entity('incidents')
@Index('IDX_incidents_facility_occurred', ['facilityId', 'occurredAt'])
/** The escalation scan reads the unacknowledged ones only. */
@Index('IDX_incidents_reported', ['reportedAt'], { where: "status = 'reported'" })
/** The inbox, newest report first (keyset on reported_at, id): the admin's. */
@Index('IDX_incidents_reported_id', ['reportedAt', 'id'])
/** A region's inbox: a unit's is one range of it, a city's a range over its units and a top-N sort. */
@Index('IDX_incidents_region_reported', ['regionCode', 'reportedAt', 'id'])
@Check(
  'incidents_kind_check',
  "kind IN ('injury', 'illness', 'food_poisoning', 'abuse_allegation', 'missing_child', 'fire', 'death', 'other')",
)
@Check('incidents_severity_check', "severity IN ('minor', 'serious', 'critical')")
@Check('incidents_status_check', "status IN ('reported', 'acknowledged', 'closed')")
@Check('incidents_finding_check', "finding IS NULL OR finding IN ('substantiated', 'unsubstantiated', 'no_fault')")
@Check('incidents_counts_check', 'children_affected >= 0 AND hospitalized >= 0 AND hospitalized <= children_affected')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'incidents_facility_id_fkey' }) @Column({ type: 'uuid' }) facilityId: string;
  /**
   * The facility's unit, kept equal to it: set at the report, moved with the facility by the worker
   * (`follow-incident-units` on `facility.changed`, incident-units.ts), so that a region's inbox is an index range at
   * national scale (issue #19 item 1) rather than a join to facilities. Reach of a single incident is still checked
   * through its facility.
   */
  @ForeignKey('RegionEntity', 'code', { name: 'incidents_region_code_fkey' })
  @Column({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'text' }) kind: IncidentKind;
  @Column({ type: 'text' }) severity: IncidentSeverity;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'date' }) occurredOn: string;
  @Column({ type: 'timestamptz' }) reportedAt: Date;
  @Column({ type: 'timestamptz' }) reportDueAt: Date;
  @Column({ type: 'boolean' }) late: boolean;
  @Column({ type: 'text', default: 'reported' }) status: IncidentStatus;
  @Column({ type: 'integer' }) childrenAffected: number;
  @Column({ type: 'integer' }) hospitalized: number;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) actionsTaken: string;
  @ForeignKey('UserEntity', 'id', { name: 'incidents_reported_by_fkey' }) @Column({ type: 'uuid', nullable: true }) reportedBy:
    string | null;
  /** Who recorded it: the operator itself, or a regulator recording a report received by phone. */
  @Column({ type: 'text' }) reportedVia: 'operator' | 'regulator';
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) finding: IncidentFinding | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One entry of an incident's timeline: an update from either side, its acknowledgement or its closure. */
@Entity('incident_updates')
@Index('IDX_incident_updates_incident_at', ['incidentId', 'at'])
@Check('incident_updates_type_check', "type IN ('update', 'acknowledged', 'closed')")
export class IncidentUpdateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('IncidentEntity', 'id', { name: 'incident_updates_incident_id_fkey' }) @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) type: 'update' | 'acknowledged' | 'closed';
  @ForeignKey('UserEntity', 'id', { name: 'incident_updates_actor_id_fkey' }) @Column({ type: 'uuid', nullable: true }) actorId:
    string | null;
  @Column({ type: 'text' }) actorRole: string;
  @Column({ type: 'text', nullable: true }) actorAgency: string | null;
  @Column({ type: 'text' }) note: string;
}

/** A drill logged by the operator (evacuation, first aid). */
@Entity('drills')
@Index('IDX_drills_facility_kind_held', ['facilityId', 'kind', 'heldOn'])
@Check('drills_kind_check', "kind IN ('fire_evacuation', 'injury_first_aid', 'other')")
@Check('drills_participants_check', 'participants >= 1')
export class DrillEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'drills_facility_id_fkey' }) @Column({ type: 'uuid' }) facilityId: string;
  @Column({ type: 'text' }) kind: DrillKind;
  @Column({ type: 'date' }) heldOn: string;
  @Column({ type: 'integer' }) participants: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @ForeignKey('UserEntity', 'id', { name: 'drills_created_by_fkey' }) @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
