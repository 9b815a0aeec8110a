// Incidents (突发事件) and drills, docs/api.md "Incidents (突发事件) and drills": every clause through the API, and the
// escalation, lateness, cluster and drill alerts end to end through the outbox and the worker, whose clock is moved
// forward instead of waiting.
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock, redisOptionsFromUrl } from '@lib/core';
import { JobName, QueueName } from '@lib/events';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { answers, PLACES, registeredFacility } from '../factories/registry.js';

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let otherOwner: TestUser;
let health: TestUser; // 南关区 health
let cityHealth: TestUser;
let otherHealth: TestUser; // 宽城区 health
let market: TestUser;
let fire: TestUser;
let facility: { id: string };
let queue: Queue;

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  owner = await createUser(api, 'operator');
  otherOwner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  cityHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  otherHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220103' });
  market = await createUser(api, 'regulator', { agency: 'market', regionCode: '220102' });
  fire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
  facility = await registeredFacility(api, owner, health, { location: PLACES.nanguan });
  queue = new Queue(QueueName.Alerts, {
    prefix: process.env.QUEUE_PREFIX,
    connection: { ...redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), maxRetriesPerRequest: 1 },
  });
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await worker?.close();
  await api?.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  kind: 'injury',
  severity: 'serious',
  occurredAt: ago(HOUR),
  childrenAffected: 1,
  hospitalized: 0,
  description: '户外活动时一名幼儿从滑梯跌落，左臂擦伤',
  actionsTaken: '保健医生现场处理，已通知家长并送医检查',
  ...over,
});

const report = (user: TestUser, over: Record<string, unknown> = {}, facilityId = facility.id) =>
  api.http().post(`/api/v1/facilities/${facilityId}/incidents`).set(bearer(user)).send(body(over));

describe('reporting', () => {
  it('answers 201 with the incident, its deadline and Location; counts of children only', async () => {
    const occurredAt = ago(HOUR);
    const res = await report(owner, { occurredAt }).expect(201);
    expect(res.headers.location).toBe(`/api/v1/incidents/${res.body.id}`);
    expect(res.body).toMatchObject({
      facilityId: facility.id,
      kind: 'injury',
      severity: 'serious',
      status: 'reported',
      late: false,
      childrenAffected: 1,
      hospitalized: 0,
      reportedVia: 'operator',
      timeline: [],
    });
    expect(new Date(res.body.occurredAt).getTime()).toBe(new Date(occurredAt).getTime());
    // Serious: 12 hours from the occurrence.
    expect(new Date(res.body.reportDueAt).getTime() - new Date(occurredAt).getTime()).toBe(12 * HOUR);
    expect(Date.now() - new Date(res.body.reportedAt).getTime()).toBeLessThan(60_000);
    const got = await api.http().get(res.headers.location).set(bearer(owner)).expect(200);
    expect(got.body.id).toBe(res.body.id);
  });

  it('computes the deadline per kind and severity, and late when reported after it', async () => {
    const minorInTime = await report(owner, { severity: 'minor', occurredAt: ago(71 * HOUR) }).expect(201);
    expect(minorInTime.body.late).toBe(false);
    const minorLate = await report(owner, { severity: 'minor', occurredAt: ago(73 * HOUR) }).expect(201);
    expect(minorLate.body.late).toBe(true);
    const critical = await report(owner, { severity: 'critical', occurredAt: ago(3 * HOUR) }).expect(201);
    expect(critical.body.late).toBe(true);
    // A missing child is a 2-hour report even when recorded as minor.
    const missing = await report(owner, { kind: 'missing_child', severity: 'minor', occurredAt: ago(90 * 60_000) }).expect(201);
    expect(new Date(missing.body.reportDueAt).getTime() - new Date(missing.body.occurredAt).getTime()).toBe(2 * HOUR);
    expect(missing.body.late).toBe(false);
  });

  it('lets a regulator in reach record a report it received; nobody else', async () => {
    const res = await report(health).expect(201);
    expect(res.body.reportedVia).toBe('regulator');
    await report(otherHealth).expect(404);
    await report(otherOwner).expect(404);
    const admin = await createUser(api, 'admin');
    await report(admin).expect(403);
    await api.http().post(`/api/v1/facilities/${facility.id}/incidents`).send(body()).expect(401);
  });

  it('refuses bad input naming the field: 400 for shape and future times, 422 for more hospitalized than affected', async () => {
    const field = (res: { body: { errors?: { field?: string; code: string }[] } }) => res.body.errors?.map((e) => e.field);
    expect(field(await report(owner, { occurredAt: new Date(Date.now() + HOUR).toISOString() }).expect(400))).toContain('occurredAt');
    expect(field(await report(owner, { kind: 'flood' }).expect(400))).toContain('kind');
    expect(field(await report(owner, { severity: 'grave' }).expect(400))).toContain('severity');
    expect(field(await report(owner, { childrenAffected: -1 }).expect(400))).toContain('childrenAffected');
    expect(field(await report(owner, { occurredAt: '2026-12-01 10:00' }).expect(400))).toContain('occurredAt');
    expect(field(await report(owner, { description: '' }).expect(400))).toContain('description');
    const named = await report(owner, { childName: '小明' }).expect(400);
    expect(named.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'childName', code: 'unknown_property' })]));
    const over = await report(owner, { childrenAffected: 1, hospitalized: 2 }).expect(422);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'hospitalized', code: 'hospitalized_exceeds_affected' })]);
    const { kind: _kind, ...noKind } = body();
    const missing = await api.http().post(`/api/v1/facilities/${facility.id}/incidents`).set(bearer(owner)).send(noKind).expect(400);
    expect(field(missing)).toContain('kind');
  });

  it('refuses a report for a draft facility (409)', async () => {
    const draft = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send((await import('../factories/registry.js')).facilityBody())
      .expect(201);
    await report(owner, {}, draft.body.id).expect(409);
  });
});

describe('listing', () => {
  it('shows regulators in reach and owners their incidents, filtered and paginated; 404 outside reach', async () => {
    const mine = await report(owner, { kind: 'illness', severity: 'minor', childrenAffected: 1 }).expect(201);
    const ids = async (user: TestUser, query = '') =>
      ((await api.http().get(`/api/v1/incidents?limit=100${query}`).set(bearer(user)).expect(200)).body.items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await ids(owner)).toContain(mine.body.id);
    expect(await ids(health)).toContain(mine.body.id);
    expect(await ids(cityHealth)).toContain(mine.body.id);
    expect(await ids(otherOwner)).not.toContain(mine.body.id);
    expect(await ids(otherHealth)).not.toContain(mine.body.id);
    expect(await ids(health, '&kind=illness&severity=minor&status=reported')).toContain(mine.body.id);
    expect(await ids(health, '&kind=injury')).not.toContain(mine.body.id);
    expect(await ids(health, `&facilityId=${facility.id}&regionCode=220102`)).toContain(mine.body.id);
    expect(await ids(health, '&regionCode=220103')).not.toContain(mine.body.id);
    const page = await api.http().get('/api/v1/incidents?limit=1').set(bearer(owner)).expect(200);
    expect(page.body.items).toHaveLength(1);
    const next = await api.http().get(`/api/v1/incidents?limit=1&cursor=${page.body.nextCursor}`).set(bearer(owner)).expect(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    await api.http().get(`/api/v1/incidents/${mine.body.id}`).set(bearer(otherOwner)).expect(404);
    await api.http().get(`/api/v1/incidents/${mine.body.id}`).set(bearer(otherHealth)).expect(404);
    await api.http().get('/api/v1/incidents?status=open').set(bearer(owner)).expect(400);
  });
});

describe('handling', () => {
  it('acknowledge (health, or the agency of the kind), updates from both sides, close with a finding; 409 in the wrong state', async () => {
    const food = await report(owner, { kind: 'food_poisoning', severity: 'serious', childrenAffected: 4, hospitalized: 1 }).expect(201);
    const id = food.body.id as string;
    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(fire)).send({}).expect(403);
    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(otherHealth)).send({}).expect(404);
    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(owner)).send({}).expect(403);
    const acked = await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(market)).send({ note: '已派员核查' }).expect(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged' });
    expect(acked.body.acknowledgedAt).toBeDefined();
    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(health)).send({}).expect(409);

    const u1 = await api.http().post(`/api/v1/incidents/${id}/updates`).set(bearer(owner)).send({ note: '4 名幼儿已返园' }).expect(201);
    const u2 = await api.http().post(`/api/v1/incidents/${id}/updates`).set(bearer(market)).send({ note: '留样已送检' }).expect(201);
    expect(u2.body.timeline.map((e: { type: string; actor: unknown; note: string }) => [e.type, e.actor, e.note])).toEqual([
      ['acknowledged', { role: 'regulator', agency: 'market' }, '已派员核查'],
      ['update', { role: 'operator' }, '4 名幼儿已返园'],
      ['update', { role: 'regulator', agency: 'market' }, '留样已送检'],
    ]);
    expect(u1.body.timeline).toHaveLength(2);
    await api.http().post(`/api/v1/incidents/${id}/updates`).set(bearer(otherOwner)).send({ note: 'x' }).expect(404);
    await api.http().post(`/api/v1/incidents/${id}/updates`).set(bearer(owner)).send({}).expect(400);

    await api.http().post(`/api/v1/incidents/${id}/close`).set(bearer(market)).send({ finding: 'substantiated', note: '-' }).expect(403);
    await api.http().post(`/api/v1/incidents/${id}/close`).set(bearer(health)).send({ finding: 'maybe', note: '-' }).expect(400);
    const closed = await api
      .http()
      .post(`/api/v1/incidents/${id}/close`)
      .set(bearer(health))
      .send({ finding: 'substantiated', note: '检测确认为诺如病毒污染的凉拌菜' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', finding: 'substantiated' });
    expect(closed.body.timeline.at(-1)).toMatchObject({ type: 'closed', actor: { role: 'regulator', agency: 'health' } });
    await api.http().post(`/api/v1/incidents/${id}/close`).set(bearer(health)).send({ finding: 'no_fault', note: '-' }).expect(409);
    await api.http().post(`/api/v1/incidents/${id}/updates`).set(bearer(owner)).send({ note: 'x' }).expect(409);
    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(health)).send({}).expect(409);

    // Audited on the facility's history.
    const history = await api.http().get(`/api/v1/facilities/${facility.id}/history?limit=100`).set(bearer(owner)).expect(200);
    const actions = (history.body.items as { action: string; changes?: { incidentId?: string } }[])
      .filter((e) => e.changes?.incidentId === id)
      .map((e) => e.action);
    expect(actions).toEqual(['incident.reported', 'incident.acknowledged', 'incident.updated', 'incident.updated', 'incident.closed']);
  });

  it('goes from an incident to an inspection and a suspension, linked both ways', async () => {
    const abuse = await report(owner, { kind: 'abuse_allegation', severity: 'critical', occurredAt: ago(HOUR) }).expect(201);
    const id = abuse.body.id as string;
    expect(abuse.body.suggestedDomain).toBe('hygiene');
    const inspection = await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/inspections`)
      .set(bearer(health))
      .send({ domain: 'hygiene', inspectedAt: new Date().toISOString(), items: await answers(api, health, 'hygiene'), incidentId: id })
      .expect(201);
    expect(inspection.body.incidentId).toBe(id);
    // An incident of another facility is refused, naming the field.
    const other = await registeredFacility(api, otherOwner, health, { location: PLACES.nanguan2 });
    const foreign = await api
      .http()
      .post(`/api/v1/facilities/${other.id}/inspections`)
      .set(bearer(health))
      .send({ domain: 'hygiene', inspectedAt: new Date().toISOString(), items: await answers(api, health, 'hygiene'), incidentId: id })
      .expect(422);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'incidentId', code: 'incident_mismatch' });
    await api.http().post(`/api/v1/facilities/${other.id}/suspend`).set(bearer(health)).send({ reason: 'x', incidentId: id }).expect(422);

    const suspended = await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/suspend`)
      .set(bearer(health))
      .send({ reason: '虐童指控调查期间暂停收托', incidentId: id })
      .expect(200);
    expect(suspended.body.status).toBe('suspended');
    const got = await api.http().get(`/api/v1/incidents/${id}`).set(bearer(health)).expect(200);
    expect(got.body.links.inspections).toEqual([
      { id: inspection.body.id, domain: 'hygiene', outcome: 'pass', inspectedAt: inspection.body.inspectedAt },
    ]);
    expect(got.body.links.facilityActions).toEqual([{ action: 'suspend', at: expect.any(String), reason: '虐童指控调查期间暂停收托' }]);
    const history = await api.http().get(`/api/v1/facilities/${facility.id}/history?limit=100`).set(bearer(health)).expect(200);
    expect(history.body.items.find((e: { action: string }) => e.action === 'facility.suspend').changes.incidentId).toBe(id);
    await api.http().post(`/api/v1/facilities/${facility.id}/reinstate`).set(bearer(health)).expect(200);
  });
});

describe('drills', () => {
  it('are logged by the owner and listed latest first; a future date is 400, others are refused', async () => {
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const d = await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(owner))
      .send({ kind: 'fire_evacuation', heldOn: today, participants: 42, note: '全园疏散用时 3 分 10 秒' })
      .expect(201);
    expect(d.body).toMatchObject({ facilityId: facility.id, kind: 'fire_evacuation', heldOn: today, participants: 42 });
    await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(owner))
      .send({ kind: 'injury_first_aid', heldOn: '2026-01-15', participants: 10 })
      .expect(201);
    const tomorrow = new Date(Date.now() + 32 * HOUR).toISOString().slice(0, 10);
    const future = await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(owner))
      .send({ kind: 'fire_evacuation', heldOn: tomorrow, participants: 5 })
      .expect(400);
    expect(future.body.errors[0].field).toBe('heldOn');
    await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(owner))
      .send({ kind: 'swim', heldOn: today, participants: 5 })
      .expect(400);
    await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(otherOwner))
      .send({ kind: 'other', heldOn: today, participants: 5 })
      .expect(404);
    await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/drills`)
      .set(bearer(health))
      .send({ kind: 'other', heldOn: today, participants: 5 })
      .expect(403);
    const list = await api.http().get(`/api/v1/facilities/${facility.id}/drills`).set(bearer(health)).expect(200);
    expect(list.body.items[0].id).toBe(d.body.id);
    await api.http().get(`/api/v1/facilities/${facility.id}/drills`).set(bearer(otherHealth)).expect(404);
  });
});

describe('risk and the public record', () => {
  it('incidents of the last 12 months add a reason to the inspection plan', async () => {
    // The plan's rows follow incidents through the outbox and the worker (refresh-plan-items).
    const item = await eventually(async () => {
      const plan = await api
        .http()
        .get('/api/v1/inspection-plan?domain=hygiene&regionCode=220102&limit=100')
        .set(bearer(health))
        .expect(200);
      const found = plan.body.items.find((i: { facilityId: string }) => i.facilityId === facility.id);
      if (!found?.reasons.join(' ').includes('突发事件')) throw new Error('the plan has not followed the incidents yet');
      return found;
    });
    expect(item.reasons.join(' ')).toMatch(/近 12 个月发生 \d+ 起突发事件/);
    expect(item.reasonsEn.join(' ')).toMatch(/incidents in the last 12 months/);
  });

  it('the public page lists substantiated serious and critical incidents: kind, severity, date and finding only', async () => {
    const f = await registeredFacility(api, owner, health, { location: PLACES.nanguan2 });
    const close = async (over: Record<string, unknown>, finding: string) => {
      const r = await report(owner, over, f.id).expect(201);
      await api.http().post(`/api/v1/incidents/${r.body.id}/close`).set(bearer(health)).send({ finding, note: '调查结论' }).expect(200);
      return r.body;
    };
    const shown = await close({ kind: 'food_poisoning', severity: 'serious', childrenAffected: 5 }, 'substantiated');
    await close({ kind: 'injury', severity: 'minor' }, 'substantiated');
    await close({ kind: 'abuse_allegation', severity: 'critical' }, 'unsubstantiated');
    await report(owner, { kind: 'fire', severity: 'critical' }, f.id).expect(201); // open: not public
    const pub = await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200);
    expect(pub.body.incidents).toEqual([
      {
        kind: 'food_poisoning',
        severity: 'serious',
        occurredOn: new Date(new Date(shown.occurredAt).getTime() + 8 * HOUR).toISOString().slice(0, 10),
        finding: 'substantiated',
      },
    ]);
    expect(JSON.stringify(pub.body)).not.toContain('幼儿');
  });
});

describe('alerts through the worker', () => {
  const clock = () => worker.get(Clock);
  const alertsOf = async (user: TestUser, kind: string, subjectId: string, status = 'open') =>
    (
      (await api.http().get(`/api/v1/alerts?limit=100&kind=${kind}&status=${status}`).set(bearer(user)).expect(200)).body.items as {
        subject: { id: string };
        escalation?: string;
      }[]
    ).filter((a) => a.subject.id === subjectId);
  /** What the job scheduler does every 5 minutes. */
  const scheduledScan = () => queue.add(JobName.ScanIncidentAlerts, {}, { removeOnComplete: true });
  const shift = (ms: number) => {
    clock().now = () => new Date(Date.now() + ms);
  };
  afterEach(() => {
    clock().now = () => new Date();
  });

  it('incident_unacknowledged: to the unit’s health regulators at 2 h, to the city-level ones too at 4 h; resolved on acknowledgement', async () => {
    const r = await report(owner, { kind: 'injury', severity: 'serious', occurredAt: ago(10 * 60_000) }).expect(201);
    const id = r.body.id as string;
    await scheduledScan();
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(await alertsOf(health, 'incident_unacknowledged', id)).toHaveLength(0);

    shift(2 * HOUR + 60_000);
    await scheduledScan();
    await eventually(async () =>
      expect(await alertsOf(health, 'incident_unacknowledged', id)).toEqual([expect.objectContaining({ escalation: 'unit' })]),
    );
    expect(await alertsOf(cityHealth, 'incident_unacknowledged', id)).toHaveLength(0);
    expect(await alertsOf(otherHealth, 'incident_unacknowledged', id)).toHaveLength(0);
    expect(await alertsOf(owner, 'incident_unacknowledged', id)).toHaveLength(1);

    shift(4 * HOUR + 60_000);
    await scheduledScan();
    await eventually(async () =>
      expect(await alertsOf(cityHealth, 'incident_unacknowledged', id)).toEqual([expect.objectContaining({ escalation: 'city' })]),
    );
    expect(await alertsOf(health, 'incident_unacknowledged', id)).toHaveLength(1);
    const view = await api.http().get(`/api/v1/incidents/${id}`).set(bearer(health)).expect(200);
    expect(view.body.status).toBe('reported');

    await api.http().post(`/api/v1/incidents/${id}/acknowledge`).set(bearer(health)).send({}).expect(200);
    await eventually(async () => expect(await alertsOf(cityHealth, 'incident_unacknowledged', id)).toHaveLength(0));
    expect(await alertsOf(health, 'incident_unacknowledged', id, 'resolved')).toHaveLength(1);
  });

  it('incident_reported_late appears after a late report, within seconds, and resolves when the incident is closed', async () => {
    const started = Date.now();
    const r = await report(owner, { kind: 'death', severity: 'critical', occurredAt: ago(5 * HOUR) }).expect(201);
    const id = r.body.id as string;
    expect(r.body.late).toBe(true);
    await eventually(async () => expect(await alertsOf(health, 'incident_reported_late', id)).toHaveLength(1), 15000, 50);
    const ms = Date.now() - started;
    // The figure docs/incidents.md quotes (report to alert through the outbox and the worker).
    console.log(`incident report → incident_reported_late alert through the worker: ${ms} ms`);
    expect(ms).toBeLessThan(60_000);
    await api.http().post(`/api/v1/incidents/${id}/close`).set(bearer(health)).send({ finding: 'no_fault', note: '突发疾病' }).expect(200);
    await eventually(async () => expect(await alertsOf(health, 'incident_reported_late', id)).toHaveLength(0));
  });

  it('illness_cluster: 3 children ill within 7 days at one facility; resolved when the incidents are closed', async () => {
    const f = await registeredFacility(api, owner, health, { location: PLACES.nanguan2 });
    const a = await report(owner, { kind: 'illness', severity: 'minor', childrenAffected: 1, occurredAt: ago(5 * 24 * HOUR) }, f.id).expect(
      201,
    );
    await scheduledScan();
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(await alertsOf(health, 'illness_cluster', f.id)).toHaveLength(0);
    const b = await report(owner, { kind: 'illness', severity: 'minor', childrenAffected: 2, occurredAt: ago(HOUR) }, f.id).expect(201);
    await eventually(async () => expect(await alertsOf(health, 'illness_cluster', f.id)).toHaveLength(1));
    for (const r of [a, b]) {
      await api
        .http()
        .post(`/api/v1/incidents/${r.body.id}/close`)
        .set(bearer(health))
        .send({ finding: 'substantiated', note: '手足口病' })
        .expect(200);
    }
    await eventually(async () => expect(await alertsOf(health, 'illness_cluster', f.id)).toHaveLength(0));
  });

  it('drill_overdue: a registered facility without a fire evacuation drill for 90 days; resolved by logging one', async () => {
    const f = await registeredFacility(api, owner, health, { location: PLACES.nanguan2 });
    await scheduledScan();
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(await alertsOf(health, 'drill_overdue', f.id)).toHaveLength(0);
    shift(92 * 24 * HOUR);
    await scheduledScan();
    await eventually(async () => expect(await alertsOf(fire, 'drill_overdue', f.id)).toHaveLength(1));
    // The drill is held on the (moved) day: the API's clock moves too.
    const apiClock = api.app.get(Clock);
    apiClock.now = () => new Date(Date.now() + 92 * 24 * HOUR);
    try {
      const heldOn = new Date(Date.now() + 92 * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
      await api
        .http()
        .post(`/api/v1/facilities/${f.id}/drills`)
        .set(bearer(owner))
        .send({ kind: 'fire_evacuation', heldOn, participants: 30 })
        .expect(201);
    } finally {
      apiClock.now = () => new Date();
    }
    await eventually(async () => expect(await alertsOf(fire, 'drill_overdue', f.id)).toHaveLength(0));
  });
});

describe('configuration', () => {
  it('takes the deadlines and escalation hours from the environment (INCIDENT_* variables)', async () => {
    const tuned = await startApi({ INCIDENT_REPORT_HOURS_MINOR: '1', INCIDENT_ACK_UNIT_HOURS: '1', INCIDENT_ACK_CITY_HOURS: '3' });
    try {
      const occurredAt = ago(2 * HOUR);
      // A minor injury 2 hours ago: on time by the default 72 hours, late by the configured one.
      const minor = await tuned
        .http()
        .post(`/api/v1/facilities/${facility.id}/incidents`)
        .set(bearer(owner))
        .send(body({ severity: 'minor', occurredAt }))
        .expect(201);
      expect(minor.body).toMatchObject({ late: true, reportDueAt: new Date(Date.parse(occurredAt) + HOUR).toISOString() });
      const serious = await tuned.http().post(`/api/v1/facilities/${facility.id}/incidents`).set(bearer(owner)).send(body()).expect(201);
      expect(Date.parse(serious.body.nextEscalationAt) - Date.parse(serious.body.reportedAt)).toBe(HOUR);
      // The suite's API, started with the defaults, still gives 72 hours.
      const byDefault = await report(owner, { severity: 'minor', occurredAt }).expect(201);
      expect(byDefault.body).toMatchObject({ late: false, reportDueAt: new Date(Date.parse(occurredAt) + 72 * HOUR).toISOString() });
    } finally {
      await tuned.close();
    }
  });
});
