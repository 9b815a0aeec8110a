import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ApplicationStatus, ChoiceStatus, OfferStatus, QueueAgeGroup, ServiceType } from '@lib/standards';

/**
 * A parent's application for a place for one child (docs/api.md "Parents: applications and the waitlist"). About the
 * child only a first name or nickname and a birth month are kept; they are shown to the parent and to the
 * facilities applied to, never in public answers, logs, events or job payloads (docs/applications.md).
 */
@Entity('applications')
@Check('applications_status_check', "status IN ('waiting', 'placed', 'withdrawn')")
@Check('applications_age_group_check', "age_group IN ('infant', 'toddler', 'preschool')")
@Check('applications_months_check', "child_birth_month ~ '^[0-9]{4}-[0-9]{2}$' AND start_month ~ '^[0-9]{4}-[0-9]{2}$'")
// One active application per child of a parent (409 on a second).
@Index('IDX_applications_active_child', ['parentId', 'childLabel', 'childBirthMonth'], { unique: true, where: "status = 'waiting'" })
@Index('IDX_applications_parent', ['parentId', 'createdAt'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('UserEntity', 'id', { name: 'applications_parent_id_fkey' })
  @Column({ type: 'uuid' })
  parentId: string;
  @Column({ type: 'text' }) childLabel: string;
  @Column({ type: 'char', length: 7 }) childBirthMonth: string;
  @Column({ type: 'char', length: 7 }) startMonth: string;
  @Column({ type: 'text' }) serviceType: ServiceType;
  /** The child's age in the start month, in completed months, and the queue it stands in. */
  @Column({ type: 'integer' }) ageMonths: number;
  @Column({ type: 'text' }) ageGroup: QueueAgeGroup;
  @Column({ type: 'text' }) status: ApplicationStatus;
  @ForeignKey('FacilityEntity', 'id', { name: 'applications_placed_facility_id_fkey' })
  @Column({ type: 'uuid', nullable: true })
  placedFacilityId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * One ranked choice of an application: its place in that facility's queue for the child's age group. The queue's
 * keys (start month, time of application) are copied here so that one index serves the queue (IDX_application_choices_queue).
 */
@Entity('application_choices')
@Check('application_choices_rank_check', 'rank BETWEEN 1 AND 3')
@Check('application_choices_status_check', "status IN ('waiting', 'offered', 'placed', 'declined', 'expired', 'withdrawn')")
@Index('IDX_application_choices_facility_once', ['applicationId', 'facilityId'], { unique: true })
@Index('IDX_application_choices_queue', ['facilityId', 'ageGroup', 'startMonth', 'appliedAt', 'applicationId'], {
  where: "status IN ('waiting', 'offered')",
})
@Index('IDX_application_choices_facility', ['facilityId', 'status'])
export class ApplicationChoiceEntity {
  @ForeignKey('ApplicationEntity', 'id', { name: 'application_choices_application_id_fkey' })
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;
  @PrimaryColumn({ type: 'integer' }) rank: number;
  @ForeignKey('FacilityEntity', 'id', { name: 'application_choices_facility_id_fkey' })
  @Column({ type: 'uuid' })
  facilityId: string;
  @Column({ type: 'text' }) status: ChoiceStatus;
  @Column({ type: 'text' }) ageGroup: QueueAgeGroup;
  @Column({ type: 'char', length: 7 }) startMonth: string;
  @Column({ type: 'timestamptz' }) appliedAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** An offer of a place in a class to an application; while open it holds one of the class's places. */
@Entity('offers')
@Check('offers_status_check', "status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')")
@Index('IDX_offers_application', ['applicationId'])
@Index('IDX_offers_open_expiry', ['expiresOn'], { where: "status = 'open'" })
@Index('IDX_offers_open_choice', ['applicationId', 'facilityId'], { unique: true, where: "status = 'open'" })
@Index('IDX_offers_facility', ['facilityId'])
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey('ApplicationEntity', 'id', { name: 'offers_application_id_fkey' })
  @Column({ type: 'uuid' })
  applicationId: string;
  @ForeignKey('FacilityEntity', 'id', { name: 'offers_facility_id_fkey' })
  @Column({ type: 'uuid' })
  facilityId: string;
  /** Null once the class is removed (a class with open offers cannot be). */
  @ForeignKey('ClassEntity', 'id', { name: 'offers_class_id_fkey', onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  classId: string | null;
  @Column({ type: 'text' }) status: OfferStatus;
  @Column({ type: 'date' }) expiresOn: string;
  @ForeignKey('UserEntity', 'id', { name: 'offers_offered_by_fkey' })
  @Column({ type: 'uuid' })
  offeredBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
