import { randomInt } from 'node:crypto';
import { creditCodeCheckChar, residentIdCheckChar, todayInShanghai } from '@lib/standards';
import { currentChecklist, type Domain } from '@lib/inspections';
import { bearer, ownerQuery, type TestApi, type TestUser } from '../helpers/app.js';

const next = () => randomInt(1_000_000);

/** A unified social credit code with a correct GB 32100 check character. */
export function creditCode(): string {
  const first17 = `91220102MA${String(next()).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A random resident ID number with a correct GB 11643 check character (random, so suites never share a person). */
export function residentId(): string {
  const born = new Date(Date.UTC(1970, 0, 1) + randomInt(12000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `2201${String(randomInt(100)).padStart(2, '0')}${born}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** Points inside units (checked against the census boundaries). */
export const PLACES = {
  nanguan: { lat: 43.865, lng: 125.335 },
  nanguan2: { lat: 43.87, lng: 125.34 },
  kuancheng: { lat: 43.9092, lng: 125.3238 },
  chaoyang: { lat: 43.88, lng: 125.3 },
  outside: { lat: 39.9, lng: 116.4 },
};

const inYears = (years: number) => `${new Date().getUTCFullYear() + years}-06-30`;

export function facilityBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `阳光宝贝托育中心 ${next()}`,
    creditCode: creditCode(),
    kind: 'centre',
    ownership: 'private',
    affordable: true,
    medicalIntegrated: false,
    servesMeals: false,
    serviceTypes: ['full_day'],
    address: '长春市南关区人民大街 1000 号',
    location: PLACES.nanguan,
    floors: [1, 2],
    indoorAreaM2: 400,
    outdoorAreaM2: 200,
    monthlyFee: 2600,
    phone: '0431-88880000',
    openingHours: '07:30-17:30',
    exitCount: 2,
    surveillance: true,
    documents: [
      { type: 'legal_entity', number: 'YYZZ-0001', issuedOn: '2024-01-10', scopeIncludesChildcare: true },
      { type: 'premises', number: 'FC-0001', issuedOn: '2020-05-01', tenure: 'owned' },
      { type: 'fire_safety', number: 'XF-0001', issuedOn: '2025-03-01', expiresOn: inYears(3) },
      { type: 'health_evaluation', number: 'WS-0001', issuedOn: '2025-04-01', rating: 'qualified' },
      // A home-based point files the other owners' consent (家庭托育点管理办法（试行）第三条).
      ...(overrides['kind'] === 'family' ? [{ type: 'owners_consent', number: 'YZ-0001', issuedOn: '2025-04-01' }] : []),
    ],
    ...overrides,
  };
}

export function staffBody(role: string, overrides: Record<string, unknown> = {}) {
  const qualification: Record<string, string> = {
    director: 'director_training',
    caregiver: 'childcare_worker',
    health: 'health_training',
    security: 'security_guard',
  };
  return {
    name: `员工${next()}`,
    role,
    idNumber: residentId(),
    hiredOn: '2024-09-01',
    fullTime: true,
    ...(role === 'director' ? { education: 'bachelor', experienceYears: 6 } : { education: 'junior_college', experienceYears: 2 }),
    healthCertificate: { number: `JK-${next()}`, expiresOn: inYears(1) },
    qualifications: qualification[role]
      ? [{ type: qualification[role], number: `Q-${next()}`, issuedOn: '2023-01-01', expiresOn: inYears(3) }]
      : [],
    backgroundChecked: true,
    // Checked a month ago (re-done yearly), and a guard's security company.
    backgroundCheckedOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    ...(role === 'security' ? { employer: '长春市保安服务有限公司' } : {}),
    ...overrides,
  };
}

/**
 * A facility that meets every filing requirement: a toddler class of 15 places (12 enrolled) with three
 * caregivers, a director, a health worker and a security guard. Returns its id and class id.
 */
export async function compliantFacility(
  api: TestApi,
  owner: TestUser,
  overrides: Record<string, unknown> = {},
  cls = { places: 15, enrolled: 12 },
) {
  const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody(overrides)).expect(201);
  const c = await api
    .http()
    .post(`/api/v1/facilities/${f.body.id}/classes`)
    .set(bearer(owner))
    .send({ name: '托小一班', ageGroup: 'toddler', ...cls })
    .expect(201);
  for (const role of ['director', 'health', 'security'])
    await api.http().post(`/api/v1/facilities/${f.body.id}/staff`).set(bearer(owner)).send(staffBody(role)).expect(201);
  for (let i = 0; i < 3; i++) {
    await api
      .http()
      .post(`/api/v1/facilities/${f.body.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { classIds: [c.body.id] }))
      .expect(201);
  }
  return { id: f.body.id as string, classId: c.body.id as string, etag: f.headers.etag as string };
}

/**
 * Through the whole filing: submitted by the owner, approved by a health regulator; an `affordable` one (the body's
 * default) is then recognised as 普惠 by the same regulator with a ceiling of 3,000 yuan for a year.
 */
export async function registeredFacility(
  api: TestApi,
  owner: TestUser,
  regulator: TestUser,
  overrides: Record<string, unknown> = {},
  cls?: { places: number; enrolled: number },
) {
  const f = await compliantFacility(api, owner, overrides, cls);
  await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
  await api.http().post(`/api/v1/facilities/${f.id}/approve`).set(bearer(regulator)).send({}).expect(200);
  if ((overrides['affordable'] ?? true) === true) {
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/affordable-recognition`)
      .set(bearer(regulator))
      .send({ decision: 'recognize', maxMonthlyFee: 3000, validUntil: `${new Date().getUTCFullYear() + 1}-12-31` })
      .expect(200);
  }
  return f;
}

/**
 * Answers every item of a domain's current checklist: pass, except the given codes (fail) and n.a. ones. With `at`
 * (the visit's inspectedAt), the version in force on that day in Asia/Shanghai: a visit dated before a version came
 * into force answers the one before it.
 */
export async function answers(api: TestApi, user: TestUser, domain: string, fail: string[] = [], na: string[] = [], at?: string) {
  const res = await api.http().get('/api/v1/inspection-checklists').set(bearer(user)).expect(200);
  const checklist = at
    ? currentChecklist(domain as Domain, todayInShanghai(new Date(at)))
    : res.body.items.find((c: { domain: string }) => c.domain === domain);
  return (checklist.items as { code: string; severity: string }[]).map((i) => ({
    code: i.code,
    result: fail.includes(i.code) ? 'fail' : na.includes(i.code) ? 'na' : 'pass',
  }));
}

/** The codes of a domain's current checklist by severity. */
export async function codesBySeverity(api: TestApi, user: TestUser, domain: string): Promise<Record<string, string[]>> {
  const res = await api.http().get('/api/v1/inspection-checklists').set(bearer(user)).expect(200);
  const out: Record<string, string[]> = { minor: [], major: [], critical: [] };
  for (const i of res.body.items.find((c: { domain: string }) => c.domain === domain).items) out[i.severity].push(i.code);
  return out;
}

/**
 * Dates the facility's entry in the registry `days` back, so that an inspection may be recorded that long ago
 * (inspections before the facility was entered are refused).
 */
export async function enteredDaysAgo(facilityId: string, days: number): Promise<void> {
  await ownerQuery(`UPDATE facilities SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [facilityId, days]);
}
