import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspection plan kept as rows (issue #19 item 1): one per inspectable facility and domain, with the risk score,
 * `due` and reasons of rules/risk.ts computed by the worker from the events that change an input, and every night for
 * the inputs that change with the date (libs/inspections/src/plan-items.ts). The list reads a page of an index instead
 * of scoring every facility in reach per request.
 *
 * `rank` folds the first two keys of the plan's order (risk descending, due first) into one ascending number, so that
 * the whole order is ascending and a keyset cursor is one row comparison the index bounds. `name` sorts as the zh
 * locale does (pinyin), as the plan sorted in memory with localeCompare(…, 'zh'). One index per reach (all, a city's
 * units, one unit), each also partial on `due` for dueOnly.
 *
 * Filled by the worker (its start-up refresh) or, for generated databases, by the bench generator.
 */
export class InspectionPlanItems1766030000000 implements MigrationInterface {
  name = 'InspectionPlanItems1766030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspection_plan_items (
      facility_id uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
      domain text NOT NULL,
      region_code char(6) NOT NULL,
      city_code char(4) NOT NULL,
      name text COLLATE "zh-x-icu" NOT NULL,
      risk_score smallint NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
      due boolean NOT NULL,
      rank smallint NOT NULL,
      reasons jsonb NOT NULL,
      last_inspected_at timestamptz,
      computed_on date NOT NULL,
      CONSTRAINT "PK_inspection_plan_items" PRIMARY KEY (facility_id, domain),
      CONSTRAINT "CHK_inspection_plan_items_rank" CHECK (rank = (100 - risk_score) * 2 + CASE WHEN due THEN 0 ELSE 1 END)
    )`);
    const order = 'rank, name, domain, facility_id';
    await q.query(`CREATE INDEX "IDX_plan_items_all" ON inspection_plan_items (${order})`);
    await q.query(`CREATE INDEX "IDX_plan_items_all_due" ON inspection_plan_items (${order}) WHERE due`);
    await q.query(`CREATE INDEX "IDX_plan_items_city" ON inspection_plan_items (city_code, ${order})`);
    await q.query(`CREATE INDEX "IDX_plan_items_city_due" ON inspection_plan_items (city_code, ${order}) WHERE due`);
    await q.query(`CREATE INDEX "IDX_plan_items_unit" ON inspection_plan_items (region_code, ${order})`);
    await q.query(`CREATE INDEX "IDX_plan_items_unit_due" ON inspection_plan_items (region_code, ${order}) WHERE due`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection_plan_items');
  }
}
