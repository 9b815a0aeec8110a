import type { INestApplicationContext } from '@nestjs/common';
import { AlertService } from '@lib/targets';
import { addDays, addYears, todayInShanghai } from '@lib/standards';
import { bearer, createUser, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { registeredFacility, staffBody } from '../factories/registry.js';

// docs/domain.md corrections (issue #13, item 4): background checks are dated, done at hiring and re-done yearly
// (alert background_check_due when older than 12 months); a security guard's record names the licensed security
// company that employs the guard (`employer`).

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let health: TestUser;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

const today = () => todayInShanghai();
const check = async (facilityId: string, code: string) =>
  (
    (await api.http().get(`/api/v1/facilities/${facilityId}/compliance`).set(bearer(health)).expect(200)).body.checks as {
      code: string;
      ok: boolean;
      detail: string;
    }[]
  ).find((c) => c.code === code)!;
const dueAlerts = async () =>
  (
    (await api.http().get('/api/v1/alerts?kind=background_check_due&status=open&limit=100').set(bearer(health)).expect(200)).body.items as {
      subject: { id: string };
      message: string;
      dueOn: string | null;
    }[]
  ).map((a) => ({ id: a.subject.id, message: a.message, dueOn: a.dueOn }));

describe('dated background checks', () => {
  it('stores the date given, today when none is given, none when not checked; refuses a date in the future', async () => {
    const f = await registeredFacility(api, owner, health);
    const add = (over: Record<string, unknown>) =>
      api.http().post(`/api/v1/facilities/${f.id}/staff`).set(bearer(owner)).send(staffBody('cook', over));
    const dated = await add({ backgroundCheckedOn: '2026-01-15' }).expect(201);
    expect(dated.body).toMatchObject({ backgroundChecked: true, backgroundCheckedOn: '2026-01-15', employer: null });
    const undated = await add({ backgroundCheckedOn: undefined }).expect(201);
    expect(undated.body.backgroundCheckedOn).toBe(today());
    const unchecked = await add({ backgroundChecked: false, backgroundCheckedOn: undefined }).expect(201);
    expect(unchecked.body).toMatchObject({ backgroundChecked: false, backgroundCheckedOn: null });
    const future = await add({ backgroundCheckedOn: addYears(today(), 1) }).expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'backgroundCheckedOn', code: 'future_date' });
    // A later check is recorded by PATCH; unchecking clears the date.
    const patched = await api
      .http()
      .patch(`/api/v1/staff/${unchecked.body.id}`)
      .set(bearer(owner))
      .send({ backgroundCheckedOn: '2026-02-01' })
      .expect(200);
    expect(patched.body).toMatchObject({ backgroundChecked: true, backgroundCheckedOn: '2026-02-01' });
    const cleared = await api
      .http()
      .patch(`/api/v1/staff/${dated.body.id}`)
      .set(bearer(owner))
      .send({ backgroundChecked: false })
      .expect(200);
    expect(cleared.body).toMatchObject({ backgroundChecked: false, backgroundCheckedOn: null });
  });

  it('a check older than a year fails the compliance check and raises background_check_due until it is re-done', async () => {
    const f = await registeredFacility(api, owner, health);
    expect((await check(f.id, 'background_checks')).ok).toBe(true);
    // A year and a day ago.
    const stale = addDays(addYears(today(), -1), -1);
    const cook = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('cook', { name: '周厨师', backgroundCheckedOn: stale }))
      .expect(201);
    const c = await check(f.id, 'background_checks');
    expect(c.ok).toBe(false);
    expect(c.detail).toBe(`周厨师的背景审查（${stale}）已超过一年，须重新审查`);
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    expect(await dueAlerts()).toContainEqual({
      id: cook.body.id,
      message: `周厨师的背景审查（${stale}）已超过一年，须重新审查`,
      dueOn: addYears(stale, 1),
    });
    await api.http().patch(`/api/v1/staff/${cook.body.id}`).set(bearer(owner)).send({ backgroundCheckedOn: today() }).expect(200);
    await api.db.transaction((m) => service.scan(m));
    expect((await dueAlerts()).map((a) => a.id)).not.toContain(cook.body.id);
    expect((await check(f.id, 'background_checks')).ok).toBe(true);
  });
});

describe("a security guard's employer", () => {
  it('is stored and answered; a guard without one fails security_guard_certified', async () => {
    const f = await registeredFacility(api, owner, health);
    const guards = (await api.http().get(`/api/v1/facilities/${f.id}/staff?active=true`).set(bearer(owner)).expect(200)).body.items.filter(
      (s: { role: string }) => s.role === 'security',
    ) as { id: string; employer: string | null }[];
    expect(guards.map((g) => g.employer)).toEqual(['长春市保安服务有限公司']);
    expect((await check(f.id, 'security_guard_certified')).ok).toBe(true);
    await api.http().patch(`/api/v1/staff/${guards[0]!.id}`).set(bearer(owner)).send({ employer: null }).expect(200);
    const c = await check(f.id, 'security_guard_certified');
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('未登记所属保安服务公司');
    await api.http().patch(`/api/v1/staff/${guards[0]!.id}`).set(bearer(owner)).send({ employer: '' }).expect(400);
  });
});
