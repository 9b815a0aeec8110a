import request from 'supertest';
import { bearer, TEST_PASSWORD, unique, type TestApi, type TestUser } from '../helpers/app.js';

/** Months relative to now (Asia/Shanghai is close enough for whole months in tests): `monthsFromNow(3)` → `YYYY-MM`. */
export function monthsFromNow(n: number): string {
  const d = new Date();
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A start month three months ahead and a birth month making the child `ageMonths` old then. */
export function childOf(ageMonths: number, label = `宝宝${Math.floor(Math.random() * 1000)}`) {
  const startMonth = monthsFromNow(3);
  return { child: { label, birthMonth: monthsFromNow(3 - ageMonths) }, startMonth };
}

export function inDays(n: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + n * 86400_000);
  return d.toISOString().slice(0, 10);
}

/** Registers a parent through the API (accountType parent) and signs it in. */
export async function registerParent(api: TestApi | { http: () => ReturnType<typeof request> }): Promise<TestUser> {
  const username = unique('parent');
  const password = TEST_PASSWORD;
  await api.http().post('/api/v1/auth/register').send({ username, password, displayName: '家长', accountType: 'parent' }).expect(201);
  const res = await api.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
  return { id: res.body.user.id, role: 'parent', username, password, token: res.body.accessToken };
}

/** A toddler application (14 months in the start month) to the given facilities. */
export async function applyFor(api: TestApi, parent: TestUser, choices: string[], extra: Record<string, unknown> = {}) {
  const res = await api
    .http()
    .post('/api/v1/applications')
    .set(bearer(parent))
    .send({ ...childOf(14), serviceType: 'full_day', choices, ...extra });
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.text}`);
  return res.body as { id: string; choices: { facilityId: string; position: number }[] };
}
