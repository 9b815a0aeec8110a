import { randomUUID } from 'node:crypto';
import { FilingService } from '@lib/filing';
import { AlertService } from '@lib/targets';
import { bearer, createUser, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { answers, codesBySeverity, enteredDaysAgo, registeredFacility, staffBody } from '../factories/registry.js';

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'kuanchengHealth', 'cityFire');
const { owner, otherOwner, nanguanHealth, kuanchengHealth, cityFire } = cast;
withApiAndWorker((started) => (api = started), cast);

const inDays = (n: number) => new Date(Date.now() + 8 * 3600 * 1000 + n * 86400000).toISOString().slice(0, 10);
const nameOf = async (facilityId: string, user: TestUser) =>
  (await api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(user)).expect(200)).body.name as string;
const alertsOf = async (user: TestUser, query: string) =>
  (await api.http().get(`/api/v1/alerts?limit=100&${query}`).set(bearer(user)).expect(200)).body.items as {
    id: string;
    subject: { id: string };
    kind: string;
    facilityId?: string;
    facilityName?: string;
    message: string;
    messageEn: string;
    dueOn?: string;
    resolvedAt?: string;
  }[];

describe('alerts', () => {
  it('tell the operator and the unit’s health regulator, once, of a certificate expiring in 7 days, and resolve when it is renewed', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const s = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('cook', { healthCertificate: { number: 'JK-7', expiresOn: inDays(7) } }))
      .expect(201);
    const mine = (user: TestUser) =>
      alertsOf(user, 'kind=health_certificate_expiring&status=open').then((all) => all.filter((a) => a.subject.id === s.body.id));

    // Caused by a write: within seconds, through the outbox and the worker.
    await eventually(async () => expect(await mine(owner)).toHaveLength(1));
    expect((await mine(owner))[0]).toMatchObject({ dueOn: inDays(7), stage: 'within_7_days' });
    expect(await mine(nanguanHealth)).toHaveLength(1);
    expect(await mine(otherOwner)).toHaveLength(0);
    expect(await mine(kuanchengHealth)).toHaveLength(0);
    expect(await mine(cityFire)).toHaveLength(0);

    // Reruns never duplicate.
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    await api.db.transaction((m) => service.scan(m));
    const [{ n }] = await api.db.query(
      "SELECT count(*)::int AS n FROM alerts WHERE subject_id = $1 AND kind = 'health_certificate_expiring'",
      [s.body.id],
    );
    expect(n).toBe(1);

    await api
      .http()
      .patch(`/api/v1/staff/${s.body.id}`)
      .set(bearer(owner))
      .send({ healthCertificate: { number: 'JK-8', expiresOn: inDays(365) } })
      .expect(200);
    await eventually(async () => expect(await mine(owner)).toHaveLength(0));
    const resolved = (await alertsOf(owner, 'kind=health_certificate_expiring&status=resolved')).filter((a) => a.subject.id === s.body.id);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.resolvedAt).toBeDefined();
  });

  it('tell the order’s agency and health of an overdue rectification, not other agencies', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const codes = await codesBySeverity(api, cityFire, 'fire');
    await enteredDaysAgo(f.id, 60);
    const longAgo = new Date(Date.now() - 40 * 86400000).toISOString();
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(cityFire))
      .send({ domain: 'fire', inspectedAt: longAgo, items: await answers(api, cityFire, 'fire', [codes.minor![0]!], [], longAgo) })
      .expect(201);
    const orderId = rec.body.rectificationOrders[0].id as string;
    const overdue = (user: TestUser) =>
      alertsOf(user, 'kind=rectification_overdue&status=open').then((all) => all.filter((a) => a.subject.id === orderId));
    await eventually(async () => expect(await overdue(cityFire)).toHaveLength(1));
    expect(await overdue(nanguanHealth)).toHaveLength(1);
    expect(await overdue(owner)).toHaveLength(1);
    const market = await createUser(api, 'regulator', { agency: 'market', regionCode: '220100' });
    expect(await overdue(market)).toHaveLength(0);
    // Answered and verified: the cause goes away.
    await api.http().post(`/api/v1/rectification-orders/${orderId}/response`).set(bearer(owner)).send({ note: '已整改' }).expect(200);
    await api.http().post(`/api/v1/rectification-orders/${orderId}/verify`).set(bearer(cityFire)).send({ accepted: true }).expect(200);
    await eventually(async () => expect(await overdue(cityFire)).toHaveLength(0));
  });

  it('count an order answered in time as the regulator’s to verify, not the operator’s delay (issue #18 item 8)', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const codes = await codesBySeverity(api, cityFire, 'fire');
    const code = codes.minor![0]!;
    const checklists = await api.http().get('/api/v1/inspection-checklists').set(bearer(cityFire)).expect(200);
    const item = (checklists.body.items as { domain: string; items: { code: string; text: string; textEn: string }[] }[])
      .find((c) => c.domain === 'fire')!
      .items.find((i) => i.code === code)!;
    await enteredDaysAgo(f.id, 60);
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(cityFire))
      .send({
        domain: 'fire',
        inspectedAt: new Date().toISOString(),
        items: await answers(api, cityFire, 'fire', [code]),
      })
      .expect(201);
    const orderId = rec.body.rectificationOrders[0].id as string;
    const answered = await api
      .http()
      .post(`/api/v1/rectification-orders/${orderId}/response`)
      .set(bearer(owner))
      .send({ note: '已整改' })
      .expect(200);
    expect(answered.body).toMatchObject({
      status: 'responded',
      overdue: false,
      verificationDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // Weeks later: the order fell due 3 days ago; it was answered 20 days ago, in time, and nobody has verified it.
    await api.db.query(
      `UPDATE rectification_orders SET due_on = current_date - 3, response = jsonb_set(response, '{at}', to_jsonb(now() - interval '20 days'))
        WHERE id = $1`,
      [orderId],
    );
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    const order = async (query = '') =>
      (
        (await api.http().get(`/api/v1/rectification-orders?facilityId=${f.id}${query}`).set(bearer(owner)).expect(200)).body.items as {
          id: string;
          overdue: boolean;
        }[]
      ).find((o) => o.id === orderId);
    expect(await order()).toMatchObject({ overdue: false, status: 'responded' });
    expect(await order('&status=overdue')).toBeUndefined();
    const about = (user: TestUser, kind: string) =>
      alertsOf(user, `kind=${kind}&status=open`).then((all) => all.filter((a) => a.subject.id === orderId));
    expect(await about(owner, 'rectification_overdue')).toEqual([]);
    expect(await about(cityFire, 'rectification_overdue')).toEqual([]);
    // The regulators' own delay: the order's agency and health, not the operator, not another agency.
    const late = await about(cityFire, 'verification_overdue');
    expect(late).toHaveLength(1);
    const name = await nameOf(f.id, owner);
    expect(late[0]).toMatchObject({ facilityId: f.id, facilityName: name });
    expect(late[0]!.message).toContain(item.text);
    expect(late[0]!.message).not.toContain(code);
    expect(late[0]!.messageEn).toContain(item.textEn);
    expect(await about(nanguanHealth, 'verification_overdue')).toHaveLength(1);
    expect(await about(owner, 'verification_overdue')).toEqual([]);
    const market = await createUser(api, 'regulator', { agency: 'market', regionCode: '220100' });
    expect(await about(market, 'verification_overdue')).toEqual([]);
    // The plan counts it as open (5), not overdue (15).
    const plan = await api
      .http()
      .get(`/api/v1/inspection-plan?domain=fire&regionCode=220102&limit=100`)
      .set(bearer(nanguanHealth))
      .expect(200);
    const row = (plan.body.items as { facilityId: string; reasons: string[] }[]).find((r) => r.facilityId === f.id)!;
    expect(row.reasons.join(' ')).not.toMatch(/整改逾期|overdue/);
    expect(row.reasons.join(' ')).toMatch(/1 项整改尚未完成/);

    // Answered only after its due date: the operator's delay, named by the item's words, until verified.
    await api.db.query(
      `UPDATE rectification_orders SET response = jsonb_set(response, '{at}', to_jsonb(now() - interval '1 day')) WHERE id = $1`,
      [orderId],
    );
    await api.db.transaction((m) => service.scan(m));
    expect(await order()).toMatchObject({ overdue: true });
    const overdue = await about(owner, 'rectification_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ facilityName: name });
    expect(overdue[0]!.message).toContain(item.text);
    expect(overdue[0]!.message).not.toContain(code);
    await api.http().post(`/api/v1/rectification-orders/${orderId}/verify`).set(bearer(cityFire)).send({ accepted: true }).expect(200);
    await api.db.transaction((m) => service.scan(m));
    expect(await about(owner, 'rectification_overdue')).toEqual([]);
    expect(await about(cityFire, 'verification_overdue')).toEqual([]);
  });

  it('group the open alerts by facility and kind, page the groups and list one group’s alerts (issue #18 item 10)', async () => {
    const f = await registeredFacility(api, otherOwner, nanguanHealth);
    for (const [name, days] of [
      ['甲', 5],
      ['乙', 10],
    ] as const)
      await api
        .http()
        .post(`/api/v1/facilities/${f.id}/staff`)
        .set(bearer(otherOwner))
        .send(staffBody('cook', { name: `厨师${name}`, healthCertificate: { number: `JK-G${days}`, expiresOn: inDays(days) } }))
        .expect(201);
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    type Group = {
      facilityId?: string;
      facilityName?: string;
      regionCode?: string;
      regionName?: string;
      count: number;
      kinds: { kind: string; count: number }[];
      dueOn?: string;
    };
    const groupsOf = async (user: TestUser, query = '') => {
      const all: Group[] = [];
      let cursor: string | null = null;
      do {
        const res = await api
          .http()
          .get(`/api/v1/alerts/groups?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(bearer(user))
          .expect(200);
        all.push(...(res.body.items as Group[]));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return all;
    };
    const mine = await groupsOf(otherOwner);
    const group = mine.find((g) => g.facilityId === f.id)!;
    const name = await nameOf(f.id, otherOwner);
    expect(group).toMatchObject({ facilityName: name, regionCode: '220102', regionName: expect.any(String), dueOn: inDays(5) });
    expect(group.kinds).toContainEqual({ kind: 'health_certificate_expiring', count: 2 });
    expect(group.count).toBe(group.kinds.reduce((n, k) => n + k.count, 0));
    // Most alerts first, every group once across the pages.
    const counts = mine.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(mine.map((g) => g.facilityId ?? g.regionCode)).size).toBe(mine.length);
    // Another operator never sees it; the unit's health regulator does, units' own alerts as their own groups.
    expect((await groupsOf(owner)).map((g) => g.facilityId)).not.toContain(f.id);
    const regulators = await groupsOf(nanguanHealth, '&kind=health_certificate_expiring');
    expect(regulators.find((g) => g.facilityId === f.id)).toMatchObject({
      count: 2,
      kinds: [{ kind: 'health_certificate_expiring', count: 2 }],
    });
    expect(regulators.every((g) => g.kinds.every((k) => k.kind === 'health_certificate_expiring'))).toBe(true);
    const units = await groupsOf(nanguanHealth, '&kind=region_below_target');
    expect(units).toContainEqual(expect.objectContaining({ regionCode: '220102', kinds: [{ kind: 'region_below_target', count: 1 }] }));
    expect(units.every((g) => g.facilityId === undefined)).toBe(true);
    // One group's alerts, each naming its facility.
    const listed = (await api.http().get(`/api/v1/alerts?status=open&facilityId=${f.id}`).set(bearer(nanguanHealth)).expect(200)).body
      .items as {
      facilityId: string;
      facilityName: string;
      message: string;
    }[];
    expect(listed).toHaveLength(2);
    expect(listed.every((a) => a.facilityId === f.id && a.facilityName === name)).toBe(true);
    const unitOwn = (await api.http().get('/api/v1/alerts?status=open&regionCode=220102').set(bearer(nanguanHealth)).expect(200)).body
      .items as {
      facilityId?: string;
      kind: string;
    }[];
    expect(unitOwn.map((a) => a.kind)).toContain('region_below_target');
    expect(unitOwn.every((a) => a.facilityId === undefined)).toBe(true);
    await api.http().get('/api/v1/alerts?facilityId=nope').set(bearer(nanguanHealth)).expect(400);
    await api.http().get('/api/v1/alerts?regionCode=22').set(bearer(nanguanHealth)).expect(400);
    await api.http().get('/api/v1/alerts/groups?kind=nope').set(bearer(nanguanHealth)).expect(400);
    await api.http().get('/api/v1/alerts/groups?cursor=%%%').set(bearer(nanguanHealth)).expect(400);
    await api.http().get('/api/v1/alerts/groups').expect(401);
  });

  it('rescan one facility’s or one unit’s alerts only, opening and resolving nothing elsewhere (issue #19 item 3)', async () => {
    const [a, b] = [await registeredFacility(api, owner, nanguanHealth), await registeredFacility(api, owner, nanguanHealth)];
    const service = api.app.get(AlertService);
    const rolledBack = new Error('rolled back');
    // In one transaction that is rolled back: the worker's scans never see these causes.
    await api.db
      .transaction(async (m) => {
        const expiring = (until: string) =>
          m.query(
            `UPDATE facilities SET affordable = true, affordable_status = 'recognized', affordable_valid_until = $2 WHERE id = ANY($1::uuid[])`,
            [[a.id, b.id], until],
          );
        const open = async () =>
          (
            (await m.query(
              `SELECT facility_id FROM alerts WHERE kind = 'affordable_recognition_expiring' AND resolved_at IS NULL
                AND facility_id = ANY($1::uuid[]) ORDER BY facility_id = $2 DESC`,
              [[a.id, b.id], a.id],
            )) as { facility_id: string }[]
          ).map((r) => r.facility_id);
        await expiring(inDays(10));
        await service.scan(m, undefined, { facilityIds: [a.id] });
        expect(await open()).toEqual([a.id]);
        await service.scan(m, undefined, { unitCodes: ['220102'] });
        expect(await open()).toEqual([a.id]);
        await service.scan(m);
        expect(await open()).toEqual([a.id, b.id]);
        // Both renewed: a facility's scan resolves its own alert only.
        await expiring(inDays(400));
        await service.scan(m, undefined, { facilityIds: [b.id] });
        expect(await open()).toEqual([a.id]);
        await service.scan(m, undefined, { unitCodes: ['220102'] });
        expect(await open()).toEqual([a.id]);
        await service.scan(m);
        expect(await open()).toEqual([]);
        throw rolledBack;
      })
      .catch((e: unknown) => {
        if (e !== rolledBack) throw e;
      });
  });

  it('check the carer ratios of any number of facilities at once (the full scan at N: more than 65,535 ids)', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const ids = [f.id, ...Array.from({ length: 70_000 }, () => randomUUID())];
    const checks = await api.db.transaction((m) => api.app.get(FilingService).checksByFacility(m, ids));
    expect([...checks.keys()]).toEqual([f.id]);
  });

  it('flag units below this year’s trajectory for their health regulators', async () => {
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    const below = await alertsOf(nanguanHealth, 'kind=region_below_target&status=open');
    expect(below.map((a) => a.subject.id)).toContain('220102');
    expect(below.map((a) => a.subject.id)).not.toContain('220103');
    await api.http().get('/api/v1/alerts?status=closed').set(bearer(owner)).expect(400);
    await api.http().get('/api/v1/alerts').expect(401);
  });
});
