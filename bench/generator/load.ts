import type pg from 'pg';
import type { Domain } from '../../libs/inspections/src/inspection-rules.types.js';
import { CopySink, type Field } from './copy.js';
import { iso } from './dates.js';
import { FACILITY_COLUMNS, facilityRow, planFacilities, RegistrationNumbers, type Facility } from './facilities.js';
import { INSPECTION_COLUMNS, inspectionRows, inspectionWeight, ORDER_COLUMNS } from './inspections.js';
import type { GenerateOptions } from './options.js';
import type { Timed } from './phases.js';
import { Progress } from './progress.js';
import { apportion } from './random.js';
import { boundaryEwkt, generateRegions, type City } from './regions.js';
import { CLASS_COLUMNS, classRows, staffNeeded, staffRows, STAFF_COLUMNS } from './staff.js';
import { generateUsers, inspectorFor, USER_COLUMNS, type People } from './users.js';
import { APPLICATION_COLUMNS, applicationRows, CHOICE_COLUMNS, facilitiesByUnit, PARENT_COLUMNS, parentRows } from './applications.js';

/**
 * One argon2id hash of "bench-password" (fixed salt, the app's parameters) for every account, so load scripts can
 * sign in as anyone: hashing thousands of passwords would dominate the small tables, and a fixed string keeps the
 * database the same for the same seed.
 */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2gtZ2VuZXJhdG9yLXNhbHQ$FGiZa2WOQXEGkmHHTvK83CiWfXP+fv62KVZNzwVvZP4';

/** Loads every table in dependency order; the two large per-facility phases run at the same time on their own connections. */
export async function loadAll(o: GenerateOptions, clients: readonly pg.Client[], timed: Timed): Promise<void> {
  const [a, b, c, d] = clients as [pg.Client, pg.Client, pg.Client, pg.Client];
  const { cities, people } = await timed('regions + users', () => loadRegionsAndUsers(o, a));
  const facilities = await timed('facilities', () => loadFacilities(o, a, cities, people));
  // One progress line for both: staff rows and inspection rows.
  const progress = new Progress('staff + inspections', o.staff + o.inspections);
  await timed('classes + staff + inspections + orders', () =>
    Promise.all([loadClassesAndStaff(o, a, b, facilities, progress), loadInspections(o, c, d, facilities, people, progress)]),
  );
  progress.finish();
  await timed('parents + applications', () => loadApplications(o, a, b, facilities));
}

/** Parent accounts and their applications with choices (no offers: the benchmark makes its own). */
async function loadApplications(o: GenerateOptions, a: pg.Client, b: pg.Client, facilities: Facility[]): Promise<void> {
  const parents = parentRows(o.seed, Math.ceil(o.applications / 1.1), PASSWORD_HASH, o.now);
  const users = await CopySink.open(a, 'users', PARENT_COLUMNS, false);
  for (const row of parents.rows) await users.write(row);
  await users.close();
  const progress = new Progress('applications', o.applications);
  // Choices name facilities (whose keys are restored later) and applications: the applications go first.
  const applications = await CopySink.open(a, 'applications', APPLICATION_COLUMNS, false);
  const choices: Field[][] = [];
  for (const g of applicationRows(o.seed, o.applications, parents.ids, facilitiesByUnit(facilities), o.now)) {
    await applications.write(g.application);
    choices.push(...g.choices);
    progress.add(1);
  }
  await applications.close();
  const sink = await CopySink.open(b, 'application_choices', CHOICE_COLUMNS, false);
  for (const row of choices) await sink.write(row);
  await sink.close();
  progress.finish();
}

async function loadRegionsAndUsers(o: GenerateOptions, client: pg.Client): Promise<{ cities: City[]; people: People }> {
  const cities = generateRegions(o.seed, o.units);
  const regions = await CopySink.open(client, 'regions', ['code', 'name', 'name_en', 'level', 'kind', 'parent_code', 'boundary'], false);
  for (const city of cities) await regions.write([city.code, city.name, city.nameEn, 'city', 'city', null, null]);
  for (const unit of cities.flatMap((city) => city.units)) {
    await regions.write([unit.code, unit.name, unit.nameEn, unit.level, unit.kind, unit.cityCode, boundaryEwkt(unit)]);
  }
  await regions.close();

  const populations = await CopySink.open(
    client,
    'region_populations',
    ['region_code', 'year', 'population', 'source', 'updated_at'],
    false,
  );
  for (const unit of cities.flatMap((city) => city.units)) {
    await populations.write([unit.code, 2020, unit.population, 'synthetic (bench generator), census 2020-like', iso(o.now)]);
  }
  await populations.close();

  const people = generateUsers(o.seed, cities, o.operators, PASSWORD_HASH, o.now);
  const users = await CopySink.open(client, 'users', USER_COLUMNS, false);
  for (const row of people.rows) await users.write(row);
  await users.close();
  return { cities, people };
}

async function loadFacilities(o: GenerateOptions, client: pg.Client, cities: City[], people: People): Promise<Facility[]> {
  const facilities = planFacilities(o.seed, cities, o.facilities, people.operatorIds, o.now);
  const progress = new Progress('facilities', facilities.length);
  const sink = await CopySink.open(client, 'facilities', FACILITY_COLUMNS, true);
  const numbers = new RegistrationNumbers();
  for (const f of facilities) {
    await sink.write(facilityRow(f, numbers, o.seed, o.now));
    progress.add(1);
  }
  await sink.close();
  progress.finish();
  return facilities;
}

async function loadClassesAndStaff(
  o: GenerateOptions,
  a: pg.Client,
  b: pg.Client,
  facilities: Facility[],
  progress: Progress,
): Promise<void> {
  const quotas = apportion(o.staff, facilities.map(staffNeeded));
  const classes = await CopySink.open(a, 'classes', CLASS_COLUMNS, true);
  const staff = await CopySink.open(b, 'staff', STAFF_COLUMNS, true);
  const shared = { index: null as string | null };
  for (const f of facilities) {
    for (const row of classRows(f)) await classes.write(row);
    const rows = staffRows(f, quotas[f.index]!, o.seed, o.now, shared);
    for (const row of rows) await staff.write(row);
    progress.add(rows.length);
  }
  await Promise.all([classes.close(), staff.close()]);
}

async function loadInspections(
  o: GenerateOptions,
  a: pg.Client,
  b: pg.Client,
  facilities: Facility[],
  people: People,
  progress: Progress,
): Promise<void> {
  const quotas = apportion(
    o.inspections,
    facilities.map((f) => inspectionWeight(f, o.now)),
  );
  const inspections = await CopySink.open(a, 'inspections', INSPECTION_COLUMNS, true);
  const orders = await CopySink.open(b, 'rectification_orders', ORDER_COLUMNS, true);
  for (const f of facilities) {
    const inspectorOf = (d: Domain) => inspectorFor(people, f.unit.cityCode, d);
    const batch = inspectionRows(f, quotas[f.index]!, o.seed, o.now, inspectorOf);
    for (const row of batch.inspections) await inspections.write(row);
    for (const row of batch.orders) await orders.write(row);
    progress.add(batch.inspections.length);
  }
  await Promise.all([inspections.close(), orders.close()]);
}
