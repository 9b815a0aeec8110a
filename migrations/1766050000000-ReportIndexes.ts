import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual report's yearly job at N (issue #19 item 7): its statement read the whole inspections heap (17 GB at N,
 * 11-13 s) and every rectification order (4.3 million, 6 s) to count the year's. These indexes answer the year's
 * rows index-only: inspections by date with what is counted, orders by when they were opened and resolved. And a
 * unit's unresolved orders facility by facility, for the orders list in a region's reach (issue #19 item 1).
 * On a large table in production, build them CONCURRENTLY by hand before deploying (docs/deployment.md).
 */
export class ReportIndexes1766050000000 implements MigrationInterface {
  name = 'ReportIndexes1766050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS "IDX_inspections_on" ON inspections (inspected_on) INCLUDE (facility_id, domain, outcome)');
    await q.query(
      'CREATE INDEX IF NOT EXISTS "IDX_rectification_orders_created" ON rectification_orders (created_at) INCLUDE (facility_id)',
    );
    await q.query(
      'CREATE INDEX IF NOT EXISTS "IDX_rectification_orders_resolved" ON rectification_orders (resolved_at) INCLUDE (facility_id) WHERE resolved_at IS NOT NULL',
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS "IDX_rectification_orders_facility_unresolved" ON rectification_orders (facility_id, due_on) WHERE status <> 'resolved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_rectification_orders_facility_unresolved"');
    await q.query('DROP INDEX "IDX_rectification_orders_resolved"');
    await q.query('DROP INDEX "IDX_rectification_orders_created"');
    await q.query('DROP INDEX "IDX_inspections_on"');
  }
}
