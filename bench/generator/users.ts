import { DOMAIN_AGENCY, type Domain } from '../../libs/inspections/src/inspection-rules.types.js';
import type { Field } from './copy.js';
import { iso } from './dates.js';
import { Random } from './random.js';
import type { City } from './regions.js';

export const USER_COLUMNS = [
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

const AGENCIES = ['health', 'fire', 'market', 'housing'] as const;

export interface People {
  rows: Field[][];
  operatorIds: string[];
  /** Per city code, the regulator of each agency: the inspector of the agency's domain in that city. */
  inspectors: Map<string, Record<string, string>>;
}

/**
 * One admin, one regulator per agency per city (they record the inspections of their domain) and the operators who
 * own the facilities. Every account has the same password hash (see README): nobody signs in to a bench database
 * except the load scripts.
 */
export function generateUsers(seed: number, cities: readonly City[], operatorCount: number, passwordHash: string, now: number): People {
  const rand = new Random(seed, 'users');
  const created = iso(now - 2000 * 86_400_000);
  const rows: Field[][] = [];
  const user = (username: string, name: string, role: string, agency: string | null, region: string | null): string => {
    const id = rand.uuid();
    rows.push([id, username, passwordHash, name, `13${rand.int(100_000_000, 999_999_999)}`, role, agency, region, created, created]);
    return id;
  };
  user('bench-admin', '系统管理员', 'admin', null, null);
  const inspectors = new Map<string, Record<string, string>>();
  for (const city of cities) {
    const byAgency: Record<string, string> = {};
    for (const agency of AGENCIES)
      byAgency[agency] = user(`reg-${city.code}-${agency}`, `${city.name}${agency}监管员`, 'regulator', agency, city.code);
    inspectors.set(city.code, byAgency);
  }
  const operatorIds: string[] = [];
  for (let i = 1; i <= operatorCount; i++)
    operatorIds.push(user(`op-${String(i).padStart(6, '0')}`, `举办者 ${i}`, 'operator', null, null));
  return { rows, operatorIds, inspectors };
}

export function inspectorFor(people: People, cityCode: string, domain: Domain): string {
  return people.inspectors.get(cityCode)![DOMAIN_AGENCY[domain]]!;
}
