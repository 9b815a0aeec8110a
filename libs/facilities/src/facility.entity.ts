import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AffordableStatus, AgeGroupName, FacilityKind, FacilityStatus, FilingDocument, Ownership, ServiceType } from '@lib/standards';

/** Reads numeric(10,2) as a number (pg returns numerics as strings). */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

@Entity('facilities')
@Index('IDX_facilities_region_status', ['regionCode', 'status'])
// The list's order, newest first (facility-list.ts), and its search box's GIN indexes on expressions TypeORM cannot
// declare, kept by migration 1766010000000-FacilitySearch (synchronize: false: TypeORM leaves them be).
@Index('IDX_facilities_created', ['createdAt', 'id'])
@Index('IDX_facilities_q_trgm', { synchronize: false })
@Index('IDX_facilities_name_grams', { synchronize: false })
@Check('facilities_kind_check', "kind IN ('centre', 'kindergarten_class', 'family', 'employer', 'community')")
@Check('facilities_ownership_check', "ownership IN ('public', 'private', 'public_private')")
@Check('facilities_status_check', "status IN ('draft', 'submitted', 'registered', 'suspended', 'closed')")
@Check(
  'facilities_affordable_status_check',
  "affordable_status IS NULL OR affordable_status IN ('applied', 'recognized', 'rejected', 'revoked', 'expired')",
)
/** A draft may be saved incomplete (null: not filled in yet); any other status has the whole profile. */
@Check(
  'facilities_profile_complete_check',
  "status = 'draft' OR (credit_code IS NOT NULL AND kind IS NOT NULL AND ownership IS NOT NULL AND service_types IS NOT NULL AND address IS NOT NULL AND floors IS NOT NULL AND indoor_area_m2 IS NOT NULL AND outdoor_area_m2 IS NOT NULL AND monthly_fee IS NOT NULL AND phone IS NOT NULL AND opening_hours IS NOT NULL AND exit_count IS NOT NULL)",
)
export class FacilityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_facilities_owner')
  @ForeignKey('UserEntity', 'id', { name: 'facilities_owner_id_fkey' })
  @Column({ type: 'uuid' })
  ownerId: string;
  @Column({ type: 'text' }) name: string;
  /**
   * The name's lower-cased characters and pairs of characters, derived by PostgreSQL (facility_name_grams): the
   * search box's index for a `q` pg_trgm finds no trigram in (facility-list.ts). Never written, nor read back.
   */
  @Column({
    type: 'text',
    array: true,
    generatedType: 'STORED',
    asExpression: 'facility_name_grams(name)',
    insert: false,
    update: false,
    select: false,
  })
  nameGrams: string[];
  @Column({ type: 'char', length: 18, nullable: true }) creditCode: string | null;
  @Column({ type: 'text', nullable: true }) kind: FacilityKind | null;
  @Column({ type: 'text', nullable: true }) ownership: Ownership | null;
  /** The operator's application for 普惠 status; only a recognised one counts (affordableStatus). */
  @Column({ type: 'boolean' }) affordable: boolean;
  /** 普惠 recognition by the health regulator (docs/api.md "Affordable (普惠) recognition"); null: never applied for. */
  @Column({ type: 'text', nullable: true }) affordableStatus: AffordableStatus | null;
  @Column({ type: 'integer', nullable: true }) affordableMaxMonthlyFee: number | null;
  @Column({ type: 'date', nullable: true }) affordableValidUntil: string | null;
  @Column({ type: 'timestamptz', nullable: true }) affordableDecidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) affordableReason: string | null;
  @Column({ type: 'boolean' }) medicalIntegrated: boolean;
  @Column({ type: 'boolean' }) servesMeals: boolean;
  @Column({ type: 'text', array: true, nullable: true }) serviceTypes: ServiceType[] | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  /** The true location (WGS84). Partial GiST index over registered facilities for placement plans. */
  @Index('IDX_facilities_location_registered', { spatial: true, where: "status = 'registered'" })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location: GeoPoint;
  /** What the public sees: the true location, or for a home-based point a stable point 100–300 m away. */
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 }) publicLocation: GeoPoint;
  /**
   * The public location in Web Mercator, derived by PostgreSQL: nearest-first search orders by it (KNN on geometry
   * is about 20× faster than on geography, and Mercator is conformal, so local distance order is right). Only
   * registered facilities are searched, hence the partial index. Read by libs/search; never written.
   */
  @Index('IDX_facilities_public_merc_registered', { spatial: true, where: "status = 'registered'" })
  @Column({
    type: 'geometry',
    spatialFeatureType: 'Point',
    srid: 3857,
    generatedType: 'STORED',
    asExpression: 'ST_Transform(public_location::geometry, 3857)',
    insert: false,
    update: false,
    select: false,
  })
  publicMerc: unknown;
  @Column({ type: 'integer', array: true, nullable: true }) floors: number[] | null;
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric }) indoorAreaM2: number | null;
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric }) outdoorAreaM2: number | null;
  @Column({ type: 'integer', nullable: true }) monthlyFee: number | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) openingHours: string | null;
  @Column({ type: 'integer', nullable: true }) exitCount: number | null;
  @Column({ type: 'boolean' }) surveillance: boolean;
  @Column({ type: 'jsonb', default: () => "'[]'" }) documents: FilingDocument[];
  @ForeignKey('RegionEntity', 'code', { name: 'facilities_region_code_fkey' })
  @Column({ type: 'char', length: 6 })
  regionCode: string;
  @Column({ type: 'text', default: 'draft' }) status: FacilityStatus;
  @Index('IDX_facilities_registration_no', { unique: true })
  @Column({ type: 'text', nullable: true })
  registrationNo: string | null;
  @Column({ type: 'text', nullable: true }) rejectionReason: string | null;
  /** The reason given for the last suspension or closure. */
  @Column({ type: 'text', nullable: true }) statusReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) registeredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) placementPlan: unknown;
  // Summary of the classes, kept by FacilityService in the transaction that changes them (refreshClassSummary),
  // so that public search filters on the facility row alone.
  /** Age groups of its classes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) ageGroups: AgeGroupName[];
  /** Age groups of its classes that have a free place. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) vacantAgeGroups: AgeGroupName[];
  @Column({ type: 'integer', default: 0 }) placeCount: number;
  @Column({ type: 'integer', default: 0 }) vacancies: number;
  /** When places or enrolment were last reported (the latest class change); null without classes. */
  @Column({ type: 'timestamptz', nullable: true }) vacanciesUpdatedAt: Date | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('classes')
@Check('classes_age_group_check', "age_group IN ('infant', 'toddler', 'preschool', 'mixed')")
@Check('classes_places_check', 'places > 0')
@Check('classes_enrolled_check', 'enrolled >= 0 AND enrolled <= places')
@Check('classes_held_check', 'held >= 0 AND enrolled + held <= places')
export class ClassEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_classes_facility')
  @ForeignKey('FacilityEntity', 'id', { name: 'classes_facility_id_fkey' })
  @Column({ type: 'uuid' })
  facilityId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) ageGroup: 'infant' | 'toddler' | 'preschool' | 'mixed';
  @Column({ type: 'integer' }) places: number;
  @Column({ type: 'integer' }) enrolled: number;
  /** Places held by open offers to waiting children (libs/applications, through class-places.ts): not vacant. */
  @Column({ type: 'integer', default: 0 }) held: number;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** When places or enrolment were last reported: the public view says how fresh vacancies are. */
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
