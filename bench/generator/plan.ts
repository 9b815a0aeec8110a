import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StaffService } from '../../libs/staff/src/staff.service.js';
import { FilingService } from '../../libs/filing/src/filing.service.js';
import { PlanItemsService } from '../../libs/inspections/src/plan-items.js';
import { SnakeNamingStrategy } from '../../libs/core/src/database.js';

/**
 * The inspection plan's rows (inspection_plan_items) of a generated database, computed by the application's own code
 * as the worker's nightly refresh does (PlanItemsService.refreshAll, 500 facilities a transaction), on a TypeORM
 * DataSource of its own: the failure counts read facilities and classes through their entities. Only the query paths
 * of StaffService and FilingService run: the services they would otherwise call are not needed. Returns the rows.
 */
export async function fillInspectionPlan(url: string): Promise<number> {
  process.env.DATABASE_URL ??= url;
  const { entities } = await import('../../migrations/data-source.js');
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { options: '-c jit=off' },
  });
  await ds.initialize();
  try {
    const staff = new StaffService(
      ds,
      { encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) },
      null as never,
      null as never,
      null as never,
    );
    const filing = new FilingService(ds, null as never, staff, null as never, null as never);
    return await new PlanItemsService(ds, filing).refreshAll();
  } finally {
    await ds.destroy();
  }
}
