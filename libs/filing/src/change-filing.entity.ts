import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChangeFilingStatus } from '@lib/standards';
import type { ClassChange } from '@lib/facilities';

/**
 * A change filing (变更备案) of a registered facility: the material fields and classes as proposed, what they were
 * when filed (`before`, for the regulator's side-by-side view), and the decision. One pending per facility (partial
 * unique index). Applied to the facility by FacilityService.applyChange in the approval's transaction.
 */
@Entity('change_filings')
@Index('IDX_change_filings_facility', ['facilityId', 'submittedAt'])
@Index('IDX_change_filings_one_pending', ['facilityId'], { unique: true, where: "status = 'pending'" })
@Index('IDX_change_filings_status', ['status', 'submittedAt'])
/** A region's review queue, oldest first (keyset on submitted_at, id). */
@Index('IDX_change_filings_region_status', ['regionCode', 'status', 'submittedAt', 'id'])
@Check('change_filings_status_check', "status IN ('pending', 'approved', 'rejected', 'withdrawn')")
export class ChangeFilingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'change_filings_facility_id_fkey' })
  @Column({ type: 'uuid' })
  facilityId: string;
  /**
   * The facility's unit (kept equal to it: set when filed, moved with the facility by an approved change), so that a
   * region's review queue is one index range at national scale (issue #19 item 1) rather than a join to facilities.
   */
  @ForeignKey('RegionEntity', 'code', { name: 'change_filings_region_code_fkey' })
  @Column({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'text', default: 'pending' }) status: ChangeFilingStatus;
  @Column({ type: 'text' }) reason: string;
  /** The material fields as proposed (only those that change). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) facility: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => "'[]'" }) classes: ClassChange[];
  /** The same fields and the classes as they were when filed. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) before: Record<string, unknown>;
  @ForeignKey('UserEntity', 'id', { name: 'change_filings_submitted_by_fkey' })
  @Column({ type: 'uuid' })
  submittedBy: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  /** `{ note }` on approval, `{ reason }` on rejection, `{}` on withdrawal. */
  @Column({ type: 'jsonb', nullable: true }) decision: { note?: string; reason?: string } | null;
}
