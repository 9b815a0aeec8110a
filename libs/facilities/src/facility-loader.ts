import type { EntityManager } from 'typeorm';
import type { FacilityKind, FacilityStatus } from '@lib/standards';
import { ClassEntity, FacilityEntity } from './facility.entity.js';

/**
 * Loaders: facilities and classes written as given, dates and statuses included, for the demo seed (which builds three
 * years of history). Not for requests: they skip the rules, the audit trail and the events, which a loader records
 * itself. Only this library names the tables in SQL (docs/architecture.md "Table ownership").
 */

/** A facility as a loader writes it; its public location is derived here as on every write. */
export interface LoadedFacility {
  id: string;
  ownerId: string;
  name: string;
  creditCode: string;
  kind: FacilityKind;
  ownership: string;
  affordable: boolean;
  medicalIntegrated: boolean;
  servesMeals: boolean;
  serviceTypes: string[];
  address: string;
  lng: number;
  lat: number;
  /** The home-based point's public offset (publicOffset(id)). */
  publicOffset: { distanceM: number; bearingDeg: number };
  floors: number[];
  indoorAreaM2: number;
  outdoorAreaM2: number;
  monthlyFee: number;
  phone: string;
  openingHours: string;
  exitCount: number;
  /** The filing documents (FilingDocument of @lib/standards), stored as JSON. */
  documents: readonly object[];
  regionCode: string;
  status: FacilityStatus;
  registrationNo: string | null;
  submittedAt: Date | null;
  registeredAt: Date | null;
  closedAt: Date | null;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function countFacilities(m: EntityManager): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM facilities');
  return n;
}

/** Writes one facility as given (version 2, surveillance declared). */
export async function loadFacility(m: EntityManager, f: LoadedFacility): Promise<void> {
  await m.query(
    `INSERT INTO facilities (id, owner_id, name, credit_code, kind, ownership, affordable, medical_integrated, serves_meals, service_types,
        address, location, public_location, floors, indoor_area_m2, outdoor_area_m2, monthly_fee, phone, opening_hours, exit_count,
        surveillance, documents, region_code, status, registration_no, submitted_at, registered_at, closed_at, status_reason, version,
        created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
        ST_SetSRID(ST_MakePoint($12, $13), 4326)::geography,
        CASE WHEN $5 = 'family' THEN ST_Project(ST_SetSRID(ST_MakePoint($12, $13), 4326)::geography, $14, radians($15)) ELSE ST_SetSRID(ST_MakePoint($12, $13), 4326)::geography END,
        $16, $17, $18, $19, $20, $21, $22, true, $23, $24, $25, $26, $27, $28, $29, $30, 2, $31, $32)`,
    [
      f.id,
      f.ownerId,
      f.name,
      f.creditCode,
      f.kind,
      f.ownership,
      f.affordable,
      f.medicalIntegrated,
      f.servesMeals,
      f.serviceTypes,
      f.address,
      f.lng,
      f.lat,
      f.publicOffset.distanceM,
      f.publicOffset.bearingDeg,
      f.floors,
      f.indoorAreaM2,
      f.outdoorAreaM2,
      f.monthlyFee,
      f.phone,
      f.openingHours,
      f.exitCount,
      JSON.stringify(f.documents),
      f.regionCode,
      f.status,
      f.registrationNo,
      f.submittedAt,
      f.registeredAt,
      f.closedAt,
      f.statusReason,
      f.createdAt,
      f.updatedAt,
    ],
  );
}

/** Writes classes as given; the caller then refreshes the facilities' class summaries (refreshClassSummaries). */
export async function loadClasses(m: EntityManager, rows: Partial<ClassEntity>[]): Promise<void> {
  if (rows.length) await m.insert(ClassEntity, rows as never);
}

/**
 * The second release's 普惠 status as the health regulator recognised it (docs/registry.md): most affordable
 * approved facilities whose fee is within the city ceiling are recognised, the others have applied; three
 * recognitions expire within 30 days (the alert). Chosen by the facility ids' hashes, which the seeded generator made.
 */
export async function loadDemoRecognitions(m: EntityManager): Promise<void> {
  const pick = (salt: string, percent: number) => `('x' || substr(md5(id::text || '${salt}'), 1, 6))::bit(24)::int % 100 < ${percent}`;
  await m.query(
    `UPDATE facilities SET
        affordable_status = CASE WHEN status IN ('registered', 'suspended', 'closed') AND monthly_fee <= 3000 AND ${pick('aff', 85)}
                                 THEN 'recognized' ELSE 'applied' END,
        affordable_max_monthly_fee = CASE WHEN status IN ('registered', 'suspended', 'closed') AND monthly_fee <= 3000 AND ${pick('aff', 85)}
                                          THEN 3000 END,
        affordable_valid_until = CASE WHEN status IN ('registered', 'suspended', 'closed') AND monthly_fee <= 3000 AND ${pick('aff', 85)}
                                      THEN (registered_at AT TIME ZONE 'Asia/Shanghai')::date + 3 * 365 + (${pick('soon', 5)})::int * -1000 END,
        affordable_decided_at = CASE WHEN status IN ('registered', 'suspended', 'closed') AND monthly_fee <= 3000 AND ${pick('aff', 85)}
                                     THEN registered_at + interval '20 days' END
      WHERE affordable`,
  );
  await m.query(
    `UPDATE facilities SET affordable_valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 20
      WHERE id IN (SELECT id FROM facilities WHERE affordable_status = 'recognized' ORDER BY md5(id::text) LIMIT 3)`,
  );
}

/** `limit` registered facilities other than home-based ones, in the order of their ids' hashes (the demo's change filings). */
export async function demoChangeCandidates(
  m: EntityManager,
  limit: number,
): Promise<{ id: string; owner_id: string; region_code: string; exit_count: number; kind: string }[]> {
  return m.query(
    `SELECT id, owner_id, region_code, exit_count, kind FROM facilities WHERE status = 'registered' AND kind <> 'family'
      ORDER BY md5(id::text || 'change') LIMIT $1`,
    [limit],
  );
}

/** The facilities in these statuses, by id, with their owner and registration time (the demo's history). */
export async function facilitiesWithStatus(
  m: EntityManager,
  statuses: readonly FacilityEntity['status'][],
): Promise<{ id: string; owner_id: string; registered_at: Date }[]> {
  return m.query('SELECT id, owner_id, registered_at FROM facilities WHERE status = ANY($1::text[]) ORDER BY id', [statuses]);
}

/** The registered facilities of a unit, by id, with the age groups they take and those with a free place. */
export async function registeredFacilitiesOfUnit(
  m: EntityManager,
  regionCode: string,
): Promise<{ id: string; age_groups: string[]; vacant_groups: string[] }[]> {
  return m.query(
    `SELECT f.id, f.age_groups,
            ARRAY(SELECT DISTINCT c.age_group FROM classes c WHERE c.facility_id = f.id AND c.enrolled + c.held < c.places) AS vacant_groups
       FROM facilities f WHERE f.region_code = $1 AND f.status = 'registered' ORDER BY f.id`,
    [regionCode],
  );
}

/** Classes with a free place at registered facilities, by facility, name and id, with the facility's owner. */
export async function vacantClassesOfRegistered(
  m: EntityManager,
): Promise<{ id: string; facility_id: string; age_group: string; owner_id: string }[]> {
  return m.query(
    `SELECT c.id, c.facility_id, c.age_group, f.owner_id FROM classes c JOIN facilities f ON f.id = c.facility_id
      WHERE f.status = 'registered' AND c.enrolled + c.held < c.places ORDER BY c.facility_id, c.name, c.id`,
  );
}

/** One registered facility per unit (the lowest id), with its credit code. */
export async function oneRegisteredPerUnit(m: EntityManager): Promise<{ id: string; regionCode: string; creditCode: string }[]> {
  return m.query(
    `SELECT DISTINCT ON (region_code) id, region_code AS "regionCode", credit_code AS "creditCode"
       FROM facilities WHERE status = 'registered' ORDER BY region_code, id`,
  );
}
