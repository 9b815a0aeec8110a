// The inspection plan's rows follow the events (issue #19 item 1; docs/domain.md "Risk score"): a facility that is
// registered appears once per domain (the worker's refresh-plan-items job), an inspection moves its domain's risk and
// `due` in the inspection's own transaction, an incident reaches the plan through the outbox and the worker, and the
// nightly refresh (refresh-all-plan-items, through the queue as the schedule runs it) counts an order that fell overdue.
import { Queue } from 'bullmq';
import { redisOptionsFromUrl } from '@lib/core';
import { JobName, QueueName } from '@lib/events';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { answers, codesBySeverity, PLACES, registeredFacility, residentId, staffBody } from '../factories/registry.js';

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'cityFire', 'admin', 'kuanchengHealth');
const { owner, otherOwner, nanguanHealth, cityFire, admin, kuanchengHealth } = cast;
withApiAndWorker((started) => (api = started), cast);

interface Item {
  facilityId: string;
  domain: string;
  riskScore: number;
  due: boolean;
  reasons: string[];
  reasonsEn: string[];
  lastInspectedAt: string | null;
}

/** The facility's items in the unit's plan, by domain (every page of the cursor read). */
async function itemsOf(user: TestUser, facilityId: string): Promise<Record<string, Item>> {
  const out: Record<string, Item> = {};
  let cursor: string | null = null;
  do {
    const res: { body: { items: Item[]; nextCursor: string | null } } = await api
      .http()
      .get(`/api/v1/inspection-plan?regionCode=220102&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      .set(bearer(user))
      .expect(200);
    for (const i of res.body.items as Item[]) if (i.facilityId === facilityId) out[i.domain] = i;
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

it('follow registration, inspections, incidents and the nightly refresh', async () => {
  const f = await registeredFacility(api, owner, nanguanHealth, { location: PLACES.nanguan });
  // Registered: the worker lists it in every domain, never inspected, so due.
  const fresh = await eventually(async () => {
    const items = await itemsOf(nanguanHealth, f.id);
    if (Object.keys(items).length !== 4) throw new Error(`${Object.keys(items).length} domains listed`);
    return items;
  });
  expect(Object.keys(fresh).sort()).toEqual(['building', 'fire', 'food', 'hygiene']);
  for (const item of Object.values(fresh)) {
    expect(item).toMatchObject({ due: true, lastInspectedAt: null });
    expect(item.reasons.join(' ')).toMatch(/从未进行/);
  }

  // A fire inspection that fails a critical item: the fire row changes when the write returns (same transaction).
  const codes = await codesBySeverity(api, cityFire, 'fire');
  const inspectedAt = new Date().toISOString();
  await api
    .http()
    .post(`/api/v1/facilities/${f.id}/inspections`)
    .set(bearer(cityFire))
    .send({ domain: 'fire', inspectedAt, items: await answers(api, cityFire, 'fire', [codes.critical![0]!]) })
    .expect(201);
  const inspected = await itemsOf(nanguanHealth, f.id);
  expect(inspected.fire!.lastInspectedAt).not.toBeNull();
  expect(inspected.fire!.due).toBe(false);
  expect(inspected.fire!.reasons.join(' ')).toMatch(/上次消防检查不合格/);
  expect(inspected.fire!.reasons.join(' ')).toMatch(/1 项整改尚未完成/);
  expect(inspected.fire!.riskScore).not.toBe(fresh.fire!.riskScore);
  expect(inspected.food).toEqual(fresh.food);

  // An incident reported by the operator: the plan learns it from the outbox, through the worker.
  await api
    .http()
    .post(`/api/v1/facilities/${f.id}/incidents`)
    .set(bearer(owner))
    .send({
      kind: 'injury',
      severity: 'serious',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      childrenAffected: 1,
      hospitalized: 0,
      description: '户外活动时一名幼儿从滑梯跌落，左臂擦伤',
      actionsTaken: '保健医生现场处理，已通知家长并送医检查',
    })
    .expect(201);
  const withIncident = await eventually(async () => {
    const items = await itemsOf(nanguanHealth, f.id);
    if (!items.food!.reasons.join(' ').includes('突发事件')) throw new Error('no incident yet');
    return items;
  });
  expect(withIncident.food!.reasonsEn.join(' ')).toMatch(/1 incident in the last 12 months \(1 serious\)/);
  expect(withIncident.food!.riskScore).toBeGreaterThan(fresh.food!.riskScore);

  // The order's due date passes (moved back here instead of waiting): nothing is written, so only the nightly
  // refresh, run through the queue as its schedule runs it, counts it overdue.
  await api.db.query(`UPDATE rectification_orders SET due_on = current_date - 3 WHERE facility_id = $1`, [f.id]);
  expect((await itemsOf(nanguanHealth, f.id)).fire!.reasons.join(' ')).not.toMatch(/整改逾期/);
  const queue = new Queue(QueueName.Plan, {
    prefix: process.env.QUEUE_PREFIX,
    connection: { ...redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), maxRetriesPerRequest: 1 },
  });
  try {
    await queue.add(JobName.RefreshAllPlanItems, {}, { removeOnComplete: true });
    const overdue = await eventually(async () => {
      const items = await itemsOf(nanguanHealth, f.id);
      if (!items.fire!.reasons.join(' ').includes('整改逾期')) throw new Error('not overdue yet');
      return items;
    });
    expect(overdue.fire!.reasons.join(' ')).toMatch(/1 项整改逾期/);
    expect(overdue.fire!.riskScore).toBeGreaterThan(inspected.fire!.riskScore);
  } finally {
    await queue.close();
  }

  // Every role sees it within its reach only: the admin and the city, not another unit's regulator.
  expect(Object.keys(await itemsOf(admin, f.id))).toHaveLength(4);
  expect(await itemsOf(kuanchengHealth, f.id)).toEqual({});
});

it('follow a multi-listing at the facility that entered the person later, and its end at the other facility', async () => {
  const first = await registeredFacility(api, owner, nanguanHealth, { location: PLACES.nanguan });
  const later = await registeredFacility(api, otherOwner, nanguanHealth, { location: PLACES.nanguan2 });
  const multi = (items: Record<string, Item>) => Object.values(items).some((i) => i.reasons.join(' ').includes('同时在其他机构任职'));
  const idNumber = residentId();
  const atFirst = await api
    .http()
    .post(`/api/v1/facilities/${first.id}/staff`)
    .set(bearer(owner))
    .send(staffBody('cook', { idNumber }))
    .expect(201);
  await api.http().post(`/api/v1/facilities/${later.id}/staff`).set(bearer(otherOwner)).send(staffBody('cook', { idNumber })).expect(201);
  // The facility that listed the person later carries the risk (in every domain), the first one does not.
  await eventually(async () => {
    const items = await itemsOf(nanguanHealth, later.id);
    if (Object.keys(items).length !== 4 || !Object.values(items).every((i) => i.reasons.join(' ').includes('同时在其他机构任职')))
      throw new Error('not multi-listed yet');
  });
  expect(multi(await itemsOf(nanguanHealth, first.id))).toBe(false);
  // The person leaves the first facility: only its event is recorded, and the later facility's rows follow it too.
  await api.http().delete(`/api/v1/staff/${atFirst.body.id}`).set(bearer(owner)).expect(204);
  await eventually(async () => {
    if (multi(await itemsOf(nanguanHealth, later.id))) throw new Error('still multi-listed');
  });
});
