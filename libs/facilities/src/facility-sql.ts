import type { EntityManager } from 'typeorm';

/**
 * The reads of facilities and classes that other libraries (libs/applications, libs/staff) need, as query functions and SQL
 * pieces to embed in their own queries: the table names stay in this library (docs/architecture.md "Table
 * ownership"). Each piece takes SQL expressions (a column of the caller's query, or a `$n` parameter) that the caller
 * controls; never user input.
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
export const FACILITY_HEADINGS_SQL = 'SELECT id, name, region_code, owner_id, status FROM facilities';
