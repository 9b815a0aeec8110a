import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AGE_GROUP_NAMES, FACILITY_KINDS, SERVICE_TYPES, type AgeGroupName } from '@lib/standards';
import { rebuildMapGrid } from '@lib/search';

/** A small deterministic PRNG (mulberry32), so a failing fixture can be rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SearchFixtureRow {
  id: string;
  status: 'registered' | 'suspended' | 'draft' | 'closed';
  kind: (typeof FACILITY_KINDS)[number];
  affordable: boolean;
  monthlyFee: number;
  serviceTypes: string[];
  ageGroups: AgeGroupName[];
  vacantAgeGroups: AgeGroupName[];
  vacancies: number;
  /** The public point (what search measures from). */
  lat: number;
  lng: number;
}

/**
 * Facilities written straight into the table, for tests of the search SQL itself: random points within `spreadM`
 * of `centre`, varied kinds, fees, services, age groups and vacancies, and some that are not public. The class
 * summary columns are set as FacilityService would keep them, and the map's grid rebuilt. `regionCode` must cover the
 * points' area.
 */
export async function insertSearchFixture(
  db: DataSource,
  opts: {
    ownerId: string;
    regionCode: string;
    centre: { lat: number; lng: number };
    spreadM: number;
    count: number;
    seed: number;
    tag: string;
  },
): Promise<SearchFixtureRow[]> {
  const rand = seededRandom(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rows: SearchFixtureRow[] = [];
  for (let i = 0; i < opts.count; i++) {
    // Uniform in the disc: distance ∝ √u.
    const d = opts.spreadM * Math.sqrt(rand());
    const bearing = rand() * 2 * Math.PI;
    const lat = opts.centre.lat + ((d * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI);
    const lng = opts.centre.lng + ((d * Math.sin(bearing)) / (6_371_008.8 * Math.cos((opts.centre.lat * Math.PI) / 180))) * (180 / Math.PI);
    const ageGroups = AGE_GROUP_NAMES.filter(() => rand() < 0.5);
    if (ageGroups.length === 0) ageGroups.push(pick(AGE_GROUP_NAMES));
    const vacantAgeGroups = ageGroups.filter(() => rand() < 0.5);
    const r = rand();
    rows.push({
      id: randomUUID(),
      status: r < 0.8 ? 'registered' : r < 0.88 ? 'suspended' : r < 0.94 ? 'draft' : 'closed',
      kind: pick(FACILITY_KINDS),
      affordable: rand() < 0.5,
      monthlyFee: 1000 + 100 * Math.floor(rand() * 40),
      serviceTypes: SERVICE_TYPES.filter((_, k) => k === 0 || rand() < 0.3),
      ageGroups,
      vacantAgeGroups,
      vacancies: vacantAgeGroups.length ? 1 + Math.floor(rand() * 10) : 0,
      lat,
      lng,
    });
  }
  await db.query(
    `INSERT INTO facilities (id, owner_id, name, credit_code, kind, ownership, affordable, affordable_status, medical_integrated, serves_meals,
        service_types, address, location, public_location, floors, indoor_area_m2, outdoor_area_m2, monthly_fee, phone,
        opening_hours, exit_count, surveillance, region_code, status, registration_no, registered_at,
        age_groups, vacant_age_groups, place_count, vacancies, vacancies_updated_at)
     SELECT r.id, $1::uuid, 'fixture ' || $3::text || ' ' || r.n, '91220184MA0000000X', r.kind, 'private', r.affordable,
        CASE WHEN r.affordable THEN 'recognized' END, false, false,
        r.service_types, 'fixture address', ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)::geography,
        ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)::geography, '{1}', 100, 50, r.monthly_fee, '0431-00000000',
        '08:00-17:00', 2, true, $2::text, r.status,
        CASE WHEN r.status IN ('registered', 'suspended', 'closed') THEN 'TY-' || $2::text || '-F' || $3::text || '-' || r.n END,
        CASE WHEN r.status IN ('registered', 'suspended', 'closed') THEN now() END,
        r.age_groups, r.vacant_age_groups, 10 + r.vacancies, r.vacancies, now()
       FROM jsonb_to_recordset($4::jsonb) AS r(id uuid, n int, kind text, affordable boolean, service_types text[],
            lng float8, lat float8, monthly_fee int, status text, age_groups text[], vacant_age_groups text[], vacancies int)`,
    [
      opts.ownerId,
      opts.regionCode,
      opts.tag,
      JSON.stringify(
        rows.map((r, n) => ({
          id: r.id,
          n,
          kind: r.kind,
          affordable: r.affordable,
          service_types: r.serviceTypes,
          lng: r.lng,
          lat: r.lat,
          monthly_fee: r.monthlyFee,
          status: r.status,
          age_groups: r.ageGroups,
          vacant_age_groups: r.vacantAgeGroups,
          vacancies: r.vacancies,
        })),
      ),
    ],
  );
  // Written around the events, so the map's grid is rebuilt as the nightly repair would.
  await db.transaction((m) => rebuildMapGrid(m));
  return rows;
}
