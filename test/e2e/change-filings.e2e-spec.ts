import { AlertService } from '@lib/targets';
import { addDays, todayInShanghai } from '@lib/standards';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { compliantFacility, facilityBody, PLACES, registeredFacility, staffBody } from '../factories/registry.js';

// docs/api.md "v1 additions (second release)": change filings and what counts, affordable (普惠) recognition, home-based points.

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'kuanchengHealth', 'cityHealth', 'cityFire', 'admin');
const { owner, otherOwner, nanguanHealth, kuanchengHealth, cityHealth, cityFire, admin } = cast;
withApiAndWorker((started) => (api = started), cast);

const codes = (res: { body: { errors?: { code: string }[] } }) => (res.body.errors ?? []).map((e) => e.code).sort();
const unit = async (code: string) => (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body;
/** The unit's figures once the worker has caught up with every registration so far. */
const settled = async (code: string) =>
  eventually(async () => {
    const [{ places, affordable }] = await api.db.query(
      `SELECT coalesce(sum(place_count), 0)::int AS places,
              coalesce(sum(place_count) FILTER (WHERE affordable_status = 'recognized'), 0)::int AS affordable
         FROM facilities WHERE status = 'registered' AND region_code = $1`,
      [code],
    );
    const u = await unit(code);
    expect([u.placeCount, u.affordablePlaceCount]).toEqual([places, affordable]);
    return u;
  }, 60_000);
const facility = async (id: string, user: TestUser = owner) =>
  (await api.http().get(`/api/v1/facilities/${id}`).set(bearer(user)).expect(200)).body;
const classesOf = async (id: string) =>
  (await api.http().get(`/api/v1/facilities/${id}/classes`).set(bearer(owner)).expect(200)).body.items as {
    id: string;
    places: number;
    ageGroup: string;
  }[];
const nearby = async (query: Record<string, unknown>) =>
  (
    await api
      .http()
      .get('/api/v1/public/facilities/nearby')
      .query({ ...PLACES.nanguan, radiusM: 3000, limit: 100, ...query })
      .expect(200)
  ).body.items as { id: string; affordable: boolean; placeCount: number; name: string }[];

describe('the approved state: material changes of a registered facility need a change filing', () => {
  it('answers 409 change_filing_required for a material field, a new class or more places; the rest applies at once', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    let etag = `"${(await facility(f.id)).version}"`;
    for (const patch of [
      { floors: [1, 2, 3] },
      { name: '新名字托育' },
      { exitCount: 3 },
      { location: PLACES.nanguan2 },
      { affordable: true },
    ]) {
      const res = await api.http().patch(`/api/v1/facilities/${f.id}`).set(bearer(owner)).set('If-Match', etag).send(patch).expect(409);
      expect(res.body.type).toContain('change_filing_required');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: Object.keys(patch)[0], code: 'change_filing_required' })]);
    }
    // The same value is no change.
    const same = await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', etag)
      .send({ floors: [1, 2] })
      .expect(200);
    etag = same.headers.etag as string;
    const quick = await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', etag)
      .send({
        phone: '0431-81234567',
        openingHours: '08:00-17:00',
        serviceTypes: ['full_day', 'hourly'],
        monthlyFee: 2400,
        surveillance: true,
      })
      .expect(200);
    expect(quick.body).toMatchObject({ phone: '0431-81234567', monthlyFee: 2400, status: 'registered' });

    const added = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/classes`)
      .set(bearer(owner))
      .send({ name: '托大一班', ageGroup: 'preschool', places: 10, enrolled: 0 })
      .expect(409);
    expect(codes(added)).toEqual(['change_filing_required']);
    const url = `/api/v1/classes/${f.classId}`;
    const more = await api.http().patch(url).set(bearer(owner)).set('If-Match', '"1"').send({ places: 16 }).expect(409);
    expect(codes(more)).toEqual(['change_filing_required']);
    const fewer = await api
      .http()
      .patch(url)
      .set(bearer(owner))
      .set('If-Match', '"1"')
      .send({ places: 14, enrolled: 11, name: '小一班' })
      .expect(200);
    expect(fewer.body).toMatchObject({ places: 14, enrolled: 11, name: '小一班' });
    // Suspended: material changes still need a filing.
    await api.http().post(`/api/v1/facilities/${f.id}/suspend`).set(bearer(nanguanHealth)).send({ reason: '整改' }).expect(200);
    const v = (await facility(f.id)).version;
    const suspended = await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', `"${v}"`)
      .send({ floors: [2] })
      .expect(409);
    expect(suspended.body.type).toContain('change_filing_required');
  });
});

describe('change filings', () => {
  it('files, queues, approves in one transaction, and the figures follow only then', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false, indoorAreaM2: 400, outdoorAreaM2: 200 });
    const before = await settled('220102');
    const v0 = (await facility(f.id)).version;

    const body = {
      reason: '扩建二楼，增设托大班',
      facility: { floors: [1, 2, 3], indoorAreaM2: 500 },
      classes: [
        { op: 'add', name: '托大一班', ageGroup: 'preschool', places: 14, enrolled: 0 },
        { op: 'update', classId: f.classId, places: 15 },
      ],
    };
    const created = await api.http().post(`/api/v1/facilities/${f.id}/changes`).set(bearer(owner)).send(body).expect(201);
    expect(created.headers.location).toBe(`/api/v1/change-filings/${created.body.id}`);
    expect(created.body).toMatchObject({
      facilityId: f.id,
      status: 'pending',
      reason: body.reason,
      facility: { floors: [1, 2, 3], indoorAreaM2: 500 },
      classes: body.classes,
      decidedAt: null,
      decision: null,
      overdue: false,
    });
    expect(created.body.before.facility).toEqual({ floors: [1, 2], indoorAreaM2: 400 });
    expect(Date.parse(created.body.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    await api
      .http()
      .get(created.headers.location as string)
      .set(bearer(owner))
      .expect(200);

    // One pending at a time.
    const second = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { exitCount: 3 } })
      .expect(409);
    expect(second.body.type).toContain('change_filing_pending');

    // Nothing counts yet: the facility, the public answer and the figures show the approved state.
    expect((await facility(f.id)).floors).toEqual([1, 2]);
    expect((await classesOf(f.id)).map((c) => c.places)).toEqual([15]);

    // The queue: health regulators in reach; not another unit's; operators may not read it.
    const queue = (user: TestUser, q = 'status=pending&limit=100') => api.http().get(`/api/v1/change-filings?${q}`).set(bearer(user));
    expect((await queue(nanguanHealth).expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await queue(cityFire).expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await queue(kuanchengHealth).expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    expect((await queue(nanguanHealth, 'regionCode=220103&limit=100').expect(200)).body.items).toEqual([]);
    await queue(owner).expect(403);
    const listed = (await api.http().get(`/api/v1/facilities/${f.id}/changes`).set(bearer(owner)).expect(200)).body.items;
    expect(listed.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    await api.http().get(`/api/v1/facilities/${f.id}/changes`).set(bearer(otherOwner)).expect(404);
    await api.http().get(`/api/v1/change-filings/${created.body.id}`).set(bearer(otherOwner)).expect(404);

    // Who decides: a health regulator in reach.
    const approveUrl = `/api/v1/change-filings/${created.body.id}/approve`;
    await api.http().post(approveUrl).set(bearer(cityFire)).send({}).expect(403);
    await api.http().post(approveUrl).set(bearer(owner)).send({}).expect(403);
    await api.http().post(approveUrl).set(bearer(kuanchengHealth)).send({}).expect(404);
    await api.http().post(approveUrl).send({}).expect(401);
    const unchanged = await unit('220102');
    expect(unchanged.placeCount).toBe(before.placeCount);

    const approved = await api.http().post(approveUrl).set(bearer(nanguanHealth)).send({ note: '现场核验通过' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { note: '现场核验通过' } });
    expect(approved.body.decidedAt).not.toBeNull();
    await api.http().post(approveUrl).set(bearer(nanguanHealth)).send({}).expect(409);
    await api.http().post(`/api/v1/change-filings/${created.body.id}/reject`).set(bearer(nanguanHealth)).send({ reason: 'x' }).expect(409);

    const after = await facility(f.id);
    expect(after).toMatchObject({ floors: [1, 2, 3], indoorAreaM2: 500, version: v0 + 1, status: 'registered' });
    const classes = await classesOf(f.id);
    expect(classes.map((c) => [c.ageGroup, c.places])).toEqual([
      ['toddler', 15],
      ['preschool', 14],
    ]);
    await eventually(async () => expect((await unit('220102')).placeCount).toBe(before.placeCount + 14), 60_000);
    await eventually(async () => expect((await nearby({})).find((i) => i.id === f.id)?.placeCount).toBe(29));

    const history = (await api.http().get(`/api/v1/facilities/${f.id}/history?limit=100`).set(bearer(owner)).expect(200)).body.items;
    const actions = history.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['change_filing.created', 'facility.change_applied', 'change_filing.approved']));
    const applied = history.find((e: { action: string }) => e.action === 'facility.change_applied');
    expect(applied.actor).toEqual({ id: nanguanHealth.id, role: 'regulator' });
    expect(applied.changes).toMatchObject({ changeFilingId: created.body.id, floors: { from: [1, 2], to: [1, 2, 3] } });
    const events = await api.db.query(
      `SELECT event_type FROM outbox WHERE event->>'facilityId' = $1 AND event_type IN ('facility.changed', 'change_filing.changed')`,
      [f.id],
    );
    expect(events.map((e: { event_type: string }) => e.event_type)).toEqual(
      expect.arrayContaining(['facility.changed', 'change_filing.changed']),
    );
  });

  it('re-derives the unit of a new location on approval', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const c = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '迁址', facility: { location: PLACES.kuancheng, address: '长春市宽城区某路 1 号' } })
      .expect(201);
    const outside = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { location: PLACES.outside } });
    expect(outside.status).toBe(409); // one pending at a time comes first
    await api.http().post(`/api/v1/change-filings/${c.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    expect(await facility(f.id)).toMatchObject({ regionCode: '220103', address: '长春市宽城区某路 1 号' });
    // Now in Kuancheng: Nanguan's regulator no longer sees it, Kuancheng's does.
    await api.http().get(`/api/v1/facilities/${f.id}`).set(bearer(nanguanHealth)).expect(404);
    await api.http().get(`/api/v1/facilities/${f.id}`).set(bearer(kuanchengHealth)).expect(200);
    // Its filings moved with it: in Kuancheng's list, no longer in Nanguan's.
    const listed = async (who: TestUser) =>
      (await api.http().get('/api/v1/change-filings?status=approved&limit=100').set(bearer(who)).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await listed(kuanchengHealth)).toContain(c.body.id);
    expect(await listed(nanguanHealth)).not.toContain(c.body.id);
    const far = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { location: PLACES.outside } })
      .expect(422);
    expect(codes(far)).toEqual(['outside_jurisdiction']);
  });

  it('refuses a change whose result breaks the filing requirements, listing every broken rule (422)', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const res = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({
        reason: '搬到四楼',
        facility: { floors: [4], exitCount: 1, documents: [] },
        classes: [{ op: 'update', classId: f.classId, places: 16 }],
      })
      .expect(422);
    expect(codes(res)).toEqual(expect.arrayContaining(['storey', 'exit_count', 'missing_document', 'class_size']));
    expect(res.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    // Bad references and empty filings are 400 naming the field.
    const bad = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({
        reason: 'x',
        classes: [
          { op: 'update', classId: '00000000-0000-4000-8000-000000000000', places: 3 },
          { op: 'add', name: 'x' },
        ],
      })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'classes[0].classId',
      'classes[1].ageGroup',
      'classes[1].places',
    ]);
    const empty = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { floors: [1, 2] } })
      .expect(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'facility', code: 'required' });
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ facility: { exitCount: 3 } })
      .expect(400);
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { status: 'draft' } })
      .expect(400);
  });

  it('checks a change live without filing it: every rule against the facility as it would be (POST …/changes/check)', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const check = (user: TestUser, body: Record<string, unknown>) =>
      api.http().post(`/api/v1/facilities/${f.id}/changes/check`).set(bearer(user)).send(body);
    const broken = await check(owner, {
      facility: { floors: [4], exitCount: 1 },
      classes: [{ op: 'update', classId: f.classId, places: 16 }],
    }).expect(200);
    expect(broken.body.acceptable).toBe(false);
    const failed = (broken.body.checks as { code: string; ok: boolean; blocksFiling: boolean }[]).filter((c) => !c.ok).map((c) => c.code);
    expect(failed).toEqual(expect.arrayContaining(['storey', 'exit_count', 'class_size']));
    expect(broken.body.checks.every((c: { detail: string; detailEn: string }) => c.detail.length > 0 && c.detailEn.length > 0)).toBe(true);
    const fine = await check(owner, {
      facility: { exitCount: 3 },
      classes: [{ op: 'add', name: '托大一班', ageGroup: 'preschool', places: 10 }],
    }).expect(200);
    expect(fine.body.acceptable).toBe(true);
    expect(fine.body.checks.find((c: { code: string }) => c.code === 'class_size')).toMatchObject({ ok: true, blocksFiling: true });
    const exitsOnly = await check(owner, { facility: { exitCount: 3 } }).expect(200);
    expect(exitsOnly.body).toMatchObject({ acceptable: true });
    // Nothing filed, nothing applied, nothing audited.
    expect(await api.db.query('SELECT 1 FROM change_filings WHERE facility_id = $1', [f.id])).toEqual([]);
    expect((await facility(f.id)).exitCount).toBe(2);
    // Broken references are 400 naming the field, as on filing; others' facilities are 404; regulators do not file.
    const bad = await check(owner, { classes: [{ op: 'update', classId: '00000000-0000-4000-8000-000000000000', places: 3 }] }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'classes[0].classId' });
    await check(otherOwner, { facility: { exitCount: 3 } }).expect(404);
    await check(nanguanHealth, { facility: { exitCount: 3 } }).expect(403);
    await check(owner, { reason: 'x', facility: { exitCount: 3 } }).expect(400);
    const draft = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    await api.http().post(`/api/v1/facilities/${draft.body.id}/changes/check`).set(bearer(owner)).send({}).expect(409);
  });

  it('rejects (nothing applied) and withdraws; only pending filings are decided (409)', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const v = (await facility(f.id)).version;
    const a = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '增设出口', facility: { exitCount: 3 } })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${a.body.id}/reject`).set(bearer(nanguanHealth)).send({}).expect(400);
    const rejected = await api
      .http()
      .post(`/api/v1/change-filings/${a.body.id}/reject`)
      .set(bearer(nanguanHealth))
      .send({ reason: '缺少验收意见' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { reason: '缺少验收意见' } });
    expect(await facility(f.id)).toMatchObject({ exitCount: 2, version: v });

    const b = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '增设出口', facility: { exitCount: 3 } })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${b.body.id}/withdraw`).set(bearer(otherOwner)).expect(404);
    await api.http().post(`/api/v1/change-filings/${b.body.id}/withdraw`).set(bearer(nanguanHealth)).expect(403);
    const withdrawn = await api.http().post(`/api/v1/change-filings/${b.body.id}/withdraw`).set(bearer(owner)).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await api.http().post(`/api/v1/change-filings/${b.body.id}/withdraw`).set(bearer(owner)).expect(409);
    await api.http().post(`/api/v1/change-filings/${b.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(409);
    const list = (await api.http().get(`/api/v1/facilities/${f.id}/changes`).set(bearer(nanguanHealth)).expect(200)).body.items;
    expect(list.map((c: { id: string }) => c.id)).toEqual([b.body.id, a.body.id]); // newest first
    const byStatus = (await api.http().get('/api/v1/change-filings?status=withdrawn&limit=100').set(bearer(cityHealth)).expect(200)).body
      .items;
    expect(byStatus.map((c: { id: string }) => c.id)).toContain(b.body.id);
    expect(byStatus.every((c: { status: string }) => c.status === 'withdrawn')).toBe(true);
    await api.http().get('/api/v1/change-filings?status=nonsense').set(bearer(cityHealth)).expect(400);
    expect((await api.http().get('/api/v1/change-filings?limit=1').set(bearer(admin)).expect(200)).body.nextCursor).not.toBeNull();
  });

  it('answers 409 for a change filing on a draft, submitted or closed facility', async () => {
    const draft = await compliantFacility(api, owner);
    const send = (id: string) =>
      api
        .http()
        .post(`/api/v1/facilities/${id}/changes`)
        .set(bearer(owner))
        .send({ reason: 'x', facility: { exitCount: 3 } });
    expect((await send(draft.id)).status).toBe(409);
    await api.http().post(`/api/v1/facilities/${draft.id}/submit`).set(bearer(owner)).expect(200);
    expect((await send(draft.id)).status).toBe(409);
    const closed = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    await api.http().post(`/api/v1/facilities/${closed.id}/close`).set(bearer(owner)).send({ reason: '停办' }).expect(200);
    const res = await send(closed.id);
    expect(res.status).toBe(409);
    expect(res.body.type).toContain('change_filing_not_allowed');
  });

  it('raises filing_review_overdue after 5 working days for a change filing and for a filing, resolved when decided', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const c = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '增设出口', facility: { exitCount: 3 } })
      .expect(201);
    const waiting = await compliantFacility(api, owner);
    await api.http().post(`/api/v1/facilities/${waiting.id}/submit`).set(bearer(owner)).expect(200);
    // Filed three weeks ago (15 working days at least, whatever the holidays).
    await api.db.query(`UPDATE change_filings SET submitted_at = now() - interval '21 days' WHERE id = $1`, [c.body.id]);
    await api.db.query(`UPDATE facilities SET submitted_at = now() - interval '21 days' WHERE id = $1`, [waiting.id]);
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    const overdue = async (user: TestUser) =>
      (
        (await api.http().get('/api/v1/alerts?kind=filing_review_overdue&status=open&limit=100').set(bearer(user)).expect(200)).body
          .items as {
          subject: { id: string };
          message: string;
        }[]
      ).map((a) => a.subject.id);
    expect(await overdue(nanguanHealth)).toEqual(expect.arrayContaining([f.id, waiting.id]));
    expect(await overdue(kuanchengHealth)).not.toContain(f.id);
    expect(await overdue(cityFire)).not.toContain(f.id);
    expect((await api.http().get(`/api/v1/change-filings/${c.body.id}`).set(bearer(nanguanHealth)).expect(200)).body.overdue).toBe(true);
    // The facility answers it too (the filing queue's badge).
    expect(await facility(waiting.id, nanguanHealth)).toMatchObject({ status: 'submitted', reviewOverdue: true });
    expect((await facility(waiting.id, nanguanHealth)).submittedAt).toEqual(expect.any(String));

    await api.http().post(`/api/v1/change-filings/${c.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    await api.http().post(`/api/v1/facilities/${waiting.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    await eventually(async () => {
      const open = await overdue(nanguanHealth);
      expect(open).not.toContain(f.id);
      expect(open).not.toContain(waiting.id);
    });
    expect((await facility(waiting.id, nanguanHealth)).reviewOverdue).toBe(false);
    // A filing of yesterday is not overdue.
    const fresh = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const d = await api
      .http()
      .post(`/api/v1/facilities/${fresh.id}/changes`)
      .set(bearer(owner))
      .send({ reason: 'x', facility: { exitCount: 3 } })
      .expect(201);
    await api.db.transaction((m) => service.scan(m));
    expect(await overdue(nanguanHealth)).not.toContain(fresh.id);
    expect(d.body.overdue).toBe(false);
    const submittedToday = await compliantFacility(api, owner);
    await api.http().post(`/api/v1/facilities/${submittedToday.id}/submit`).set(bearer(owner)).expect(200);
    expect(await facility(submittedToday.id, nanguanHealth)).toMatchObject({ status: 'submitted', reviewOverdue: false });
  });
});

describe('affordable (普惠) recognition', () => {
  it('counts only recognised facilities, with a fee ceiling; reject and revoke', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: true, monthlyFee: 2600 }).then(async (x) => {
      // registeredFacility recognises an affordable facility: start from an application instead.
      await api
        .http()
        .post(`/api/v1/facilities/${x.id}/affordable-recognition`)
        .set(bearer(nanguanHealth))
        .send({ decision: 'revoke', reason: '重新审核' })
        .expect(200);
      return x;
    });
    const url = `/api/v1/facilities/${f.id}/affordable-recognition`;
    expect((await facility(f.id)).affordableRecognition).toMatchObject({ status: 'revoked', reason: '重新审核' });
    await eventually(async () => expect((await nearby({})).find((i) => i.id === f.id)).toMatchObject({ affordable: false }));
    expect((await nearby({ affordable: true })).map((i) => i.id)).not.toContain(f.id);
    const before = await settled('220102');

    const validUntil = addDays(todayInShanghai(), 365);
    await api.http().post(url).set(bearer(cityFire)).send({ decision: 'recognize', maxMonthlyFee: 2800, validUntil }).expect(403);
    await api.http().post(url).set(bearer(owner)).send({ decision: 'recognize', maxMonthlyFee: 2800, validUntil }).expect(403);
    await api.http().post(url).set(bearer(kuanchengHealth)).send({ decision: 'recognize', maxMonthlyFee: 2800, validUntil }).expect(404);
    const missing = await api.http().post(url).set(bearer(nanguanHealth)).send({ decision: 'recognize' }).expect(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['maxMonthlyFee', 'validUntil']);
    const aboveCity = await api
      .http()
      .post(url)
      .set(bearer(nanguanHealth))
      .send({ decision: 'recognize', maxMonthlyFee: 3500, validUntil })
      .expect(422);
    expect(codes(aboveCity)).toEqual(['affordable_fee_ceiling']);
    const feeAbove = await api
      .http()
      .post(url)
      .set(bearer(nanguanHealth))
      .send({ decision: 'recognize', maxMonthlyFee: 2000, validUntil })
      .expect(422);
    expect(codes(feeAbove)).toEqual(['affordable_fee_ceiling']);
    await api.http().post(url).set(bearer(nanguanHealth)).send({ decision: 'maybe' }).expect(400);

    const recognized = await api
      .http()
      .post(url)
      .set(bearer(nanguanHealth))
      .send({ decision: 'recognize', maxMonthlyFee: 2800, validUntil })
      .expect(200);
    expect(recognized.body.affordableRecognition).toMatchObject({ status: 'recognized', maxMonthlyFee: 2800, validUntil });
    expect(recognized.headers.etag).toBe(`"${recognized.body.version}"`);
    await eventually(async () => expect((await nearby({ affordable: true })).map((i) => i.id)).toContain(f.id));
    await eventually(async () => expect((await unit('220102')).affordablePlaceCount).toBe(before.affordablePlaceCount + 15), 60_000);

    // The fee stays within the ceiling.
    const v = recognized.body.version;
    const high = await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', `"${v}"`)
      .send({ monthlyFee: 2900 })
      .expect(422);
    expect(codes(high)).toEqual(['affordable_fee_ceiling']);
    await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', `"${v}"`)
      .send({ monthlyFee: 2800 })
      .expect(200);

    await api.http().post(url).set(bearer(nanguanHealth)).send({ decision: 'revoke' }).expect(422);
    const revoked = await api.http().post(url).set(bearer(nanguanHealth)).send({ decision: 'revoke', reason: '收费超标' }).expect(200);
    expect(revoked.body.affordableRecognition.status).toBe('revoked');
    await eventually(async () => expect((await unit('220102')).affordablePlaceCount).toBe(before.affordablePlaceCount), 60_000);
    await api.http().post(url).set(bearer(nanguanHealth)).send({ decision: 'revoke', reason: 'again' }).expect(422);
    const history = (await api.http().get(`/api/v1/facilities/${f.id}/history?limit=100`).set(bearer(owner)).expect(200)).body.items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['affordable.recognize', 'affordable.revoke']));
  });

  it('an application is `applied` until decided; a draft applies by its body, a registered facility by a change filing', async () => {
    const draft = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ affordable: true }))
      .expect(201);
    expect(draft.body).toMatchObject({ affordable: true, affordableRecognition: { status: 'applied', maxMonthlyFee: null } });
    const off = await api
      .http()
      .patch(`/api/v1/facilities/${draft.body.id}`)
      .set(bearer(owner))
      .set('If-Match', '"1"')
      .send({ affordable: false })
      .expect(200);
    expect(off.body.affordableRecognition).toBeNull();

    const f = await registeredFacility(api, owner, nanguanHealth, { affordable: false });
    const c = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '申请普惠', facility: { affordable: true } })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${c.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    expect((await facility(f.id)).affordableRecognition).toMatchObject({ status: 'applied' });
    const rejected = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/affordable-recognition`)
      .set(bearer(nanguanHealth))
      .send({ decision: 'reject', reason: '收费高于本市普惠标准' })
      .expect(200);
    expect(rejected.body.affordableRecognition).toMatchObject({ status: 'rejected', reason: '收费高于本市普惠标准' });
  });

  it('expires on validUntil with the daily job, after an alert 30 days ahead', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    expect((await facility(f.id)).affordableRecognition.status).toBe('recognized');
    const soon = addDays(todayInShanghai(), 20);
    await api.db.query('UPDATE facilities SET affordable_valid_until = $2 WHERE id = $1', [f.id, soon]);
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    const alerts = (
      await api.http().get('/api/v1/alerts?kind=affordable_recognition_expiring&status=open&limit=100').set(bearer(owner)).expect(200)
    ).body.items;
    expect(alerts.find((a: { subject: { id: string } }) => a.subject.id === f.id)).toMatchObject({ dueOn: soon });

    // The alert scans its earlier writes caused have run: one still pending would expire the recognition (and change
    // the facility's version) between reading the version and the PATCH below.
    await eventually(async () => {
      const [{ pending }] = await api.db.query(
        "SELECT count(*)::int AS pending FROM outbox WHERE done_at IS NULL AND queue = 'alerts' AND event->>'facilityId' = $1",
        [f.id],
      );
      expect(pending).toBe(0);
    }, 30_000);
    await api.db.query('UPDATE facilities SET affordable_valid_until = $2 WHERE id = $1', [f.id, addDays(todayInShanghai(), -1)]);
    const v = (await facility(f.id)).version;
    // Any write triggers the scan job, which runs the expiry first (the daily schedule does the same).
    await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', `"${v}"`)
      .send({ phone: '0431-80000001' })
      .expect(200);
    await eventually(async () => expect((await facility(f.id)).affordableRecognition.status).toBe('expired'), 60_000);
    await eventually(async () => expect((await nearby({ affordable: true })).map((i) => i.id)).not.toContain(f.id));
  }, 90_000);
});

describe('home-based points (家庭托育点)', () => {
  it('file on the 7th storey with one exit, the other owners’ consent and 9 m² a child, and up to 5 places only', async () => {
    const body = facilityBody({
      kind: 'family',
      name: `小星星家庭托育点 ${Date.now()}`,
      floors: [7],
      exitCount: 1,
      indoorAreaM2: 45,
      outdoorAreaM2: 0,
      documents: [
        { type: 'legal_entity', number: 'YYZZ-F1', issuedOn: '2024-01-10', scopeIncludesChildcare: true },
        { type: 'premises', number: 'FC-F1', issuedOn: '2020-05-01', tenure: 'owned' },
      ],
    });
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(body).expect(201);
    const id = f.body.id as string;
    const cls = await api
      .http()
      .post(`/api/v1/facilities/${id}/classes`)
      .set(bearer(owner))
      .send({ name: '混龄班', ageGroup: 'mixed', places: 5, enrolled: 4 })
      .expect(201);
    await api.http().post(`/api/v1/facilities/${id}/staff`).set(bearer(owner)).send(staffBody('director')).expect(201);
    for (let i = 0; i < 2; i++)
      await api
        .http()
        .post(`/api/v1/facilities/${id}/staff`)
        .set(bearer(owner))
        .send(staffBody('caregiver', { classIds: [cls.body.id] }))
        .expect(201);
    const refused = await api.http().post(`/api/v1/facilities/${id}/submit`).set(bearer(owner)).expect(422);
    expect(codes(refused)).toEqual(['missing_document']);
    expect(refused.body.errors[0].message).toContain('业主');
    const withConsent = await api
      .http()
      .patch(`/api/v1/facilities/${id}`)
      .set(bearer(owner))
      .set('If-Match', '"1"')
      .send({ documents: [...body.documents, { type: 'owners_consent', number: 'YZ-001', issuedOn: '2026-01-05' }] })
      .expect(200);
    expect(withConsent.body.documents.map((d: { type: string }) => d.type)).toContain('owners_consent');
    const compliance = (await api.http().get(`/api/v1/facilities/${id}/compliance`).set(bearer(owner)).expect(200)).body;
    const check = (code: string) => compliance.checks.find((c: { code: string }) => c.code === code);
    expect(check('storey').ok).toBe(true);
    expect(check('exit_count')).toMatchObject({ ok: true });
    expect(check('exit_count').detailEn).toMatch(/^Not applicable/);
    await api.http().post(`/api/v1/facilities/${id}/submit`).set(bearer(owner)).expect(200);
    await api.http().post(`/api/v1/facilities/${id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);

    // After registration, more places go through a change filing, and the 5 still holds there.
    const over = await api
      .http()
      .post(`/api/v1/facilities/${id}/changes`)
      .set(bearer(owner))
      .send({ reason: '扩大', classes: [{ op: 'add', name: '乳儿组', ageGroup: 'infant', places: 1 }] })
      .expect(422);
    expect(codes(over)).toContain('home_based_limit');
    // In a basement, never.
    const basement = await api
      .http()
      .post(`/api/v1/facilities/${id}/changes`)
      .set(bearer(owner))
      .send({ reason: '搬家', facility: { floors: [-1] } })
      .expect(422);
    expect(codes(basement)).toEqual(['storey']);
  });
});
