import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IdentityEnvSchema, validateEnv } from '@lib/core';
import { parseCsv, randomPointIn, regionCovers } from '@lib/regions';
import { loadUserThatNeverSignsIn } from '@lib/auth';
import {
  classesOf,
  countFacilities,
  demoChangeCandidates,
  facilitiesWithStatus,
  loadClasses,
  loadDemoRecognitions,
  loadFacility,
  oneRegisteredPerUnit,
  publicOffset,
  refreshClassSummaries,
  registeredFacilitiesOfUnit,
  vacantClassesOfRegistered,
} from '@lib/facilities';
import { applicationIdsOf, countApplications, firstChoiceQueueHeads, insertDemoApplication, openDemoOffer } from '@lib/applications';
import { IdNumberCipher, loadStaff, type StaffEntity } from '@lib/staff';
import { insertChangeFiling, nextRegistrationNo } from '@lib/filing';
import { rebuildMapGrid } from '@lib/search';
import {
  addDays,
  creditCodeCheckChar,
  maskIdNumber,
  residentIdCheckChar,
  todayInShanghai,
  type AgeGroupName,
  type FacilityKind,
} from '@lib/standards';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_INSPECTION_CONFIG,
  DOMAINS,
  DOMAIN_AGENCY,
  countInspections,
  currentChecklist,
  dueOn,
  evaluate,
  loadInspections,
} from '@lib/inspections';
import { args, scriptContext } from './context.js';
import { seedIncidents } from './seed-incidents.js';
import { seedComplaintsAndCredit } from './seed-complaints.js';

/**
 * The Changchun demo (docs/domain.md "Demo"): about 600 facilities placed near the named places of their
 * unit (or at random interior points where a unit has none), with classes, staff, and registration and
 * closure dates spread over the past three years, so that the figures' history is derived from them.
 * Deterministic (seeded PRNG); each part runs once: facilities when there are none, inspections likewise.
 * It writes through the owning libraries' services and loaders, never naming a table itself (docs/architecture.md
 * "Table ownership").
 *
 * Places per 1,000 per unit are aimed between about 1.5 and 5 (rural counties low, core districts high).
 */
const AIM_PER_1000: Record<string, number> = {
  '220102': 4.6,
  '220103': 3.9,
  '220104': 4.8,
  '220105': 3.9,
  '220106': 3.6,
  '220112': 2.2,
  '220113': 2.2,
  '220122': 2.0,
  '220171': 4.1,
  '220172': 4.2,
  '220173': 4.9,
  '220174': 3.8,
  '220182': 1.9,
  '220183': 2.1,
  '220184': 2.0,
};

const a = args();
let state = Number(a.get('seed') ?? 20261128) >>> 0;
/** mulberry32: small, fast, deterministic. */
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const day = (d: Date) => d.toISOString().slice(0, 10);
/** Security companies the demo's guards come from (invented names). */
const GUARD_COMPANIES = ['长春市安保服务有限公司', '吉林省卫士保安服务有限公司', '长春市恒安保安服务有限公司'];
const daysAgo = (n: number) => new Date(Date.now() - n * 86400000);
const inDays = (n: number) => day(new Date(Date.now() + n * 86400000));

const BRANDS = [
  '阳光',
  '小禾',
  '童趣',
  '爱贝',
  '启蒙',
  '彩虹',
  '小树苗',
  '贝乐',
  '金色摇篮',
  '蒲公英',
  '橡果',
  '星星',
  '春芽',
  '小太阳',
  '乐育',
  '嘉禾',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['丽', '静', '敏', '婷', '娜', '雪', '颖', '芳', '慧', '红', '伟', '磊', '洋', '军', '杰', '霞', '琳', '萍', '佳', '悦'];
const KINDS: [FacilityKind, number][] = [
  ['centre', 0.62],
  ['kindergarten_class', 0.14],
  ['family', 0.1],
  ['employer', 0.06],
  ['community', 0.08],
];

function kindAt(): FacilityKind {
  let r = rand();
  for (const [k, p] of KINDS) if ((r -= p) < 0) return k;
  return 'centre';
}

function classesFor(kind: FacilityKind): { name: string; ageGroup: AgeGroupName; places: number }[] {
  switch (kind) {
    case 'family':
      return [{ name: '家庭托育班', ageGroup: 'mixed', places: between(3, 5) }];
    case 'kindergarten_class':
      return Array.from({ length: between(1, 3) }, (_, i) => ({
        name: `托班${i + 1}`,
        ageGroup: 'preschool' as const,
        places: between(15, 20),
      }));
    default: {
      const out: { name: string; ageGroup: AgeGroupName; places: number }[] = [];
      if (rand() < 0.35) out.push({ name: '乳儿班', ageGroup: 'infant', places: between(6, 10) });
      for (let i = 0; i < between(1, 3); i++) out.push({ name: `托小${i + 1}班`, ageGroup: 'toddler', places: between(10, 15) });
      for (let i = 0; i < between(1, 3); i++) out.push({ name: `托大${i + 1}班`, ageGroup: 'preschool', places: between(14, 20) });
      if (rand() < 0.2) out.push({ name: '混龄班', ageGroup: 'mixed', places: between(12, 18) });
      return out;
    }
  }
}

const CARER_RATIO: Record<AgeGroupName, number> = { infant: 3, toddler: 5, preschool: 7, mixed: 5 };

function facilityName(kind: FacilityKind, unitName: string, n: number): string {
  const brand = pick(BRANDS);
  switch (kind) {
    case 'family':
      return `${pick(SURNAMES)}家家庭托育点`;
    case 'kindergarten_class':
      return `${unitName.replace(/(区|县|市)$/, '')}${pick(['第一', '第二', '实验', '育才', '明珠'])}幼儿园托班`;
    case 'employer':
      return `${pick(['一汽', '长客', '吉大一院', '亚泰', '欧亚', '长春医药'])}职工托育中心`;
    case 'community':
      return `${pick(['幸福', '和平', '桂林', '南湖', '东盛', '西安'])}社区托育服务站`;
    default:
      return `${brand}托育${pick(['中心', '园', '之家'])}（${n}店）`;
  }
}

let serial = 0;
function creditCode(unit: string): string {
  const first17 = `${pick(['91', '52', '12'])}${unit}MA${String(++serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}
function residentId(): string {
  const born = day(new Date(Date.UTC(1965, 0, 1) + between(0, 12000) * 86400000)).replace(/-/g, '');
  const first17 = `220${between(100, 199)}${born}${String(between(0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Inspections over the past two years in every domain: mostly passes, some rectifications, a few
 * failures; orders resolved when old, open or overdue when recent. Runs when there are none yet.
 */
/**
 * The second release's registry (docs/registry.md): 普惠 status as the health regulator recognised it (most
 * affordable registered facilities whose fee is within the city ceiling; the others have applied), and pending
 * change filings, two of them waiting longer than the review deadline. Deterministic: chosen by the facility ids'
 * hashes, which the seeded generator made.
 */
async function seedSecondRelease(ds: DataSource): Promise<void> {
  // A recognition expiring within 30 days shows the alert; one past its validUntil is expired by the daily job.
  await loadDemoRecognitions(ds.manager);
  // Pending change filings: more places (a new class) and a second exit, a few of them overdue.
  const candidates = await demoChangeCandidates(ds.manager, 12);
  for (const [i, f] of candidates.entries()) {
    const addClass = i % 2 === 0;
    const facility = addClass ? {} : { exitCount: f.exit_count + 1 };
    const classes = addClass ? [{ op: 'add', name: '新增托大班', ageGroup: 'preschool', places: 14, enrolled: 0 }] : [];
    const classesBefore = (await classesOf(ds.manager, [f.id])).map((c) => ({
      id: c.id,
      name: c.name,
      ageGroup: c.ageGroup,
      places: c.places,
      enrolled: c.enrolled,
    }));
    const before = { facility: addClass ? {} : { exitCount: f.exit_count }, classes: classesBefore };
    await insertChangeFiling(ds.manager, {
      facilityId: f.id,
      regionCode: f.region_code,
      reason: addClass ? '扩建活动室，增设托大班一个' : '改造消防通道，增设安全出口',
      facility,
      classes,
      before,
      submittedBy: f.owner_id,
      submittedAt: new Date(Date.now() - (i < 2 ? 12 : i % 4) * 86_400_000),
    });
  }
}

async function seedInspections(ds: DataSource): Promise<void> {
  if ((await countInspections(ds.manager)) > 0) return;
  const inspectors = await auth.usersWithRole('regulator', '220100');
  const byAgency = new Map(inspectors.map((u) => [u.agency, u.id]));
  const facilities = await facilitiesWithStatus(ds.manager, ['registered', 'suspended', 'closed']);
  let inspections = 0;
  let orders = 0;
  for (const f of facilities) {
    const inspectionRows: Record<string, unknown>[] = [];
    const orderRows: Record<string, unknown>[] = [];
    for (const domain of DOMAINS) {
      const sinceDays = Math.min(730, Math.floor((Date.now() - f.registered_at.getTime()) / 86400000));
      const visits = rand() < 0.12 ? 0 : between(1, 3);
      const days = Array.from({ length: visits }, () => between(1, Math.max(2, sinceDays))).sort((x, y) => y - x);
      for (const ago of days) {
        const at = new Date(Date.now() - ago * 86400000 + between(8, 16) * 3600000);
        const inspectedOn = todayInShanghai(at);
        // The version in force on the day of the visit: older visits answer version 1, as recorded ones do.
        const checklist = currentChecklist(domain, inspectedOn);
        const r = rand();
        const failCount = r < 0.62 ? 0 : r < 0.93 ? between(1, 3) : between(1, 2);
        const pool = r < 0.93 ? checklist.items.filter((i) => i.severity !== 'critical') : checklist.items;
        const failing = new Set(
          Array.from({ length: failCount }, () => pick(r >= 0.93 ? pool.filter((i) => i.severity === 'critical') : pool).code),
        );
        const items = checklist.items.map((i) => ({ code: i.code, result: failing.has(i.code) ? 'fail' : 'pass' }));
        const { outcome, score, failed } = evaluate(checklist, items as never, DEFAULT_INSPECTION_CONFIG);
        const id = randomUUID();
        inspectionRows.push({
          id,
          facilityId: f.id,
          domain,
          checklistVersion: checklist.version,
          inspectedAt: at,
          inspectedOn,
          inspectorId: byAgency.get(DOMAIN_AGENCY[domain]) ?? null,
          items,
          summary: null,
          originalOutcome: outcome,
          originalScore: score,
          outcome,
          score,
          createdAt: at,
        });
        for (const fail of failed) {
          const due = dueOn(inspectedOn, fail.severity, DEFAULT_INSPECTION_CONFIG);
          // Older orders were put right; some recent ones are answered, some forgotten (overdue).
          const state = ago > 60 ? 'resolved' : rand() < 0.4 ? 'responded' : rand() < 0.5 ? 'resolved' : 'open';
          orderRows.push({
            facilityId: f.id,
            inspectionId: id,
            domain,
            itemCode: fail.code,
            severity: fail.severity,
            dueOn: due,
            status: state,
            response:
              state === 'open'
                ? null
                : { note: '已按要求整改完毕，附整改照片', at: new Date(at.getTime() + 2 * 86400000).toISOString(), by: null },
            verification:
              state === 'resolved'
                ? { accepted: true, note: '复查合格', at: new Date(at.getTime() + 5 * 86400000).toISOString(), by: null }
                : null,
            resolvedAt: state === 'resolved' ? new Date(at.getTime() + 5 * 86400000) : null,
            createdAt: at,
          });
        }
      }
    }
    await loadInspections(ds.manager, inspectionRows, orderRows);
    inspections += inspectionRows.length;
    orders += orderRows.length;
  }
  console.log(`seed-demo: ${inspections} inspections, ${orders} rectification orders`);
}

/** Demand per unit (children waiting per 1,000 residents, roughly): core districts and new towns high, counties low. */
const DEMAND_PER_1000: Record<string, number> = {
  '220102': 0.12,
  '220103': 0.07,
  '220104': 0.14,
  '220105': 0.05,
  '220106': 0.09,
  '220112': 0.03,
  '220113': 0.03,
  '220122': 0.02,
  '220171': 0.1,
  '220172': 0.13,
  '220173': 0.15,
  '220174': 0.06,
  '220182': 0.02,
  '220183': 0.02,
  '220184': 0.02,
};
const NICKNAMES = [
  '小米',
  '豆豆',
  '乐乐',
  '果果',
  '朵朵',
  'pipi',
  '安安',
  '糖糖',
  '多多',
  '妞妞',
  '团团',
  '壮壮',
  'Momo',
  '阳阳',
  '贝贝',
  '甜甜',
];

/** `YYYY-MM` `n` months from the month of `today`. */
function addMonths(today: string, n: number): string {
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * Waiting applications (issue #17): a few hundred, spread over units and ages by DEMAND_PER_1000 so that the
 * dashboard's demand column shows real differences; the printed demo parents have some, with open offers (the
 * places held through libs/facilities, as the API would). Once: when there are no applications.
 */
async function seedApplications(ds: DataSource): Promise<void> {
  const n = await countApplications(ds.manager);
  if (n > 0) {
    console.log(`seed-demo: ${n} applications already there`);
    return;
  }
  const today = todayInShanghai();
  const units = await unitsWithPopulation();
  const demoParents = await auth.usersWithRole('parent');
  const parents: { id: string }[] = [];
  for (let i = 1; i <= 60; i++) {
    const id = randomUUID();
    await loadUserThatNeverSignsIn(ds.manager, {
      id,
      username: `parent-${String(i).padStart(3, '0')}`,
      displayName: `家长 ${i}`,
      role: 'parent',
    });
    parents.push({ id });
  }
  let applications = 0;
  let offers = 0;
  for (const unit of units) {
    // Registered facilities of the unit with the age groups of their classes.
    const facilities = await registeredFacilitiesOfUnit(ds.manager, unit.code);
    if (facilities.length === 0) continue;
    const count = Math.round(((unit.population * (DEMAND_PER_1000[unit.code] ?? 0.05)) / 1000) * (0.8 + rand() * 0.4));
    for (let k = 0; k < count; k++) {
      // Ages weighted toward toddlers, as in the national surveys of demand.
      const r = rand();
      const ageMonths = r < 0.2 ? 6 + Math.floor(rand() * 6) : r < 0.7 ? 12 + Math.floor(rand() * 12) : 24 + Math.floor(rand() * 13);
      const group = ageMonths < 12 ? 'infant' : ageMonths < 24 ? 'toddler' : 'preschool';
      const taking = facilities.filter((f) => f.age_groups.includes(group) || (ageMonths >= 18 && f.age_groups.includes('mixed')));
      if (taking.length === 0) continue;
      const drawnStart = addMonths(today, 1 + Math.floor(rand() * 6));
      const choices = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(taking).id))];
      // The printed demo parents: one application each in 南关区, at the head of its first choice's queue (the
      // soonest start month, applied for first) so that it gets an offer below; now and then another.
      const demoFirst = unit.code === '220102' && k < demoParents.length ? demoParents[k]! : null;
      const parent = demoFirst ?? (demoParents.length > 0 && rand() < 0.004 ? pick(demoParents) : pick(parents));
      const drawnAppliedAt = new Date(Date.now() - Math.floor(rand() * 120) * 86_400_000 - Math.floor(rand() * 86_400_000));
      const startMonth = demoFirst ? addMonths(today, 1) : drawnStart;
      // …and its first choice has a vacant class for the child's age.
      const vacant = taking.filter((f) => f.vacant_groups.includes(group) || (ageMonths >= 18 && f.vacant_groups.includes('mixed')));
      if (demoFirst && vacant.length > 0) choices.splice(0, choices.length, ...[...new Set([pick(vacant).id, ...choices])].slice(0, 3));
      const birthMonth = addMonths(startMonth, -ageMonths);
      const appliedAt = demoFirst ? new Date(Date.now() - 150 * 86_400_000) : drawnAppliedAt;
      const label = `${pick(NICKNAMES)}${k % 7 === 0 ? '' : String.fromCharCode(65 + (k % 26))}`;
      const inserted = await ds.transaction((m) =>
        insertDemoApplication(m, {
          id: randomUUID(),
          parentId: parent.id,
          childLabel: label,
          childBirthMonth: birthMonth,
          startMonth,
          serviceType: rand() < 0.85 ? 'full_day' : 'half_day',
          ageMonths,
          ageGroup: group,
          choices,
          appliedAt,
        }),
      );
      if (inserted) applications++;
    }
  }
  // Open offers: the head of some first-choice queues is offered a place in a class with a vacancy for its age, held
  // as the API holds it.
  const heads = await firstChoiceQueueHeads(ds.manager);
  const vacant = await vacantClassesOfRegistered(ds.manager);
  const demoApps = new Set(
    await applicationIdsOf(
      ds.manager,
      demoParents.map((p) => p.id),
    ),
  );
  const offered = new Set<string>();
  for (const h of heads) {
    // One offer per facility at most: every demo parent's first application gets one; others now and then.
    if (offered.has(h.facility_id)) continue;
    const cls = vacant.find(
      (c) => c.facility_id === h.facility_id && (c.age_group === h.age_group || (c.age_group === 'mixed' && h.age_months >= 18)),
    );
    if (!cls) continue;
    offered.add(h.facility_id);
    if (!demoApps.has(h.application_id) && rand() > 0.12) continue;
    const opened = await ds.transaction((m) =>
      openDemoOffer(m, {
        applicationId: h.application_id,
        facilityId: h.facility_id,
        classId: cls.id,
        expiresOn: addDays(today, 3 + Math.floor(rand() * 10)),
        offeredBy: cls.owner_id,
      }),
    );
    if (opened) offers++;
  }
  await ds.transaction((m) => ctx.figures.recomputeAll(m));
  console.log(`seed-demo: ${applications} waiting applications, ${offers} open offers`);
}

/** The units (not the city) by code, with their population as the figures hold it. */
async function unitsWithPopulation(): Promise<{ code: string; name: string; population: number }[]> {
  return (await ctx.figures.list())
    .filter((r) => r.level !== 'city')
    .map((r) => ({ code: r.code, name: r.name, population: r.population }));
}

const ctx = await scriptContext();
const auth = ctx.auth();
try {
  const ds = ctx.dataSource;
  const existing = await countFacilities(ds.manager);
  if (existing > 0) {
    console.log(`seed-demo: ${existing} facilities already there`);
  } else {
    const identity = validateEnv(IdentityEnvSchema);
    const cipher = new IdNumberCipher(Buffer.from(identity.ID_ENCRYPTION_KEY, 'hex'), Buffer.from(identity.ID_BLIND_INDEX_KEY, 'hex'));
    const units = await unitsWithPopulation();
    const places = parseCsv(readFileSync(a.get('places') ?? 'data/changchun-places.csv', 'utf8'));
    // The printed demo operators own a few facilities each; the rest belong to operators who never sign in here.
    const demoOperators = await auth.usersWithRole('operator');
    const [admin] = await auth.usersWithRole('admin');
    if (!admin) throw new Error('seed-demo: no admin exists; run the seed first');
    const operators: { id: string }[] = [];
    for (let i = 1; i <= 40; i++) {
      const user = await auth.createUser(
        { id: admin.id, username: admin.username, role: 'admin', agency: null, regionCode: null },
        {
          username: `operator-${String(i).padStart(3, '0')}`,
          password: randomUUID(),
          displayName: `${pick(BRANDS)}托育 举办者 ${i}`,
          role: 'operator',
        },
      );
      operators.push(user);
    }
    const ownerFor = (): { id: string } => (demoOperators.length > 0 && rand() < 0.02 ? pick(demoOperators) : pick(operators));
    const staffSeen: string[] = [];
    let facilities = 0;

    for (const unit of units) {
      const aim = Math.round((unit.population * AIM_PER_1000[unit.code]!) / 1000);
      const anchors = places.filter((p) => p.census_unit_code === unit.code).map((p) => ({ lat: Number(p.lat), lng: Number(p.lng) }));
      let placed = 0;
      let n = 0;
      while (placed < aim) {
        n++;
        const kind = kindAt();
        // Near a named place of the unit (0.5–2 km), checked to lie in the unit; else a random interior point.
        let point: { lat: number; lng: number } | null = null;
        for (let tries = 0; tries < 6 && anchors.length > 0 && !point; tries++) {
          const anchor = pick(anchors);
          const km = 0.5 + rand() * 1.5;
          const angle = rand() * 2 * Math.PI;
          const candidate = {
            lat: anchor.lat + (km / 111) * Math.sin(angle),
            lng: anchor.lng + (km / (111 * Math.cos((anchor.lat * Math.PI) / 180))) * Math.cos(angle),
          };
          if (await regionCovers(ds.manager, unit.code, candidate.lat, candidate.lng)) point = candidate;
        }
        if (!point) {
          point = await randomPointIn(ds.manager, unit.code, between(1, 1e9));
        }

        // Status and dates: registrations spread over three years; some closed, suspended, pending, drafts.
        const r = rand();
        const status = r < 0.06 ? 'draft' : r < 0.12 ? 'submitted' : r < 0.15 ? 'closed' : r < 0.17 ? 'suspended' : 'registered';
        const registeredDaysAgo = between(20, 1095);
        const createdDaysAgo = status === 'draft' || status === 'submitted' ? between(1, 60) : registeredDaysAgo + between(15, 90);
        const closedDaysAgo = status === 'closed' ? between(1, registeredDaysAgo - 1) : null;
        const id = randomUUID();
        const owner = ownerFor();
        const cls = classesFor(kind);
        const totalPlaces = cls.reduce((s, c) => s + c.places, 0);
        const servesMeals = kind !== 'family' && rand() < 0.8;
        const lat = point.lat;
        const lng = point.lng;
        const off = publicOffset(id);
        await ds.transaction(async (m) => {
          // Approved ones take their unit's next registration number of the year, as approval does.
          const registrationNo = ['registered', 'suspended', 'closed'].includes(status)
            ? await nextRegistrationNo(m, unit.code, daysAgo(registeredDaysAgo).getUTCFullYear())
            : null;
          // In the order the generator draws them (the seeded sequence decides every value).
          await loadFacility(m, {
            id,
            ownerId: owner.id,
            name: facilityName(kind, unit.name, n),
            creditCode: creditCode(unit.code),
            kind,
            ownership: kind === 'kindergarten_class' || kind === 'community' ? 'public' : pick(['private', 'private', 'public_private']),
            affordable: kind === 'family' ? false : rand() < 0.55,
            medicalIntegrated: rand() < 0.12,
            servesMeals,
            serviceTypes:
              kind === 'family'
                ? ['full_day', 'hourly']
                : pick([['full_day'], ['full_day', 'half_day'], ['full_day', 'hourly', 'temporary']]),
            address: `长春市${unit.name}${pick(['人民大街', '自由大路', '卫星路', '普庆路', '亚泰大街', '东盛大街', '南湖大路', '西安大路'])}${between(1, 3999)}号`,
            lng,
            lat,
            publicOffset: off,
            floors: kind === 'family' ? [between(1, 18)] : pick([[1], [1, 2], [1, 2, 3]]),
            indoorAreaM2: kind === 'family' ? totalPlaces * (9 + rand() * 6) : Math.max(30, totalPlaces * (3 + rand() * 2)),
            outdoorAreaM2: kind === 'family' || kind === 'kindergarten_class' ? 0 : totalPlaces * (2 + rand() * 2),
            monthlyFee: kind === 'community' ? between(800, 1500) : between(1200, 4800),
            phone: `0431-8${between(1000000, 9999999)}`,
            openingHours: pick(['07:00-17:30', '07:30-17:30', '08:00-18:00']),
            exitCount: kind === 'family' ? 1 : between(2, 4),
            documents: [
              {
                type: 'legal_entity',
                number: `YYZZ-${serial}`,
                issuedOn: day(daysAgo(createdDaysAgo + 200)),
                scopeIncludesChildcare: true,
              },
              {
                type: 'premises',
                number: `FC-${serial}`,
                issuedOn: day(daysAgo(createdDaysAgo + 100)),
                tenure: 'leased',
                leaseEndsOn: inDays(between(1200, 3000)),
              },
              {
                type: 'fire_safety',
                number: `XF-${serial}`,
                issuedOn: day(daysAgo(createdDaysAgo + 20)),
                expiresOn: inDays(between(-10, 900)),
              },
              { type: 'health_evaluation', number: `WS-${serial}`, issuedOn: day(daysAgo(createdDaysAgo + 10)), rating: 'qualified' },
              ...(kind === 'family'
                ? [{ type: 'owners_consent', number: `YZ-${serial}`, issuedOn: day(daysAgo(createdDaysAgo + 15)) }]
                : []),
              ...(servesMeals
                ? [
                    {
                      type: 'food_licence',
                      number: `JY-${serial}`,
                      issuedOn: day(daysAgo(createdDaysAgo + 30)),
                      expiresOn: inDays(between(5, 1500)),
                    },
                  ]
                : []),
            ],
            regionCode: unit.code,
            status,
            registrationNo,
            submittedAt: status === 'draft' ? null : daysAgo(status === 'submitted' ? between(0, createdDaysAgo) : registeredDaysAgo + 5),
            registeredAt: ['registered', 'suspended', 'closed'].includes(status) ? daysAgo(registeredDaysAgo) : null,
            closedAt: closedDaysAgo === null ? null : daysAgo(closedDaysAgo),
            statusReason: status === 'closed' ? '举办者申请停止服务' : status === 'suspended' ? '检查发现重大安全隐患，停业整改' : null,
            createdAt: daysAgo(createdDaysAgo),
            updatedAt: daysAgo(closedDaysAgo ?? between(0, Math.min(createdDaysAgo, 90))),
          });
          const classRows = cls.map((c) => ({
            id: randomUUID(),
            facilityId: id,
            name: c.name,
            ageGroup: c.ageGroup,
            places: c.places,
            enrolled: Math.round(c.places * (0.55 + rand() * 0.45)),
            version: 1,
            createdAt: daysAgo(createdDaysAgo),
            // Some operators have not reported for over 30 days: the public view says so.
            updatedAt: daysAgo(rand() < 0.2 ? between(31, 120) : between(0, 29)),
          }));
          await loadClasses(m, classRows);
          await refreshClassSummaries(m, [id]);

          const staff: Partial<StaffEntity>[] = [];
          const person = (role: StaffEntity['role'], extra: Partial<StaffEntity> = {}): void => {
            // One person works at two active facilities (the multi-listing the regulators should see).
            const idNumber = facilities === 7 && role === 'director' ? staffSeen[0]! : residentId();
            staffSeen.push(idNumber);
            const expiring = rand() < 0.06;
            const checked = rand() > 0.02;
            const hiredDaysAgo = createdDaysAgo + between(0, 30);
            staff.push({
              id: randomUUID(),
              facilityId: id,
              name: `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.5 ? pick(GIVEN) : ''}`,
              role,
              idNumberCipher: cipher.encrypt(idNumber),
              idNumberMasked: maskIdNumber(idNumber),
              idNumberIndex: cipher.blindIndex(idNumber),
              phone: `13${between(100000000, 999999999)}`,
              hiredOn: day(daysAgo(hiredDaysAgo)),
              endedOn: null,
              fullTime: true,
              education: pick(['high_school', 'junior_college', 'junior_college', 'bachelor']),
              experienceYears: between(1, 12),
              classIds: [],
              healthCertificate: {
                number: `JK-${between(100000, 999999)}`,
                expiresOn: expiring ? inDays(between(-5, 25)) : inDays(between(40, 360)),
              },
              qualifications: [],
              backgroundChecked: checked,
              // Checked at hiring, then yearly: most within the year, a few overdue for the re-check.
              backgroundCheckedOn: checked
                ? day(daysAgo(Math.min(hiredDaysAgo, rand() < 0.08 ? between(370, 420) : between(0, 330))))
                : null,
              employer: null,
              ...extra,
            });
          };
          const q = (type: string, expiresIn = between(200, 1500)) => [
            { type, number: `Q-${between(100000, 999999)}`, issuedOn: day(daysAgo(between(400, 2000))), expiresOn: inDays(expiresIn) },
          ];
          person('director', {
            education: pick(['junior_college', 'bachelor', 'master']),
            experienceYears: between(3, 20),
            qualifications: q('director_training') as never,
          });
          for (const c of classRows) {
            const need = Math.ceil(c.enrolled / (kind === 'family' ? 3 : CARER_RATIO[c.ageGroup]));
            for (let i = 0; i < need; i++) {
              person('caregiver', {
                classIds: [c.id],
                qualifications: q(
                  pick(['childcare_worker', 'nursery_teacher', 'early_development_guide']),
                  rand() < 0.05 ? between(3, 28) : between(60, 1500),
                ) as never,
              });
            }
          }
          // Caregivers hired since registration who are still training for their certificate (the certified share in
          // the annual report is not 1 everywhere, and the compliance check names them): about a third of the
          // registered facilities have one or two.
          if (status === 'registered' && kind !== 'family' && classRows.length > 0 && rand() < 0.35) {
            for (let i = between(1, 2); i > 0; i--)
              person('caregiver', {
                classIds: [pick(classRows).id],
                hiredOn: day(daysAgo(between(7, Math.max(8, Math.min(120, createdDaysAgo))))),
                qualifications: [],
              });
          }
          if (kind !== 'family') {
            person('health', { qualifications: q('health_training') as never });
            person('security', { education: 'high_school', employer: pick(GUARD_COMPANIES), qualifications: q('security_guard') as never });
            if (servesMeals) person('cook');
          }
          await loadStaff(m, staff);
          await ctx.audit.record(m, {
            subjectType: 'facility',
            subjectId: id,
            actor: { id: null, role: 'system' },
            action: 'facility.seeded',
            changes: { status, demo: true },
          });
        });
        facilities++;
        if (status === 'registered') placed += totalPlaces;
      }
    }
    await seedSecondRelease(ds);
    await ds.transaction((m) => ctx.figures.recomputeAll(m));
    const city = (await ctx.figures.list()).find((r) => r.level === 'city')!;
    console.log(
      `seed-demo: ${facilities} facilities; city ${city.placeCount} places, ${((city.placeCount / city.population) * 1000).toFixed(2)} per 1,000`,
    );
  }
  await seedInspections(ds);
  await seedApplications(ds);
  await seedIncidents(ds, ctx.audit, auth, ctx.outbox, rand, () => ds.transaction((m) => ctx.figures.recomputeAll(m)));
  const keys = validateEnv(IdentityEnvSchema);
  // What the complaints and penalties are about: one registered facility per unit; the city's health regulator records.
  const perUnit = await oneRegisteredPerUnit(ds.manager);
  const [health] = (await auth.usersWithRole('regulator', '220100')).filter((u) => u.agency === 'health');
  await seedComplaintsAndCredit(
    ds,
    { encryptionKey: Buffer.from(keys.ID_ENCRYPTION_KEY, 'hex'), indexKey: Buffer.from(keys.ID_BLIND_INDEX_KEY, 'hex') },
    ctx.audit,
    ctx.outbox,
    perUnit,
    health?.id ?? null,
  );
  // The facilities were loaded around the events: the map's grid is computed from them, as the nightly repair does.
  await ds.transaction((m) => rebuildMapGrid(m));
} finally {
  await ctx.close();
}
