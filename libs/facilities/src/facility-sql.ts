import { Raw, type EntityManager } from 'typeorm';
import { reachPredicate, type Reach } from '@lib/auth';
import type { FacilityStatus } from '@lib/standards';
import { ClassEntity, FacilityEntity } from './facility.entity.js';

/**
 * The reads of facilities and classes that other libraries (applications, filing, incidents, inspections, staff) need,
 * as query functions and SQL pieces to embed in their own queries, and the one write libs/filing makes (a lifecycle
 * step): the table names stay in this library (docs/architecture.md "Table ownership"). Each piece takes SQL
 * expressions (a column of the caller's query, or a `$n` parameter) that the caller controls; never user input. The
 * functions take the caller's EntityManager, so they join its transaction.
 */

/** A facility column the other libraries may read. */
export type FacilityColumn = 'name' | 'status' | 'region_code' | 'owner_id';

/** SQL: the facility `facilityId`'s `column` (a scalar subquery; NULL when there is no such facility). */
export function facilityColumnSql(facilityId: string, column: FacilityColumn): string {
  return `(SELECT fa.${column} FROM facilities fa WHERE fa.id = ${facilityId})`;
}

/** SQL: true when the facility `facilityId` belongs to the owner `ownerId` (an operator's reach). */
export function facilityOwnedBySql(facilityId: string, ownerId: string): string {
  return `EXISTS (SELECT 1 FROM facilities fa WHERE fa.id = ${facilityId} AND fa.owner_id = ${ownerId})`;
}

/** SQL: true when the facility `facilityId` is in one of the statuses `statuses` (a text[] expression). */
export function facilityInStatusesSql(facilityId: string, statuses: string): string {
  return `EXISTS (SELECT 1 FROM facilities fa WHERE fa.id = ${facilityId} AND fa.status = ANY(${statuses}))`;
}

/** The ids of facilities in these statuses after `after`, in id order, `limit` at most (a walk over them in chunks). */
export async function facilityIdsWithStatus(
  m: Pick<EntityManager, 'query'>,
  statuses: readonly string[],
  after: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    'SELECT id FROM facilities WHERE id > $1 AND status = ANY($2::text[]) ORDER BY id LIMIT $3',
    [after, statuses, limit],
  );
  return rows.map((r) => r.id);
}

/** SQL: true when the facility `facilityId` is not closed (libs/staff: a multi-listing counts open facilities only). */
export function facilityNotClosedSql(facilityId: string): string {
  return `EXISTS (SELECT 1 FROM facilities fa WHERE fa.id = ${facilityId} AND fa.status <> 'closed')`;
}

/** SQL: the class `classId`'s name (NULL when there is no such class). */
export function classNameSql(classId: string): string {
  return `(SELECT cl.name FROM classes cl WHERE cl.id = ${classId})`;
}

/** What an application needs to know about a chosen facility. */
export interface ChosenFacility {
  id: string;
  name: string;
  status: string;
  regionCode: string;
  ownerId: string;
  /** Whether it has a class of one of the age groups asked about. */
  takes: boolean;
}

/** The facilities among `ids` (absent ones left out), each with whether it has a class of one of `ageGroups`. */
export async function chosenFacilities(m: EntityManager, ids: readonly string[], ageGroups: readonly string[]): Promise<ChosenFacility[]> {
  const rows: { id: string; name: string; status: string; region_code: string; owner_id: string; takes: boolean }[] = await m.query(
    `SELECT f.id, f.name, f.status, f.region_code, f.owner_id,
            EXISTS (SELECT 1 FROM classes c WHERE c.facility_id = f.id AND c.age_group = ANY($2::text[])) AS takes
       FROM facilities f WHERE f.id = ANY($1::uuid[])`,
    [ids, ageGroups],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, regionCode: r.region_code, ownerId: r.owner_id, takes: r.takes }));
}

/** The class `classId` of the facility `facilityId`, or null. */
export async function classOfFacility(
  m: EntityManager,
  classId: string,
  facilityId: string,
): Promise<{ id: string; ageGroup: string; name: string } | null> {
  const [row]: { id: string; age_group: string; name: string }[] = await m.query(
    'SELECT id, age_group, name FROM classes WHERE id = $1 AND facility_id = $2',
    [classId, facilityId],
  );
  return row ? { id: row.id, ageGroup: row.age_group, name: row.name } : null;
}

/**
 * SQL: the facilities' heading columns, to join a row of the caller's to its facility as a subquery:
 * `JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = x.facility_id` (libs/filing's change filings).
 */
export const FACILITY_HEADINGS_SQL = 'SELECT id, name, region_code, owner_id, status, registered_at FROM facilities';

/** SQL: true when the facility `facilityId` is in the reach (the reach's values are pushed onto `params`). */
export function facilityInReachSql(reach: Reach, params: unknown[], facilityId: string): string {
  const predicate = reachPredicate(reach, { unitCode: 'rf.region_code', ownerId: 'rf.owner_id' }, params);
  return `${facilityId} IN (SELECT rf.id FROM facilities rf WHERE ${predicate})`;
}

/** The facilities with these ids (in no particular order; absent ones left out). */
/**
 * `column = ANY(one array parameter)`, never TypeORM's `In`, which binds one parameter per id: the full alert scan
 * reads every registered facility, and PostgreSQL refuses a statement with more than 65,535 parameters.
 */
const anyOf = (ids: readonly string[]) => Raw((column) => `${column} = ANY(CAST(:ids AS uuid[]))`, { ids: [...ids] });

export async function facilitiesByIds(m: EntityManager, ids: readonly string[]): Promise<FacilityEntity[]> {
  return ids.length ? m.getRepository(FacilityEntity).findBy({ id: anyOf(ids) }) : [];
}

/** The facilities in these statuses within the reach, optionally in one unit (the inspection plan). */
export async function facilitiesInScope(
  m: EntityManager,
  reach: Reach,
  statuses: readonly FacilityStatus[],
  regionCode?: string,
): Promise<FacilityEntity[]> {
  const params: unknown[] = [];
  const where = [
    `f.status = ANY($${params.push(statuses)}::text[])`,
    reachPredicate(reach, { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params),
  ];
  if (regionCode) where.push(`f.region_code = $${params.push(regionCode)}`);
  const rows: { id: string }[] = await m.query(`SELECT f.id FROM facilities f WHERE ${where.join(' AND ')}`, params);
  return facilitiesByIds(
    m,
    rows.map((r) => r.id),
  );
}

/** The classes of these facilities, oldest first (by id among those created at once). */
export async function classesOf(m: EntityManager, facilityIds: readonly string[]): Promise<ClassEntity[]> {
  if (facilityIds.length === 0) return [];
  return m.getRepository(ClassEntity).find({ where: { facilityId: anyOf(facilityIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** How many of `classIds` are classes of the facility. */
export async function countClassesOf(m: EntityManager, facilityId: string, classIds: readonly string[]): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM classes WHERE facility_id = $1 AND id = ANY($2::uuid[])', [
    facilityId,
    classIds,
  ]);
  return n;
}

/** A class with a free place (neither enrolled nor held) at a registered facility near another one (placement plans). */
export interface ReceivingClass {
  facilityId: string;
  classId: string;
  name: string;
  ageGroup: ClassEntity['ageGroup'];
  vacancies: number;
  distanceM: number;
}

/** Classes with room at registered facilities within `radiusM` of the facility (IDX_facilities_location_registered). */
export async function receivingClassesNear(m: EntityManager, facilityId: string, radiusM: number): Promise<ReceivingClass[]> {
  const rows: {
    facility_id: string;
    class_id: string;
    name: string;
    age_group: ClassEntity['ageGroup'];
    vacancies: number;
    distance_m: number;
  }[] = await m.query(
    `SELECT f.id AS facility_id, c.id AS class_id, f.name, c.age_group, c.places - c.enrolled - c.held AS vacancies,
            ST_Distance(f.location, src.location) AS distance_m
       FROM facilities src
       JOIN facilities f ON f.status = 'registered' AND f.id <> src.id AND ST_DWithin(f.location, src.location, $2)
       JOIN classes c ON c.facility_id = f.id AND c.enrolled + c.held < c.places
      WHERE src.id = $1`,
    [facilityId, radiusM],
  );
  return rows.map((r) => ({
    facilityId: r.facility_id,
    classId: r.class_id,
    name: r.name,
    ageGroup: r.age_group,
    vacancies: r.vacancies,
    distanceM: Number(r.distance_m),
  }));
}

/** The fields a lifecycle step of libs/filing sets besides the status. */
export type LifecycleFields = Partial<
  Pick<
    FacilityEntity,
    'submittedAt' | 'rejectionReason' | 'registrationNo' | 'registeredAt' | 'statusReason' | 'closedAt' | 'placementPlan'
  >
>;

/** Writes a lifecycle step that libs/filing decided: the new status, the step's fields and version + 1. */
export async function writeLifecycleStep(
  m: EntityManager,
  facility: FacilityEntity,
  status: FacilityStatus,
  fields: LifecycleFields,
): Promise<void> {
  await m.update(FacilityEntity, { id: facility.id }, { ...fields, status, version: facility.version + 1 } as never);
}
