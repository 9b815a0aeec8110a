import { classTakesAge, queueGroupOf } from '../../libs/standards/src/waitlist.js';
import { CLASS_STANDARD } from '../../libs/standards/src/classes.js';
import type { Field } from './copy.js';
import { DAY_MS, iso, shanghaiDay } from './dates.js';
import type { Facility } from './facilities.js';
import { Random } from './random.js';

/**
 * Parents' applications (issue #17, docs/applications.md): each a waiting child of 6..36 months in its start month
 * (one to six months ahead), with one to three ranked choices among the registered facilities of one unit that have
 * a class for that age, applied for within the last 180 days. Most wait; some were placed (at their first choice) or
 * withdrawn, as the queues of a running city look. Parents: one per application, a tenth of them with a second child.
 */
export const APPLICATION_COLUMNS = [
  'id',
  'parent_id',
  'child_label',
  'child_birth_month',
  'start_month',
  'service_type',
  'age_months',
  'age_group',
  'status',
  'placed_facility_id',
  'created_at',
  'updated_at',
];
export const CHOICE_COLUMNS = ['application_id', 'rank', 'facility_id', 'status', 'age_group', 'start_month', 'applied_at', 'updated_at'];
export const PARENT_COLUMNS = [
  'id',
  'username',
  'password_hash',
  'display_name',
  'phone',
  'role',
  'agency',
  'region_code',
  'created_at',
  'updated_at',
];

const NICKNAMES = [...'米豆果糖朵乐安多妞团壮阳贝甜宝笑欢晨'];
const STATUSES = [
  ['waiting', 85],
  ['placed', 5],
  ['withdrawn', 10],
] as const;

function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export interface GeneratedApplication {
  application: Field[];
  choices: Field[][];
}

/** The registered facilities with classes, by unit: where the applications choose. */
export function facilitiesByUnit(facilities: readonly Facility[]): Map<string, Facility[]> {
  const out = new Map<string, Facility[]>();
  for (const f of facilities) {
    if (f.status !== 'registered' || f.classes.length === 0) continue;
    const list = out.get(f.unit.code) ?? out.set(f.unit.code, []).get(f.unit.code)!;
    list.push(f);
  }
  return out;
}

/**
 * `count` applications and `parents` parent accounts (ids in `parentIds`). Deterministic from the seed: the i-th
 * application is drawn from its own stream.
 */
export function* applicationRows(
  seed: number,
  count: number,
  parentIds: readonly string[],
  byUnit: ReadonlyMap<string, Facility[]>,
  now: number,
): Generator<GeneratedApplication> {
  const units = [...byUnit.keys()].sort();
  // Units weighted by their facilities (demand where the places are, and more where they are short: the weight
  // varies by unit so that the demand figures differ).
  const unitRand = new Random(seed, 'application-units');
  const weights = units.map((u) => byUnit.get(u)!.length * (0.3 + unitRand.next() * 1.7));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const thisMonth = shanghaiDay(now).slice(0, 7);
  const minAge = CLASS_STANDARD.ageGroups.infant.minMonths;
  const maxAge = CLASS_STANDARD.ageGroups.preschool.maxMonths;
  for (let i = 0; i < count; i++) {
    const rand = new Random(seed, 'application', i);
    const x = rand.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const unitFacilities = byUnit.get(units[lo]!)!;
    const first = rand.pick(unitFacilities);
    const cls = rand.pick(first.classes);
    // An age the first choice's class takes (mixed: 18..36).
    const range = CLASS_STANDARD.ageGroups[cls.ageGroup];
    const ageMonths = Math.max(minAge, Math.min(maxAge, rand.int(range.minMonths, range.maxMonths)));
    const group = queueGroupOf(ageMonths)!;
    const choices = [first];
    const wanted = rand.weighted([
      [1, 40],
      [2, 30],
      [3, 30],
    ] as const);
    for (let attempt = 0; attempt < 12 && choices.length < wanted; attempt++) {
      const f = rand.pick(unitFacilities);
      if (!choices.includes(f) && f.classes.some((c) => classTakesAge(c.ageGroup, ageMonths))) choices.push(f);
    }
    const startMonth = addMonths(thisMonth, rand.int(1, 6));
    const birthMonth = addMonths(startMonth, -ageMonths);
    const appliedAt = now - rand.int(0, 180 * DAY_MS - 1);
    const status = rand.weighted(STATUSES);
    const updatedAt = status === 'waiting' ? appliedAt : appliedAt + rand.int(0, now - appliedAt);
    const id = rand.uuid();
    const label = `${rand.pick(NICKNAMES)}${rand.pick(NICKNAMES)}`;
    yield {
      application: [
        id,
        parentIds[i % parentIds.length]!,
        // A parent's second child (the applications wrap around the parents) is told apart (the duplicate check).
        i < parentIds.length ? label : `${label}二`,
        birthMonth,
        startMonth,
        rand.chance(0.85) ? 'full_day' : 'half_day',
        ageMonths,
        group,
        status,
        status === 'placed' ? first.id : null,
        iso(appliedAt),
        iso(updatedAt),
      ],
      choices: choices.map((f, r) => [
        id,
        r + 1,
        f.id,
        status === 'waiting' ? 'waiting' : status === 'placed' && r === 0 ? 'placed' : 'withdrawn',
        group,
        startMonth,
        iso(appliedAt),
        iso(updatedAt),
      ]),
    };
  }
}

/** Parent accounts `parent-000001`…, with the generator's one password hash. */
export function parentRows(seed: number, count: number, passwordHash: string, now: number): { ids: string[]; rows: Field[][] } {
  const rand = new Random(seed, 'parents');
  const created = iso(now - 400 * DAY_MS);
  const ids: string[] = [];
  const rows: Field[][] = [];
  for (let i = 1; i <= count; i++) {
    const id = rand.uuid();
    ids.push(id);
    rows.push([id, `parent-${String(i).padStart(6, '0')}`, passwordHash, `家长 ${i}`, null, 'parent', null, null, created, created]);
  }
  return { ids, rows };
}
