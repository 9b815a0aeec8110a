import { SECOND_RELEASE_FROM, checklistVersion, currentChecklist } from '@lib/inspections';
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { answers, codesBySeverity, compliantFacility, enteredDaysAgo, registeredFacility } from '../factories/registry.js';

let api: TestApi;
let owner: TestUser;
let otherOwner: TestUser;
let health: TestUser;
let fire: TestUser;
let market: TestUser;
let housing: TestUser;
let kuanchengFire: TestUser;
let admin: TestUser;

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  otherOwner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  fire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
  market = await createUser(api, 'regulator', { agency: 'market', regionCode: '220102' });
  housing = await createUser(api, 'regulator', { agency: 'housing', regionCode: '220100' });
  kuanchengFire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220103' });
  admin = await createUser(api, 'admin');
});
afterAll(() => api.close());

const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const nowIso = () => new Date().toISOString();

describe('checklists', () => {
  it('give each domain’s current version with 15–30 coded items in sections, in both languages', async () => {
    const res = await api.http().get('/api/v1/inspection-checklists').set(bearer(owner)).expect(200);
    expect(res.body.items.map((c: { domain: string }) => c.domain).sort()).toEqual(['building', 'fire', 'food', 'hygiene']);
    for (const c of res.body.items) {
      expect(c.items.length).toBeGreaterThanOrEqual(15);
      expect(c.items.length).toBeLessThanOrEqual(30);
      for (const i of c.items)
        expect(i).toMatchObject({
          code: expect.stringMatching(/^[A-Z]+-[A-Z]+-\d{2}$/),
          section: expect.any(String),
          text: expect.any(String),
          textEn: expect.any(String),
          rule: expect.any(String),
        });
    }
    await api.http().get('/api/v1/inspection-checklists').expect(401);
  });

  it('give the versions in force on the day asked for with ?on=, and refuse a malformed day naming `on`', async () => {
    const on = async (day: string) =>
      (await api.http().get(`/api/v1/inspection-checklists?on=${day}`).set(bearer(owner)).expect(200)).body.items as {
        domain: 'fire' | 'food' | 'building' | 'hygiene';
        version: number;
        items: { code: string }[];
      }[];
    const dayBefore = plusDays(SECOND_RELEASE_FROM, -1);
    for (const c of await on(dayBefore)) {
      expect(c.version).toBe(1);
      expect(c.items.map((i) => i.code)).toEqual(checklistVersion(c.domain, 1).items.map((i) => i.code));
    }
    expect((await on(SECOND_RELEASE_FROM)).map((c) => c.version)).toEqual([2, 2, 2, 2]);
    // Before the first version: the first version (a paper visit from before the system is still entered).
    expect((await on('2024-06-30')).map((c) => c.version)).toEqual([1, 1, 1, 1]);
    for (const day of ['2026-02-30', '20261205', 'yesterday', '']) {
      const res = await api.http().get(`/api/v1/inspection-checklists?on=${day}`).set(bearer(owner)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'on' })]);
    }
  });
});

describe('recording an inspection', () => {
  it('computes the outcome and score and orders a rectification per failed item, due by severity', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, fire, 'fire');
    const failed = [codes.major![0]!, codes.minor![0]!];
    const inspectedAt = nowIso();
    const res = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt, items: await answers(api, fire, 'fire', failed), summary: '消防设施基本完好' })
      .expect(201);
    expect(res.body).toMatchObject({
      facilityId: f.id,
      domain: 'fire',
      checklistVersion: currentChecklist('fire').version,
      outcome: 'rectify',
      score: 100 - 10 - 3,
    });
    expect(res.headers.location).toBe(`/api/v1/inspections/${res.body.id}`);
    const orders = Object.fromEntries(
      res.body.rectificationOrders.map((o: { itemCode: string; dueOn: string; status: string }) => [o.itemCode, o]),
    );
    expect(orders[codes.major![0]!]).toMatchObject({ severity: 'major', dueOn: plusDays(today(), 14), status: 'open' });
    expect(orders[codes.minor![0]!]).toMatchObject({ severity: 'minor', dueOn: plusDays(today(), 30), status: 'open' });
  });

  it('fails the inspection on one failed critical item, with a 3-day order', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, health, 'hygiene');
    const res = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(health))
      .send({ domain: 'hygiene', inspectedAt: nowIso(), items: await answers(api, health, 'hygiene', [codes.critical![0]!]) })
      .expect(201);
    expect(res.body).toMatchObject({ outcome: 'fail', score: 75 });
    expect(res.body.rectificationOrders).toEqual([expect.objectContaining({ severity: 'critical', dueOn: plusDays(today(), 3) })]);
  });

  it('passes when nothing fails, n.a. items included', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, market, 'food');
    const res = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(market))
      .send({ domain: 'food', inspectedAt: nowIso(), items: await answers(api, market, 'food', [], [codes.minor![0]!]) })
      .expect(201);
    expect(res.body).toMatchObject({ outcome: 'pass', score: 100, rectificationOrders: [] });
  });

  it('needs every item of the current checklist exactly once (400 naming missing, unknown and repeated codes)', async () => {
    const f = await registeredFacility(api, owner, health);
    const items = await answers(api, housing, 'building');
    const missing = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: nowIso(), items: items.slice(1) })
      .expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'items', code: 'missing', message: expect.stringContaining(items[0]!.code) }),
    ]);
    const extra = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: nowIso(), items: [...items, { code: 'BUILD-XX-99', result: 'pass' }, items[1]] })
      .expect(400);
    expect(extra.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['duplicate', 'unknown']);
    const bad = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: 'yesterday', items: [{ code: items[0]!.code, result: 'maybe' }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['inspectedAt', 'items[0].result']));
    const [{ n }] = await api.db.query('SELECT count(*)::int AS n FROM inspections WHERE facility_id = $1', [f.id]);
    expect(n).toBe(0);
  });

  it('lets only the domain’s agency record it (403), hides facilities out of reach (404), refuses drafts (409)', async () => {
    const f = await registeredFacility(api, owner, health);
    const food = await answers(api, market, 'food');
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'food', inspectedAt: nowIso(), items: food })
      .expect(403);
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(health))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire') })
      .expect(403);
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(kuanchengFire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire') })
      .expect(404);
    // Another operator learns nothing of the facility: 404, as for any object out of reach, not 403.
    const foreign = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(otherOwner))
      .send({ domain: 'food', inspectedAt: nowIso(), items: food })
      .expect(404);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(owner))
      .send({ domain: 'food', inspectedAt: nowIso(), items: food })
      .expect(403);
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(admin))
      .send({ domain: 'food', inspectedAt: nowIso(), items: food })
      .expect(403);
    const draft = await compliantFacility(api, owner);
    await api
      .http()
      .post(`/api/v1/facilities/${draft.id}/inspections`)
      .set(bearer(market))
      .send({ domain: 'food', inspectedAt: nowIso(), items: food })
      .expect(409);
  });

  it('refuses a visit in the future or before the facility was entered in the registry (422 naming inspectedAt), and nothing reaches the public page', async () => {
    const f = await registeredFacility(api, owner, health);
    // The answers of the version in force on the visit's day (a visit before version 2 answers version 1).
    const attempt = async (inspectedAt: string, status: number) => {
      const items = await answers(api, market, 'food', [], [], inspectedAt);
      return api
        .http()
        .post(`/api/v1/facilities/${f.id}/inspections`)
        .set(bearer(market))
        .send({ domain: 'food', inspectedAt, items })
        .expect(status);
    };
    for (const [inspectedAt, code] of [
      ['2099-06-01T10:00:00+08:00', 'in_future'],
      [new Date(Date.now() + 30 * 60_000).toISOString(), 'in_future'],
      ['1970-01-01T08:00:00+08:00', 'before_facility'],
      [new Date(Date.now() - 3 * 86400000).toISOString(), 'before_facility'],
    ] as const) {
      const res = await attempt(inspectedAt, 422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'inspectedAt', code })]);
    }
    const listed = await api.http().get(`/api/v1/facilities/${f.id}/inspections`).set(bearer(market)).expect(200);
    expect(listed.body.items).toEqual([]);
    const pub = await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200);
    expect(pub.body.inspections).toEqual([]);
    // A minute of clock drift is fine, and so is a visit on an earlier day once the facility was entered before it.
    await attempt(new Date(Date.now() + 60_000).toISOString(), 201);
    await enteredDaysAgo(f.id, 10);
    await attempt(new Date(Date.now() - 3 * 86400000).toISOString(), 201);
  });
});

describe('checklist versions', () => {
  it('records a visit dated before version 2 against version 1 and keeps its answers; a visit today answers version 2', async () => {
    const f = await registeredFacility(api, owner, health);
    // Back-filled from paper: a visit on the day before version 2 came into force, 10:00 in Shanghai.
    const visitedAt = `${plusDays(SECOND_RELEASE_FROM, -1)}T02:00:00.000Z`;
    await enteredDaysAgo(f.id, Math.ceil((Date.now() - Date.parse(visitedAt)) / 86400000) + 2);
    const v1Answers = (fail: string[]) =>
      checklistVersion('building', 1).items.map((i) => ({ code: i.code, result: fail.includes(i.code) ? 'fail' : 'pass' }));
    const old = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: visitedAt, items: v1Answers(['BUILDING-FIT-03']) })
      .expect(201);
    expect(old.body).toMatchObject({ checklistVersion: 1, outcome: 'rectify', score: 90 });
    expect(old.body.rectificationOrders.map((o: { itemCode: string }) => o.itemCode)).toEqual(['BUILDING-FIT-03']);

    // Today the building checklist is version 2: video surveillance went to health, socket height and indoor air came in.
    const current = (await api.http().get('/api/v1/inspection-checklists').set(bearer(housing)).expect(200)).body.items.find(
      (c: { domain: string }) => c.domain === 'building',
    );
    const codes = current.items.map((i: { code: string }) => i.code);
    expect(current.version).toBe(2);
    expect(codes).toEqual(expect.arrayContaining(['BUILDING-FIT-06', 'BUILDING-FIT-07']));
    expect(codes).not.toContain('BUILDING-FIT-03');
    // Version 1's answers for a visit today: refused, naming the unknown and the missing codes.
    const refused = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: nowIso(), items: v1Answers([]) })
      .expect(400);
    expect(refused.body.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['unknown', 'missing']));
    const fresh = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: nowIso(), items: await answers(api, housing, 'building', ['BUILDING-FIT-06']) })
      .expect(201);
    expect(fresh.body).toMatchObject({ checklistVersion: 2, outcome: 'rectify' });

    // The old inspection keeps its version and its answers, and is amended against version 1.
    const kept = (await api.http().get(`/api/v1/inspections/${old.body.id}`).set(bearer(owner)).expect(200)).body;
    expect(kept.checklistVersion).toBe(1);
    expect(kept.items).toEqual(v1Answers(['BUILDING-FIT-03']));
    await api
      .http()
      .post(`/api/v1/inspections/${old.body.id}/amendments`)
      .set(bearer(housing))
      .send({ reason: '复核', items: [{ code: 'BUILDING-FIT-06', result: 'pass' }] })
      .expect(400);
    const amended = await api
      .http()
      .post(`/api/v1/inspections/${old.body.id}/amendments`)
      .set(bearer(housing))
      .send({ reason: '复核：监控录像已补足90天', items: [{ code: 'BUILDING-FIT-03', result: 'pass' }] })
      .expect(201);
    expect(amended.body).toMatchObject({ checklistVersion: 1, outcome: 'pass', score: 100 });
  });
});

describe('latest inspection per domain (the public search reads it, issue #19 item 5)', () => {
  it('keeps the newest visit, not the last recorded, and follows an amendment of it', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, fire, 'fire');
    const record = async (inspectedAt: string, failed: string[]) =>
      (
        await api
          .http()
          .post(`/api/v1/facilities/${f.id}/inspections`)
          .set(bearer(fire))
          .send({ domain: 'fire', inspectedAt, items: await answers(api, fire, 'fire', failed) })
          .expect(201)
      ).body as { id: string; outcome: string };
    const latest = () =>
      api.db.query('SELECT domain, inspection_id, outcome FROM latest_inspections WHERE facility_id = $1 ORDER BY domain', [f.id]);
    const newest = await record(nowIso(), [codes.critical![0]!]);
    expect(await latest()).toEqual([{ domain: 'fire', inspection_id: newest.id, outcome: 'fail' }]);
    // An earlier visit (a minute before: the same day's checklist), recorded afterwards, is not the latest.
    await record(new Date(Date.now() - 60_000).toISOString(), []);
    expect(await latest()).toEqual([{ domain: 'fire', inspection_id: newest.id, outcome: 'fail' }]);
    await api
      .http()
      .post(`/api/v1/inspections/${newest.id}/amendments`)
      .set(bearer(fire))
      .send({ reason: '复核：报警系统当日已恢复', items: [{ code: codes.critical![0], result: 'pass' }] })
      .expect(201);
    expect(await latest()).toEqual([{ domain: 'fire', inspection_id: newest.id, outcome: 'pass' }]);
  });
});

describe('amendments', () => {
  it('append with a reason, recompute the effective outcome, resolve orders of items that now pass and order those that now fail', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, fire, 'fire');
    const [critical] = codes.critical!;
    const [major] = codes.major!;
    const recorded = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire', [critical!]) })
      .expect(201);
    expect(recorded.body.outcome).toBe('fail');
    await api
      .http()
      .post(`/api/v1/inspections/${recorded.body.id}/amendments`)
      .set(bearer(market))
      .send({ reason: 'x', items: [{ code: critical, result: 'pass' }] })
      .expect(403);
    const amended = await api
      .http()
      .post(`/api/v1/inspections/${recorded.body.id}/amendments`)
      .set(bearer(fire))
      .send({
        reason: '复核：报警系统当日已恢复',
        items: [
          { code: critical, result: 'pass' },
          { code: major, result: 'fail', note: '疏散指示灯不亮' },
        ],
      })
      .expect(201);
    expect(amended.body).toMatchObject({ outcome: 'rectify', score: 90, originalOutcome: 'fail', originalScore: 75 });
    expect(amended.body.amendments).toEqual([
      expect.objectContaining({
        reason: '复核：报警系统当日已恢复',
        items: expect.arrayContaining([expect.objectContaining({ code: major })]),
      }),
    ]);
    const orders = Object.fromEntries(
      amended.body.rectificationOrders.map((o: { itemCode: string; status: string }) => [o.itemCode, o.status]),
    );
    expect(orders).toEqual({ [critical!]: 'resolved', [major!]: 'open' });
    const got = await api.http().get(`/api/v1/inspections/${recorded.body.id}`).set(bearer(owner)).expect(200);
    expect(got.body.outcome).toBe('rectify');
    // The original answers are kept as recorded.
    expect(got.body.items.find((i: { code: string }) => i.code === critical).result).toBe('fail');
    await api
      .http()
      .post(`/api/v1/inspections/${recorded.body.id}/amendments`)
      .set(bearer(fire))
      .send({ reason: 'x', items: [{ code: 'NOPE-XX-01', result: 'pass' }] })
      .expect(400);
  });

  it('are the only way: the database refuses to edit or delete an inspection', async () => {
    const [row] = await api.db.query('SELECT id FROM inspections LIMIT 1');
    await expect(api.db.query("UPDATE inspections SET summary = 'forged' WHERE id = $1", [row.id])).rejects.toThrow(/never edited/);
    await expect(api.db.query('DELETE FROM inspections WHERE id = $1', [row.id])).rejects.toThrow(/never deleted/);
  });
});

describe('rectification orders', () => {
  it('go open → responded (owner) → resolved (verified), or back to open with a new due date', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, fire, 'fire');
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire', [codes.major![0]!, codes.minor![0]!]) })
      .expect(201);
    const bySeverity = (severity: string) =>
      (rec.body.rectificationOrders as { id: string; severity: string }[]).find((o) => o.severity === severity)!;
    const a = bySeverity('major');
    const b = bySeverity('minor');

    const inbox = await api.http().get(`/api/v1/rectification-orders?facilityId=${f.id}&status=open`).set(bearer(owner)).expect(200);
    expect(inbox.body.items.map((o: { id: string }) => o.id).sort()).toEqual([a!.id, b!.id].sort());
    await api
      .http()
      .get(`/api/v1/rectification-orders?facilityId=${f.id}`)
      .set(bearer(otherOwner))
      .expect(200)
      .expect((r) => expect(r.body.items).toEqual([]));

    await api.http().post(`/api/v1/rectification-orders/${a!.id}/verify`).set(bearer(fire)).send({ accepted: true }).expect(409);
    await api.http().post(`/api/v1/rectification-orders/${a!.id}/response`).set(bearer(otherOwner)).send({ note: 'x' }).expect(404);
    const responded = await api
      .http()
      .post(`/api/v1/rectification-orders/${a!.id}/response`)
      .set(bearer(owner))
      .send({ note: '已更换疏散指示灯' })
      .expect(200);
    expect(responded.body).toMatchObject({ status: 'responded', response: { note: '已更换疏散指示灯' } });
    await api.http().post(`/api/v1/rectification-orders/${a!.id}/response`).set(bearer(owner)).send({ note: 'again' }).expect(409);
    await api.http().post(`/api/v1/rectification-orders/${a!.id}/verify`).set(bearer(market)).send({ accepted: true }).expect(403);
    const resolved = await api
      .http()
      .post(`/api/v1/rectification-orders/${a!.id}/verify`)
      .set(bearer(fire))
      .send({ accepted: true, note: '复查合格' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', overdue: false, verification: { accepted: true, note: '复查合格' } });

    await api.http().post(`/api/v1/rectification-orders/${b!.id}/response`).set(bearer(owner)).send({ note: '已整改' }).expect(200);
    // Health verifies any agency's order.
    const reopened = await api
      .http()
      .post(`/api/v1/rectification-orders/${b!.id}/verify`)
      .set(bearer(health))
      .send({ accepted: false, note: '仍未整改' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'open', dueOn: plusDays(today(), 30), verification: { accepted: false } });
  });

  it('are overdue when unresolved past their due date', async () => {
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, housing, 'building');
    await enteredDaysAgo(f.id, 60);
    const longAgo = new Date(Date.now() - 40 * 86400000).toISOString();
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(housing))
      .send({ domain: 'building', inspectedAt: longAgo, items: await answers(api, housing, 'building', [codes.minor![0]!], [], longAgo) })
      .expect(201);
    const overdue = await api.http().get(`/api/v1/rectification-orders?facilityId=${f.id}&status=overdue`).set(bearer(housing)).expect(200);
    expect(overdue.body.items).toEqual([
      expect.objectContaining({ id: rec.body.rectificationOrders[0].id, overdue: true, status: 'open' }),
    ]);
    await api.http().get('/api/v1/rectification-orders?status=late').set(bearer(housing)).expect(400);
  });
});

describe('risk-ordered inspection plan', () => {
  it('lists facilities in reach once per domain by risk with reasons, never-inspected ones due', async () => {
    const cityHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
    const risky = await registeredFacility(api, owner, cityHealth, { location: { lat: 43.6859, lng: 125.3986 } }); // 220172
    const calm = await registeredFacility(api, owner, cityHealth, { location: { lat: 43.69, lng: 125.4 } });
    const jingyueFire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220172' });
    const codes = await codesBySeverity(api, fire, 'fire');
    await api
      .http()
      .post(`/api/v1/facilities/${risky.id}/inspections`)
      .set(bearer(jingyueFire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire', [codes.critical![0]!]) })
      .expect(201);
    await api
      .http()
      .post(`/api/v1/facilities/${calm.id}/inspections`)
      .set(bearer(jingyueFire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire') })
      .expect(201);

    const plan = await api
      .http()
      .get('/api/v1/inspection-plan?domain=fire&regionCode=220172&limit=100')
      .set(bearer(cityHealth))
      .expect(200);
    const rows = plan.body.items as { facilityId: string; riskScore: number; reasons: string[]; due: boolean; domain: string }[];
    expect(rows.every((r) => r.domain === 'fire')).toBe(true);
    const scores = rows.map((r) => r.riskScore);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const riskyRow = rows.find((r) => r.facilityId === risky.id)!;
    const calmRow = rows.find((r) => r.facilityId === calm.id)!;
    expect(riskyRow.riskScore).toBeGreaterThan(calmRow.riskScore);
    expect(riskyRow.reasons.length).toBeGreaterThan(0);
    expect(calmRow.due).toBe(false);
    // Every item gives at least one reason, the calm one too (issue #13).
    expect(rows.every((r) => r.reasons.length > 0)).toBe(true);
    expect(calmRow.reasons.join(' ')).toMatch(/周期内|within the/);

    const all = await api.http().get('/api/v1/inspection-plan?regionCode=220172&limit=100').set(bearer(jingyueFire)).expect(200);
    const calmDomains = all.body.items
      .filter((r: { facilityId: string }) => r.facilityId === calm.id)
      .map((r: { domain: string; due: boolean }) => [r.domain, r.due]);
    expect(calmDomains.sort()).toEqual([
      ['building', true],
      ['fire', false],
      ['food', true],
      ['hygiene', true],
    ]);
    const dueOnly = await api
      .http()
      .get('/api/v1/inspection-plan?regionCode=220172&dueOnly=true&limit=100')
      .set(bearer(jingyueFire))
      .expect(200);
    expect(dueOnly.body.items.every((r: { due: boolean }) => r.due)).toBe(true);
    // Out of reach: a Kuancheng regulator sees nothing of Jingyue.
    const other = await api.http().get('/api/v1/inspection-plan?regionCode=220172').set(bearer(kuanchengFire)).expect(200);
    expect(other.body.items).toEqual([]);
    await api.http().get('/api/v1/inspection-plan').set(bearer(owner)).expect(403);
  });
});

describe('public record', () => {
  it('gives the latest outcome per domain with a plain-language summary and no inspector', async () => {
    const { PublicInspectionService } = await import('@lib/inspections');
    const f = await registeredFacility(api, owner, health);
    const codes = await codesBySeverity(api, fire, 'fire');
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: nowIso(), items: await answers(api, fire, 'fire', [codes.major![0]!]) })
      .expect(201);
    const record = (await api.app.get(PublicInspectionService).publicRecord([f.id])).get(f.id)!;
    expect(record).toEqual([expect.objectContaining({ domain: 'fire', outcome: 'rectify', summary: expect.any(String) })]);
    expect(record[0]!.summary.length).toBeGreaterThan(0);
    expect(JSON.stringify(record)).not.toContain(fire.id);
  });
});
