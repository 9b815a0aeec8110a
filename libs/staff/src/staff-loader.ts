import type { EntityManager } from 'typeorm';
import { StaffEntity } from './staff.entity.js';

/**
 * Loader: staff records written as given (ID numbers already encrypted and blind-indexed), for the demo seed. Skips
 * the rules, the audit trail and the events; only this library names the staff table (docs/architecture.md
 * "Table ownership").
 */
export async function loadStaff(m: EntityManager, rows: Partial<StaffEntity>[]): Promise<void> {
  if (rows.length) await m.insert(StaffEntity, rows as never);
}
