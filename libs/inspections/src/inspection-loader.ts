import type { EntityManager } from 'typeorm';
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

export async function loadInspections(
  m: EntityManager,
  inspections: Partial<InspectionEntity>[],
  orders: Partial<RectificationOrderEntity>[],
): Promise<void> {
  if (inspections.length) await m.getRepository(InspectionEntity).insert(inspections as never);
  if (orders.length) await m.getRepository(RectificationOrderEntity).insert(orders as never);
}
