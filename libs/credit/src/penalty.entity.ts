import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CreditLevel, PenaltyKind } from '@lib/standards';

/**
 * An administrative penalty (行政处罚) decided against a facility's operator. Never edited: the database refuses an
 * UPDATE other than the one-time revocation and every DELETE (trigger penalties_immutable).
 */
@Entity('penalties')
@Index('IDX_penalties_facility_decided', ['facilityId', 'decidedOn'])
@Index('IDX_penalties_credit_code', ['creditCode'])
@Check('penalties_kind_check', "kind IN ('warning', 'fine', 'confiscation', 'order_to_stop', 'revocation')")
@Check('penalties_amount_check', "(kind = 'fine') = (amount_yuan IS NOT NULL)")
export class PenaltyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'penalties_facility_id_fkey' }) @Column({ type: 'uuid' }) facilityId: string;
  /** The operator's credit code when decided: the penalty stays with the operator. */
  @Column({ type: 'char', length: 18 }) creditCode: string;
  @Column({ type: 'text' }) agency: string;
  @Column({ type: 'text' }) kind: PenaltyKind;
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  amountYuan: number | null;
  @Column({ type: 'text' }) decisionNo: string;
  @Column({ type: 'date' }) decidedOn: string;
  @Column({ type: 'text' }) legalBasis: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @ForeignKey('UserEntity', 'id', { name: 'penalties_recorded_by_fkey' }) @Column({ type: 'uuid', nullable: true }) recordedBy:
    string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revocationReason: string | null;
  @ForeignKey('UserEntity', 'id', { name: 'penalties_revoked_by_fkey' }) @Column({ type: 'uuid', nullable: true }) revokedBy: string | null;
}

/** An operator's credit level by credit code, as the worker last computed it from the facts (rules as data). */
@Entity('credit_levels')
@Check('credit_levels_level_check', "level IN ('A', 'B', 'C', 'D')")
export class CreditLevelEntity {
  @PrimaryColumn({ type: 'char', length: 18 }) creditCode: string;
  @Column({ type: 'char', length: 1 }) level: CreditLevel;
  /** The rules that apply, worst first: `{ code, level, zh, en }`. */
  @Column({ type: 'jsonb' }) reasons: { code: string; level: CreditLevel; zh: string; en: string }[];
  @Column({ type: 'uuid', array: true }) facilityIds: string[];
  @Column({ type: 'integer' }) penalties: number;
  @Column({ type: 'integer' }) substantiatedComplaints: number;
  @Column({ type: 'integer' }) substantiatedIncidents: number;
  @Column({ type: 'timestamptz' }) computedAt: Date;
}
