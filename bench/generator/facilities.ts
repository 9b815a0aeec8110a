import { publicOffset } from '../../libs/facilities/src/public-location.js';
import { creditCodeCheckChar, CREDIT_CODE_CHARSET } from '../../libs/standards/src/checksums.js';
import { CLASS_STANDARD } from '../../libs/standards/src/classes.js';
import type { AgeGroupName, FacilityKind, FacilityStatus } from '../../libs/standards/src/registry-types.js';
import { arrayLiteral, type Field } from './copy.js';
import { DAY_MS, iso, shanghaiDay } from './dates.js';
import { apportion, Random } from './random.js';
import { pointIn, unitSizeM, type City, type Unit } from './regions.js';

export interface ClassPlan {
  id: string;
  name: string;
  ageGroup: AgeGroupName;
  places: number;
  enrolled: number;
  updatedAt: number;
}

/** What the later phases need of a facility; kept in memory (one per facility, not per row of its children). */
export interface Facility {
  index: number;
  id: string;
  unit: Unit;
  kind: FacilityKind;
  status: FacilityStatus;
  ownerId: string;
  servesMeals: boolean;
  createdAt: number;
  /** Registered, or else submitted: from when it is inspected. */
  activeFrom: number | null;
  closedAt: number | null;
  classes: ClassPlan[];
  /** 0..1: how likely its inspections find problems. */
  risk: number;
}

export const FACILITY_COLUMNS = [
  'id',
  'owner_id',
  'name',
  'credit_code',
  'kind',
  'ownership',
  'affordable',
  'medical_integrated',
  'serves_meals',
  'service_types',
  'address',
  'location',
  'public_location',
  'floors',
  'indoor_area_m2',
  'outdoor_area_m2',
  'monthly_fee',
  'phone',
  'opening_hours',
  'exit_count',
  'surveillance',
  'documents',
  'region_code',
  'status',
  'registration_no',
  'status_reason',
  'submitted_at',
  'registered_at',
  'closed_at',
  'version',
  'created_at',
  'updated_at',
];

const KINDS: readonly (readonly [FacilityKind, number])[] = [
  ['centre', 45],
  ['kindergarten_class', 25],
  ['family', 15],
  ['community', 10],
  ['employer', 5],
];
/** 85% registered (the national picture); the rest pending, suspended or closed. */
const STATUSES: readonly (readonly [FacilityStatus, number])[] = [
  ['registered', 85],
  ['draft', 3],
  ['submitted', 4],
  ['suspended', 2],
  ['closed', 6],
];
const KIND_LABEL: Record<FacilityKind, string> = {
  centre: '托育中心',
  kindergarten_class: '幼儿园托班',
  family: '家庭托育点',
  community: '社区托育服务站',
  employer: '单位托育园',
};
const BRANDS = ['小橙子', '蓝天', '阳光', '童心', '贝贝', '启航', '七彩', '小太阳', '爱心', '彩虹', '知更鸟', '星星'];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '文化路', '胜利路', '友谊路', '北京路', '长江路', '滨河路'];
/** Share of a unit's facilities in its dense core (within a few km of its centre), and the core's spread. */
const CORE_SHARE = 0.6;
const CORE_SIGMA_M = 1800;
const FIVE_YEARS_DAYS = 5 * 365;

/**
 * The facilities, unit by unit (each unit's share ∝ its population), with their classes planned. Registration
 * numbers count per unit and year like the filing service's sequence.
 */
export function planFacilities(
  seed: number,
  cities: readonly City[],
  total: number,
  operatorIds: readonly string[],
  now: number,
): Facility[] {
  const rand = new Random(seed, 'facility-plan');
  const units = cities.flatMap((c) => c.units);
  const perUnit = apportion(
    total,
    units.map((u) => u.population * (0.7 + 0.6 * rand.next())),
  );
  const facilities: Facility[] = [];
  units.forEach((unit, u) => {
    for (let k = 0; k < perUnit[u]!; k++)
      facilities.push(planFacility(new Random(seed, 'facility', facilities.length), facilities.length, unit, operatorIds, now));
  });
  return facilities;
}

function planFacility(rand: Random, index: number, unit: Unit, operatorIds: readonly string[], now: number): Facility {
  const kind = rand.weighted(KINDS);
  const status = rand.weighted(STATUSES);
  // The sector grew quickly: recent registrations are more common than old ones.
  const registeredDaysAgo = 20 + Math.floor(FIVE_YEARS_DAYS * rand.next() ** 1.5);
  const pending = status === 'draft' || status === 'submitted';
  const createdAt = now - (pending ? rand.int(1, 120) : registeredDaysAgo + rand.int(15, 90)) * DAY_MS;
  const activeFrom =
    status === 'draft' ? null : status === 'submitted' ? createdAt + rand.int(0, 10) * DAY_MS : now - registeredDaysAgo * DAY_MS;
  const closedAt = status === 'closed' ? now - rand.int(1, registeredDaysAgo - 1) * DAY_MS : null;
  // A few operators run chains; most run one or two facilities.
  const chains = Math.max(1, Math.floor(operatorIds.length / 20));
  const ownerId = operatorIds[rand.chance(0.3) ? rand.int(0, chains - 1) : rand.int(0, operatorIds.length - 1)]!;
  const id = rand.uuid();
  return {
    index,
    id,
    unit,
    kind,
    status,
    ownerId,
    servesMeals: kind !== 'family' && rand.chance(0.8),
    createdAt,
    activeFrom,
    closedAt,
    classes: planClasses(rand, kind, createdAt, now),
    risk: rand.next() ** 2,
  };
}

/** Classes within the national standard's sizes (places > 0, enrolled ≤ places, kinds' age groups). */
function planClasses(rand: Random, kind: FacilityKind, createdAt: number, now: number): ClassPlan[] {
  const count =
    kind === 'family' ? 1 : kind === 'kindergarten_class' ? rand.int(1, 3) : kind === 'centre' ? rand.int(2, 6) : rand.int(1, 4);
  const groups: readonly AgeGroupName[] =
    kind === 'kindergarten_class'
      ? ['preschool']
      : kind === 'family'
        ? ['mixed', 'toddler']
        : ['infant', 'toddler', 'toddler', 'preschool', 'preschool', 'mixed'];
  const classes: ClassPlan[] = [];
  for (let i = 0; i < count; i++) {
    const ageGroup = rand.pick(groups);
    const max = kind === 'family' ? CLASS_STANDARD.homeBasedPoint.maxChildren : CLASS_STANDARD.ageGroups[ageGroup].maxChildren;
    const places = Math.max(1, Math.round(max * (0.6 + 0.4 * rand.next())));
    // A third are full; the others have a few places free.
    const enrolled = rand.chance(0.33) ? places : Math.round(places * (0.5 + 0.45 * rand.next()));
    // Some operators have not reported for over 30 days: the public view says so.
    const updatedAt = Math.max(createdAt, now - (rand.chance(0.2) ? rand.int(31, 120) : rand.int(0, 29)) * DAY_MS);
    classes.push({ id: rand.uuid(), name: `${CLASS_STANDARD.ageGroups[ageGroup].nameZh}${i + 1}`, ageGroup, places, enrolled, updatedAt });
  }
  return classes;
}

/** Registration numbers, per unit and year (TY-220102-2026-0007), as the filing service issues them. */
export class RegistrationNumbers {
  private readonly last = new Map<string, number>();

  next(unitCode: string, year: number): string {
    const key = `${unitCode}-${year}`;
    const seq = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, seq);
    return `TY-${key}-${String(seq).padStart(4, '0')}`;
  }
}

/** The facility's row; the class summary columns are left to refreshClassSummaries after the classes are loaded. */
export function facilityRow(f: Facility, numbers: RegistrationNumbers, seed: number, now: number): Field[] {
  const rand = new Random(seed, 'facility-row', f.index);
  const [lng, lat] = facilityPoint(rand, f.unit);
  const places = f.classes.reduce((s, c) => s + c.places, 0);
  const registered = f.status === 'registered' || f.status === 'suspended' || f.status === 'closed';
  const family = f.kind === 'family';
  const publicPoint = family ? offsetPoint(lng, lat, publicOffset(f.id)) : ([lng, lat] as const);
  const publicOwned = f.kind === 'kindergarten_class' || f.kind === 'community';
  return [
    f.id,
    f.ownerId,
    `${rand.pick(BRANDS)}${KIND_LABEL[f.kind]}（${f.unit.name}${f.index + 1}号）`,
    creditCode(rand, f.unit.code),
    f.kind,
    publicOwned ? 'public' : rand.pick(['private', 'private', 'public_private']),
    !family && rand.chance(0.55),
    rand.chance(0.12),
    f.servesMeals,
    arrayLiteral(
      family ? ['full_day', 'hourly'] : rand.pick([['full_day'], ['full_day', 'half_day'], ['full_day', 'hourly', 'temporary']]),
    ),
    `${f.unit.cityName}${f.unit.name}${rand.pick(STREETS)}${rand.int(1, 3999)}号`,
    pointEwkt(lng, lat),
    pointEwkt(publicPoint[0], publicPoint[1]),
    arrayLiteral(family ? [rand.int(1, 3)] : rand.pick([[1], [1, 2], [1, 2, 3]])),
    Math.max(30, places * (3 + 2 * rand.next())).toFixed(2),
    (family || f.kind === 'kindergarten_class' ? 0 : places * (2 + 2 * rand.next())).toFixed(2),
    f.kind === 'community' ? rand.int(8, 15) * 100 : rand.int(12, 48) * 100,
    `0${rand.int(10, 999)}-8${rand.int(1_000_000, 9_999_999)}`,
    rand.pick(['07:00-17:30', '07:30-17:30', '08:00-18:00']),
    family ? 2 : rand.int(2, 4),
    true,
    documents(rand, f, now),
    f.unit.code,
    f.status,
    registered ? numbers.next(f.unit.code, new Date(f.activeFrom!).getUTCFullYear()) : null,
    f.status === 'closed' ? '举办者申请停止服务' : f.status === 'suspended' ? '检查发现重大安全隐患，停业整改' : null,
    f.activeFrom === null ? null : iso(registered ? f.activeFrom - rand.int(5, 14) * DAY_MS : f.activeFrom),
    registered ? iso(f.activeFrom!) : null,
    f.closedAt === null ? null : iso(f.closedAt),
    2,
    iso(f.createdAt),
    iso(Math.max(f.createdAt, f.closedAt ?? now - rand.int(0, 90) * DAY_MS)),
  ];
}

/** Most facilities in the unit's dense core (normal around its centre), the rest anywhere in it. */
function facilityPoint(rand: Random, unit: Unit): readonly [number, number] {
  const margin = 0.15;
  const clamp = (x: number) => Math.min(1 - margin, Math.max(margin, x));
  if (!rand.chance(CORE_SHARE)) return pointIn(unit, margin + (1 - 2 * margin) * rand.next(), margin + (1 - 2 * margin) * rand.next());
  const size = unitSizeM(unit);
  return pointIn(unit, clamp(0.5 + (rand.normal() * CORE_SIGMA_M) / size.x), clamp(0.5 + (rand.normal() * CORE_SIGMA_M) / size.y));
}

/** The point `distanceM` away on `bearingDeg` (sphere): a home-based point's public location. */
function offsetPoint(lng: number, lat: number, o: { distanceM: number; bearingDeg: number }): readonly [number, number] {
  const d = o.distanceM / 6_371_008.8;
  const b = (o.bearingDeg * Math.PI) / 180;
  const dLat = d * Math.cos(b);
  const dLng = (d * Math.sin(b)) / Math.cos((lat * Math.PI) / 180);
  return [lng + (dLng * 180) / Math.PI, lat + (dLat * 180) / Math.PI];
}

function pointEwkt(lng: number, lat: number): string {
  return `SRID=4326;POINT(${lng.toFixed(7)} ${lat.toFixed(7)})`;
}

/** A valid unified social credit code: 9 (enterprise) 1, the unit's code, a random organisation id, the check. */
function creditCode(rand: Random, unitCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CODE_CHARSET[rand.int(0, CREDIT_CODE_CHARSET.length - 1)];
  const first17 = `91${unitCode}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The filing documents, as the seed declares them (a few expired or expiring fire certificates). */
function documents(rand: Random, f: Facility, now: number): string {
  const day = (ms: number) => shanghaiDay(ms);
  const serial = `${f.unit.code}${String(f.index).padStart(7, '0')}`;
  const docs: object[] = [
    { type: 'legal_entity', number: `YYZZ-${serial}`, issuedOn: day(f.createdAt - 200 * DAY_MS), scopeIncludesChildcare: true },
    {
      type: 'premises',
      number: `FC-${serial}`,
      issuedOn: day(f.createdAt - 100 * DAY_MS),
      tenure: 'leased',
      leaseEndsOn: day(now + rand.int(400, 3000) * DAY_MS),
    },
    {
      type: 'fire_safety',
      number: `XF-${serial}`,
      issuedOn: day(f.createdAt - 20 * DAY_MS),
      expiresOn: day(now + rand.int(-10, 900) * DAY_MS),
    },
    { type: 'health_evaluation', number: `WS-${serial}`, issuedOn: day(f.createdAt - 10 * DAY_MS), rating: 'qualified' },
  ];
  if (f.servesMeals)
    docs.push({
      type: 'food_licence',
      number: `JY-${serial}`,
      issuedOn: day(f.createdAt - 30 * DAY_MS),
      expiresOn: day(now + rand.int(5, 1500) * DAY_MS),
    });
  return JSON.stringify(docs);
}
