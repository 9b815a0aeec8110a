import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditSubjectType = 'facility' | 'user' | 'region' | 'application' | 'complaint';

/** One link of an append-only hash chain per subject; the database refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_entries')
@Index('IDX_audit_entries_subject_seq', ['subjectType', 'subjectId', 'seq'], { unique: true })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'text' }) subjectType: AuditSubjectType;
  @Column({ type: 'text' }) subjectId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actorRole: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb', nullable: true }) changes: Record<string, unknown> | null;
  @Column({ type: 'char', length: 64 }) prevHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
  /** Which key (AUDIT_HMAC_KEY or an old one) keyed `hash`: its public id, never the key. */
  @Column({ type: 'text' }) keyId: string;
}
