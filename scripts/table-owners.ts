/**
 * One owner per table (docs/architecture.md "Table ownership"); `npm run lint` enforces it with
 * scripts/check-table-owners.ts.
 *
 * - `owner`: the only library whose SQL (raw query strings, template literals) may name the table, and the only one
 *   that may use its entity class. Everything that writes the table lives there; other libraries read through the
 *   query functions or SQL modules it exports.
 * - `readModels`: read-model libraries (search, targets, reports, …) that may also READ the table in raw SQL, but only
 *   in a file whose leading comment says `Read model:` and names the table. They never write it.
 *
 * A new table: add it here with its library (and its read models, if any) in the same commit as its migration.
 * A new library: add it to the ORDER in .dependency-cruiser.cjs as well.
 */
export interface TableRule {
  /** The library under libs/ that owns the table. */
  owner: string;
  /** Read-model libraries that may read it in a file declaring `Read model: <table>` at the top. */
  readModels?: readonly string[];
}

export const TABLE_OWNERS: Readonly<Record<string, TableRule>> = {
  idempotency_keys: { owner: 'core' },
  users: { owner: 'auth' },
  audit_entries: { owner: 'audit' },
  outbox: { owner: 'events' },
  regions: { owner: 'regions', readModels: ['search', 'targets', 'reports'] },
  region_populations: { owner: 'regions', readModels: ['targets', 'reports'] },
  facilities: { owner: 'facilities', readModels: ['search', 'targets', 'reports', 'complaints', 'credit'] },
  classes: { owner: 'facilities', readModels: ['search', 'targets', 'reports'] },
  staff: { owner: 'staff', readModels: ['targets', 'reports'] },
  registration_sequences: { owner: 'filing' },
  change_filings: { owner: 'filing', readModels: ['targets'] },
  inspections: { owner: 'inspections', readModels: ['search', 'targets', 'reports', 'credit'] },
  inspection_amendments: { owner: 'inspections' },
  latest_inspections: { owner: 'inspections', readModels: ['search'] },
  inspection_plan_items: { owner: 'inspections' },
  inspection_plan_refreshed: { owner: 'inspections' },
  inspection_year_counts: { owner: 'inspections', readModels: ['reports'] },
  rectification_orders: { owner: 'inspections', readModels: ['targets', 'reports'] },
  region_figures: { owner: 'targets', readModels: ['reports'] },
  region_figure_snapshots: { owner: 'targets' },
  alerts: { owner: 'targets' },
  annual_reports: { owner: 'reports' },
  incidents: { owner: 'incidents' },
  incident_updates: { owner: 'incidents' },
  drills: { owner: 'incidents' },
  applications: { owner: 'applications', readModels: ['targets', 'reports'] },
  application_choices: { owner: 'applications', readModels: ['targets', 'reports'] },
  offers: { owner: 'applications' },
  complaints: { owner: 'complaints' },
  penalties: { owner: 'credit' },
  credit_levels: { owner: 'credit' },
  map_grid_cells: { owner: 'search' },
  map_grid_points: { owner: 'search' },
};

/**
 * Files outside a table's library that still name it, each to be moved into the owning library. The check fails on
 * an entry that no longer matches anything, so this list only shrinks; it is empty now (issue #12). Do not add to it.
 */
export const NOT_YET_OWNED: readonly { file: string; table: string }[] = [];
