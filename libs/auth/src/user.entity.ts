import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Agency, Role } from './roles.js';

@Entity('users')
@Check('users_role_check', "role IN ('operator', 'regulator', 'admin', 'parent')")
@Check('users_agency_check', "agency IN ('health', 'fire', 'market', 'housing')")
@Check(
  'users_regulator_check',
  "CASE WHEN role = 'regulator' THEN agency IS NOT NULL AND region_code IS NOT NULL ELSE agency IS NULL AND region_code IS NULL END",
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-case; unique. */
  @Index('IDX_users_username', { unique: true }) @Column({ type: 'text' }) username: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'text', nullable: true }) agency: Agency | null;
  /** A regulator's region (by name: libs/auth may not import libs/regions). */
  @ForeignKey('RegionEntity', 'code', { name: 'users_region_code_fkey' })
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;
  /** Raised by a password change or reset, a logout, a disabling: every token signed with an older one answers 401. */
  @Column({ type: 'integer', default: 0 }) tokenVersion: number;
  /** Set while an admin has disabled the account: it cannot sign in and its tokens answer 401. */
  @Column({ type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
