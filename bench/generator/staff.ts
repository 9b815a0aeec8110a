import { maskIdNumber, residentIdCheckChar } from '../../libs/standards/src/checksums.js';
import { CLASS_STANDARD } from '../../libs/standards/src/classes.js';
import type { QualificationType, StaffRole } from '../../libs/standards/src/registry-types.js';
import { arrayLiteral, type Field } from './copy.js';
import { DAY_MS, iso, shanghaiDay } from './dates.js';
import type { ClassPlan, Facility } from './facilities.js';
import { Random } from './random.js';

export const CLASS_COLUMNS = ['id', 'facility_id', 'name', 'age_group', 'places', 'enrolled', 'version', 'created_at', 'updated_at'];

export const STAFF_COLUMNS = [
  'id',
  'facility_id',
  'name',
  'role',
  'id_number_cipher',
  'id_number_masked',
  'id_number_index',
  'phone',
  'hired_on',
  'ended_on',
  'full_time',
  'education',
  'experience_years',
  'class_ids',
  'health_certificate',
  'qualifications',
  'background_checked',
  'created_at',
  'updated_at',
];

export function classRows(f: Facility): Field[][] {
  return f.classes.map((c) => [c.id, f.id, c.name, c.ageGroup, c.places, c.enrolled, 1, iso(f.createdAt), iso(c.updatedAt)]);
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
const GIVEN = [...'伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍红'];
const CARER_QUALIFICATIONS: QualificationType[] = ['childcare_worker', 'nursery_teacher', 'early_development_guide'];
const ROLE_QUALIFICATION: Partial<Record<StaffRole, QualificationType>> = {
  director: 'director_training',
  health: 'health_training',
  security: 'security_guard',
  nutritionist: 'nutritionist',
};

/** The staff a facility needs: a director, carers by the standard's ratio per class, health, security and a cook. */
export function staffNeeded(f: Facility): number {
  return neededRoles(f).length;
}

function neededRoles(f: Facility): { role: StaffRole; cls?: ClassPlan }[] {
  const roles: { role: StaffRole; cls?: ClassPlan }[] = [{ role: 'director' }];
  for (const cls of f.classes) {
    const perCarer =
      f.kind === 'family' ? CLASS_STANDARD.homeBasedPoint.childrenPerCarer : CLASS_STANDARD.ageGroups[cls.ageGroup].childrenPerCarer;
    for (let i = 0; i < Math.ceil(cls.enrolled / perCarer); i++) roles.push({ role: 'caregiver', cls });
  }
  if (f.kind !== 'family') {
    roles.push({ role: 'health' }, { role: 'security' });
    if (f.servesMeals) roles.push({ role: 'cook' });
  }
  return roles;
}

/**
 * Exactly `count` staff rows for the facility: the active staff it needs first (fewer if `count` is smaller), then
 * former staff (employment ended) to make up the count. A few people are also active at another facility, as the
 * multi-listing check should find: they reuse `shared`'s blind index.
 */
export function staffRows(f: Facility, count: number, seed: number, now: number, shared: { index: string | null }): Field[][] {
  const rand = new Random(seed, 'staff', f.index);
  const needed = neededRoles(f);
  const rows: Field[][] = [];
  for (let i = 0; i < count; i++) {
    const slot = needed[i];
    const role = slot?.role ?? rand.pick<StaffRole>(['caregiver', 'caregiver', 'cook', 'other']);
    const hired = f.createdAt - rand.int(0, 30) * DAY_MS;
    const ended = slot ? null : Math.min(now - DAY_MS, hired + rand.int(60, 900) * DAY_MS);
    const idNumber = residentId(rand, f.unit.code, now);
    const multiListed = slot !== undefined && shared.index !== null && rand.chance(0.002);
    const index = multiListed ? shared.index! : rand.hex(64);
    if (slot) shared.index = index;
    const qualification = role === 'caregiver' ? rand.pick(CARER_QUALIFICATIONS) : ROLE_QUALIFICATION[role];
    rows.push([
      rand.uuid(),
      f.id,
      `${rand.pick(SURNAMES)}${rand.pick(GIVEN)}${rand.chance(0.5) ? rand.pick(GIVEN) : ''}`,
      role,
      // The shape of IdNumberCipher's output (v1:base64(iv ‖ tag ‖ data)): the bench has no key to encrypt with.
      `v1:${Buffer.from(rand.hex(92), 'hex').toString('base64')}`,
      maskIdNumber(idNumber),
      index,
      `13${rand.int(100_000_000, 999_999_999)}`,
      shanghaiDay(hired),
      ended === null ? null : shanghaiDay(ended),
      rand.chance(0.92),
      role === 'director'
        ? rand.pick(['junior_college', 'bachelor', 'master'])
        : rand.pick(['high_school', 'junior_college', 'junior_college', 'bachelor']),
      rand.int(1, role === 'director' ? 20 : 12),
      arrayLiteral(slot?.cls ? [slot.cls.id] : []),
      healthCertificate(rand, now),
      qualification ? qualifications(rand, qualification, now) : '[]',
      rand.chance(0.98),
      iso(hired),
      iso(ended ?? hired),
    ]);
  }
  return rows;
}

/** A resident ID of the unit's area, born 1970–2004, with a valid check character. */
function residentId(rand: Random, unitCode: string, now: number): string {
  const born = now - rand.int(20 * 365, 55 * 365) * DAY_MS;
  const first17 = `${unitCode}${shanghaiDay(born).replaceAll('-', '')}${String(rand.int(0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** As the seed writes it; 6% expire within a month (or just did), which the alerts should pick up. */
function healthCertificate(rand: Random, now: number): string {
  const days = rand.chance(0.06) ? rand.int(-5, 25) : rand.int(40, 360);
  return `{"number":"JK-${rand.int(100000, 999999)}","expiresOn":"${shanghaiDay(now + days * DAY_MS)}"}`;
}

function qualifications(rand: Random, type: QualificationType, now: number): string {
  const issued = shanghaiDay(now - rand.int(400, 2000) * DAY_MS);
  const expires = shanghaiDay(now + (rand.chance(0.05) ? rand.int(3, 28) : rand.int(60, 1500)) * DAY_MS);
  return `[{"type":"${type}","number":"Q-${rand.int(100000, 999999)}","issuedOn":"${issued}","expiresOn":"${expires}"}]`;
}
