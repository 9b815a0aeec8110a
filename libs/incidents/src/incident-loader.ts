import type { EntityManager } from 'typeorm';
import { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';

/**
 * Loaders: incidents, their timelines and drills written as given, dates and states included, for the demo seed
 * (three years of history). Skip the rules, the audit trail and the events; only this library names these tables
 * (docs/architecture.md "Table ownership").
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
  if (incidents.length) await m.getRepository(IncidentEntity).insert(incidents as never);
  if (updates.length) await m.getRepository(IncidentUpdateEntity).insert(updates as never);
}

/** Writes drills as given, a thousand at a time. */
export async function loadDrills(m: EntityManager, drills: Partial<DrillEntity>[]): Promise<void> {
  for (let i = 0; i < drills.length; i += 1000) await m.getRepository(DrillEntity).insert(drills.slice(i, i + 1000) as never);
}
