import type { EntityManager } from 'typeorm';
import { currentChecklist } from './checklists/index.js';
import { refreshLatestInspections } from './latest-inspections.js';
import { refreshYearlyCounts } from './yearly-counts.js';
import { InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';

/**
 * Loader: inspections and their orders written as given, dates and states included, for the demo seed (two years of
 * history). Skips the rules, the audit trail and the events; only this library names these tables
 * (docs/architecture.md "Table ownership").
 */

export async function countInspections(m: EntityManager): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM inspections');
  return n;
}

/**
 * The rows whose checklist is not the version in force on their day (`inspectedOn`), as a recorded inspection's would
 * be (docs/inspections.md "Versions"): a past visit of the demo answers the version of its day, never today's.
 */
export function wrongChecklistVersions(inspections: Partial<InspectionEntity>[]): string[] {
  return inspections
    .filter((i) => !i.domain || !i.inspectedOn || i.checklistVersion !== currentChecklist(i.domain, i.inspectedOn).version)
    .map((i) => `${i.domain ?? '?'} ${i.inspectedOn ?? '?'} v${i.checklistVersion ?? '?'}`);
}

export async function loadInspections(
  m: EntityManager,
  inspections: Partial<InspectionEntity>[],
  orders: Partial<RectificationOrderEntity>[],
): Promise<void> {
  const wrong = wrongChecklistVersions(inspections);
  if (wrong.length) throw new RangeError(`loadInspections: not the checklist version in force that day: ${wrong.join(', ')}`);
  if (inspections.length) {
    await m.getRepository(InspectionEntity).insert(inspections as never);
    await refreshLatestInspections(m, [...new Set(inspections.map((i) => i.facilityId!))]);
  }
  if (orders.length) await m.getRepository(RectificationOrderEntity).insert(orders as never);
  await refreshYearlyCounts(m, [...new Set([...inspections, ...orders].map((r) => r.facilityId!))]);
}
