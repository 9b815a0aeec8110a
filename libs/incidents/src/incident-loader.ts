import type { EntityManager } from 'typeorm';
import { facilitiesByIds } from '@lib/facilities';
import { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';

/**
 * Loaders: incidents, their timelines and drills written as given, dates and states included, for the demo seed
 * (three years of history). Skip the rules, the audit trail and the events; only this library names these tables
 * (docs/architecture.md "Table ownership"). An incident's unit (`regionCode`) is its facility's when not given.
 */

export async function countIncidents(m: EntityManager): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM incidents');
  return n;
}

export async function loadIncidents(
  m: EntityManager,
  incidents: Partial<IncidentEntity>[],
  updates: Partial<IncidentUpdateEntity>[],
): Promise<void> {
  // The unit is the facility's (incidents.region_code is a copy of it), unless given.
  const missing = [...new Set(incidents.filter((i) => !i.regionCode).map((i) => i.facilityId!))];
  const unitOf = new Map((await facilitiesByIds(m, missing)).map((f) => [f.id, f.regionCode]));
  const rows = incidents.map((i) => (i.regionCode ? i : { ...i, regionCode: unitOf.get(i.facilityId!) }));
  if (rows.length) await m.getRepository(IncidentEntity).insert(rows as never);
  if (updates.length) await m.getRepository(IncidentUpdateEntity).insert(updates as never);
}

/** Writes drills as given, a thousand at a time. */
export async function loadDrills(m: EntityManager, drills: Partial<DrillEntity>[]): Promise<void> {
  for (let i = 0; i < drills.length; i += 1000) await m.getRepository(DrillEntity).insert(drills.slice(i, i + 1000) as never);
}
