import { PROFILE_FIELDS } from '@lib/standards';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { compliantFacility, facilityBody, PLACES, registeredFacility, residentId, staffBody } from '../factories/registry.js';

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'kuanchengHealth', 'cityHealth', 'cityFire', 'admin');
const { owner, otherOwner, nanguanHealth, kuanchengHealth, cityHealth, cityFire, admin } = cast;
withApiAndWorker((started) => (api = started), cast);

const unit = async (code: string) => (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body;
const codes = (res: { body: { errors?: { code: string }[] } }) => (res.body.errors ?? []).map((e) => e.code).sort();

describe('the filing flow', () => {
  it('takes a facility from draft to registered, and the unit’s places follow within seconds', async () => {
    const before = await unit('220102');
    const created = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      regionCode: '220102',
      registrationNo: null,
      version: 1,
      location: PLACES.nanguan,
    });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/facilities/${created.body.id}`);
    const id = created.body.id as string;

    const cls = await api
      .http()
      .post(`/api/v1/facilities/${id}/classes`)
      .set(bearer(owner))
      .send({ name: '托小一班', ageGroup: 'toddler', places: 15, enrolled: 12 })
      .expect(201);
    expect(cls.body).toMatchObject({ facilityId: id, places: 15, enrolled: 12, vacancies: 3, version: 1 });
    expect(cls.headers.etag).toBe('"1"');
    for (const role of ['director', 'health', 'security'])
      await api.http().post(`/api/v1/facilities/${id}/staff`).set(bearer(owner)).send(staffBody(role)).expect(201);
    for (let i = 0; i < 3; i++)
      await api
        .http()
        .post(`/api/v1/facilities/${id}/staff`)
        .set(bearer(owner))
        .send(staffBody('caregiver', { classIds: [cls.body.id] }))
        .expect(201);

    const compliance = await api.http().get(`/api/v1/facilities/${id}/compliance`).set(bearer(owner)).expect(200);
    expect(compliance.body.ok).toBe(true);
    expect(compliance.body.checks.map((c: { code: string }) => c.code)).toContain('staff_multi_listed');

    const submitted = await api.http().post(`/api/v1/facilities/${id}/submit`).set(bearer(owner)).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    const queue = await api.http().get('/api/v1/facilities?status=submitted&limit=100').set(bearer(nanguanHealth)).expect(200);
    expect(queue.body.items.map((f: { id: string }) => f.id)).toContain(id);

    const approved = await api
      .http()
      .post(`/api/v1/facilities/${id}/approve`)
      .set(bearer(nanguanHealth))
      .send({ note: '材料齐全' })
      .expect(200);
    expect(approved.body.status).toBe('registered');
    expect(approved.body.registrationNo).toMatch(new RegExp(`^TY-220102-${new Date().getFullYear()}-\\d{4}$`));

    await eventually(async () => {
      const after = await unit('220102');
      expect(after.placeCount).toBe(before.placeCount + 15);
      expect(after.facilityCount).toBe(before.facilityCount + 1);
      // It applied for 普惠 (affordable: true) but is not recognised: its places are not affordable places.
      expect(after.affordablePlaceCount).toBe(before.affordablePlaceCount);
    });
    await eventually(async () => expect((await unit('220100')).placeCount).toBeGreaterThanOrEqual(before.placeCount + 15));

    const history = await api.http().get(`/api/v1/facilities/${id}/history`).set(bearer(owner)).expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('facility.created');
    expect(actions).toEqual(expect.arrayContaining(['class.created', 'staff.added', 'facility.submit', 'facility.approve']));
    expect(actions.indexOf('facility.submit')).toBeLessThan(actions.indexOf('facility.approve'));
    expect(history.body.items.at(-1).actor).toEqual({ id: nanguanHealth.id, role: 'regulator' });
    // Each transition was recorded in the outbox in its own transaction.
    const events = await api.db.query(
      "SELECT event->>'to' AS to FROM outbox WHERE event_type = 'facility.status_changed' AND job_name = 'recompute-unit-figures' AND event->>'facilityId' = $1 ORDER BY id",
      [id],
    );
    expect(events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'registered']);
    // Paginated like every long collection: the pages add up to the whole trail, in order.
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { action: string }[]; nextCursor: string | null } } = await api
        .http()
        .get(`/api/v1/facilities/${id}/history?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(bearer(owner))
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      pages.push(...page.body.items.map((e) => e.action));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(actions);
  });

  it('lists every unmet filing requirement at once (422 with rule codes)', async () => {
    const bare = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ documents: [], floors: [0, 4], exitCount: 1 }))
      .expect(201);
    const res = await api.http().post(`/api/v1/facilities/${bare.body.id}/submit`).set(bearer(owner)).expect(422);
    expect(codes(res)).toEqual(expect.arrayContaining(['has_class', 'missing_role', 'missing_document', 'storey', 'exit_count']));
    expect(res.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    // A draft may be stored with those faults; only the submission is refused.
    expect((await api.http().get(`/api/v1/facilities/${bare.body.id}`).set(bearer(owner)).expect(200)).body.status).toBe('draft');
  });

  it('saves a draft with its name and location only; submission then names every empty field and every rule not met (422)', async () => {
    const name = `朝阳托育草稿 ${Date.now() % 100000}`;
    const draft = await api.http().post('/api/v1/facilities').set(bearer(owner)).send({ name, location: PLACES.nanguan }).expect(201);
    expect(draft.headers.location).toBe(`/api/v1/facilities/${draft.body.id}`);
    expect(draft.body).toMatchObject({
      name,
      status: 'draft',
      regionCode: '220102',
      creditCode: null,
      kind: null,
      ownership: null,
      serviceTypes: null,
      address: null,
      floors: null,
      indoorAreaM2: null,
      outdoorAreaM2: null,
      monthlyFee: null,
      phone: null,
      openingHours: null,
      exitCount: null,
      affordable: false,
      medicalIntegrated: false,
      servesMeals: false,
      surveillance: false,
      documents: [],
    });
    // The compliance check names what to fill in; a rule that reads an empty field waits for it.
    const compliance = await api.http().get(`/api/v1/facilities/${draft.body.id}/compliance`).set(bearer(owner)).expect(200);
    const profile = compliance.body.checks.find((c: { code: string }) => c.code === 'profile_complete');
    expect(profile).toMatchObject({ ok: false, blocksFiling: true });
    expect(profile.detail).toContain('统一社会信用代码');
    expect(compliance.body.checks.find((c: { code: string }) => c.code === 'storey').detail).toBe('待填写机构类型、所在楼层后检查');

    const refused = await api.http().post(`/api/v1/facilities/${draft.body.id}/submit`).set(bearer(owner)).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const required = refused.body.errors.filter((e: { code: string }) => e.code === 'required').map((e: { field: string }) => e.field);
    expect(required).toEqual([...PROFILE_FIELDS]);
    expect(refused.body.errors.find((e: { field: string }) => e.field === 'kind').message).toBe('提交备案前须填写机构类型');
    // The rules that need no empty field are listed as well; those waiting for one are not (its field is).
    expect(codes(refused)).toEqual(expect.arrayContaining(['has_class', 'legal_entity_scope', 'surveillance']));
    expect(codes(refused)).not.toContain('storey');
    expect(codes(refused)).not.toContain('profile_complete');

    // Null is not "left out": refused naming the field, on create and on a draft's patch alike.
    const nullKind = await api.http().post('/api/v1/facilities').set(bearer(owner)).send({ name, location: PLACES.nanguan, kind: null });
    expect(nullKind.status).toBe(400);
    expect(nullKind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    // Completed with a patch, the draft files like any other (the remaining rules are the usual ones).
    const { name: _name, location: _location, ...rest } = facilityBody();
    await api.http().patch(`/api/v1/facilities/${draft.body.id}`).set(bearer(owner)).set('If-Match', '"1"').send(rest).expect(200);
    const still = await api.http().post(`/api/v1/facilities/${draft.body.id}/submit`).set(bearer(owner)).expect(422);
    expect(still.body.errors.filter((e: { code: string }) => e.code === 'required')).toEqual([]);
    expect(codes(still)).toEqual(expect.arrayContaining(['has_class', 'missing_role']));
    // Past draft, a facility cannot lose a profile field: the database refuses it too.
    await expect(api.db.query(`UPDATE facilities SET status = 'submitted', phone = NULL WHERE id = $1`, [draft.body.id])).rejects.toThrow(
      /facilities_profile_complete_check/,
    );
  });

  it('refuses a home-based point with more than 5 places: home_based_limit (not class_size) on class creation and change', async () => {
    const family = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ kind: 'family', floors: [1] }))
      .expect(201);
    const big = await api
      .http()
      .post(`/api/v1/facilities/${family.body.id}/classes`)
      .set(bearer(owner))
      .send({ name: '家庭班', ageGroup: 'mixed', places: 6, enrolled: 2 })
      .expect(422);
    expect(codes(big)).toEqual(['home_based_limit']);
    const first = await api
      .http()
      .post(`/api/v1/facilities/${family.body.id}/classes`)
      .set(bearer(owner))
      .send({ name: '上午班', ageGroup: 'mixed', places: 3, enrolled: 2 })
      .expect(201);
    const second = await api
      .http()
      .post(`/api/v1/facilities/${family.body.id}/classes`)
      .set(bearer(owner))
      .send({ name: '下午班', ageGroup: 'mixed', places: 3, enrolled: 2 })
      .expect(422);
    expect(codes(second)).toEqual(['home_based_limit']);
    const raised = await api
      .http()
      .patch(`/api/v1/classes/${first.body.id}`)
      .set(bearer(owner))
      .set('If-Match', '"1"')
      .send({ places: 6 })
      .expect(422);
    expect(codes(raised)).toEqual(['home_based_limit']);
    // Stored in a draft before this rule by a direct write: the submission refuses it too.
    await api.db.query('INSERT INTO classes (facility_id, name, age_group, places, enrolled) VALUES ($1, $2, $3, 3, 0)', [
      family.body.id,
      '下午班',
      'mixed',
    ]);
    const res = await api.http().post(`/api/v1/facilities/${family.body.id}/submit`).set(bearer(owner)).expect(422);
    expect(codes(res)).toContain('home_based_limit');
  });

  it('sends a rejected filing back to draft with the reason, cleared on the next submission', async () => {
    const f = await compliantFacility(api, owner);
    await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
    await api.http().post(`/api/v1/facilities/${f.id}/reject`).set(bearer(nanguanHealth)).send({}).expect(400);
    const rejected = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/reject`)
      .set(bearer(nanguanHealth))
      .send({ reason: '缺少消防验收意见书原件' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'draft', rejectionReason: '缺少消防验收意见书原件' });
    const again = await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
    expect(again.body).toMatchObject({ status: 'submitted', rejectionReason: null });
  });

  it('answers 409 for a transition from the wrong state, and for editing a submitted facility', async () => {
    const f = await compliantFacility(api, owner);
    await api.http().post(`/api/v1/facilities/${f.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(409);
    await api.http().post(`/api/v1/facilities/${f.id}/close`).set(bearer(nanguanHealth)).send({ reason: 'x' }).expect(409);
    const submitted = await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
    await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(409);
    await api.http().post(`/api/v1/facilities/${f.id}/suspend`).set(bearer(nanguanHealth)).send({ reason: 'x' }).expect(409);
    const edit = await api
      .http()
      .patch(`/api/v1/facilities/${f.id}`)
      .set(bearer(owner))
      .set('If-Match', submitted.headers.etag)
      .send({ monthlyFee: 1 })
      .expect(409);
    expect(edit.body.type).toContain('wrong_state');
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/classes`)
      .set(bearer(owner))
      .send({ name: 'x', ageGroup: 'infant', places: 5, enrolled: 1 })
      .expect(409);
    await api.http().post(`/api/v1/facilities/${f.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    await api.http().post(`/api/v1/facilities/${f.id}/reinstate`).set(bearer(nanguanHealth)).expect(409);
    await api.http().post(`/api/v1/facilities/${f.id}/suspend`).set(bearer(nanguanHealth)).send({ reason: '食品留样缺失' }).expect(200);
    await api.http().post(`/api/v1/facilities/${f.id}/suspend`).set(bearer(nanguanHealth)).send({ reason: 'again' }).expect(409);
    const back = await api.http().post(`/api/v1/facilities/${f.id}/reinstate`).set(bearer(nanguanHealth)).expect(200);
    expect(back.body.status).toBe('registered');
  });
});

describe('concurrency: ETag and If-Match', () => {
  it('requires If-Match (428), refuses a stale one (412), accepts a weak one', async () => {
    const created = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const url = `/api/v1/facilities/${created.body.id}`;
    await api.http().patch(url).set(bearer(owner)).send({ monthlyFee: 1800 }).expect(428);
    const updated = await api.http().patch(url).set(bearer(owner)).set('If-Match', 'W/"1"').send({ monthlyFee: 1800 }).expect(200);
    expect(updated.body).toMatchObject({ monthlyFee: 1800, version: 2 });
    expect(updated.headers.etag).toBe('"2"');
    const stale = await api.http().patch(url).set(bearer(owner)).set('If-Match', '"1"').send({ monthlyFee: 1900 }).expect(412);
    expect(stale.body.status).toBe(412);
    await api.http().patch(url).set(bearer(owner)).set('If-Match', 'garbage').send({ monthlyFee: 1900 }).expect(412);
    const got = await api.http().get(url).set(bearer(owner)).expect(200);
    expect(got.headers.etag).toBe('"2"');
    expect(got.body.monthlyFee).toBe(1800);
  });

  it('guards classes the same way and keeps enrolled within places', async () => {
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const c = await api
      .http()
      .post(`/api/v1/facilities/${f.body.id}/classes`)
      .set(bearer(owner))
      .send({ name: '乳儿班', ageGroup: 'infant', places: 8, enrolled: 5 })
      .expect(201);
    const url = `/api/v1/classes/${c.body.id}`;
    expect((await api.http().get(url).set(bearer(owner)).expect(200)).headers.etag).toBe('"1"');
    await api.http().patch(url).set(bearer(owner)).send({ enrolled: 6 }).expect(428);
    const ok = await api.http().patch(url).set(bearer(owner)).set('If-Match', '"1"').send({ enrolled: 6 }).expect(200);
    expect(ok.body).toMatchObject({ enrolled: 6, vacancies: 2, version: 2 });
    await api.http().patch(url).set(bearer(owner)).set('If-Match', '"1"').send({ enrolled: 7 }).expect(412);
    const over = await api.http().patch(url).set(bearer(owner)).set('If-Match', '"2"').send({ enrolled: 9 }).expect(422);
    expect(codes(over)).toEqual(['over_capacity']);
    const tooBig = await api.http().patch(url).set(bearer(owner)).set('If-Match', '"2"').send({ places: 11 }).expect(422);
    expect(codes(tooBig)).toContain('class_size');
    await api.http().delete(url).set(bearer(owner)).expect(204);
    await api.http().get(url).set(bearer(owner)).expect(404);
  });
});

describe('validation of the profile', () => {
  it('checks the credit code’s check character (400 checksum) and its shape (400 invalid)', async () => {
    const body = facilityBody();
    const wrong = body.creditCode.slice(0, 17) + (body.creditCode[17] === '0' ? '1' : '0');
    const res = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send({ ...body, creditCode: wrong })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', code: 'checksum' })]);
    const shape = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send({ ...body, creditCode: 'short' })
      .expect(400);
    expect(shape.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', code: 'invalid' })]);
  });

  it('refuses read-only fields as unknown properties and names nested fields', async () => {
    const res = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send({ ...facilityBody(), status: 'registered', regionCode: '220103' })
      .expect(400);
    expect(
      res.body.errors
        .filter((e: { code: string }) => e.code === 'unknown_property')
        .map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['regionCode', 'status']);
    const nested = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ location: { lat: 123, lng: 125 }, documents: [{ type: 'passport', number: 'x', issuedOn: '2024-02-30' }] }))
      .expect(400);
    expect(nested.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['location.lat', 'documents[0].type', 'documents[0].issuedOn']),
    );
  });

  it('answers 400, never 500, for a missing location or a null in a patch, and keeps the stored data', async () => {
    const { location: _location, ...noLocation } = facilityBody();
    const missing = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(noLocation).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'location', code: 'required' })]);
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    for (const patch of [{ phone: null }, { outdoorAreaM2: null }, { location: null }, { documents: null }]) {
      const res = await api
        .http()
        .patch(`/api/v1/facilities/${f.body.id}`)
        .set(bearer(owner))
        .set('If-Match', '"1"')
        .send(patch)
        .expect(400);
      expect(res.body.errors[0].field).toBe(Object.keys(patch)[0]);
    }
    const c = await api
      .http()
      .post(`/api/v1/facilities/${f.body.id}/classes`)
      .set(bearer(owner))
      .send({ name: '托小班', ageGroup: 'toddler', places: 10, enrolled: 5 })
      .expect(201);
    await api.http().patch(`/api/v1/classes/${c.body.id}`).set(bearer(owner)).set('If-Match', '"1"').send({ enrolled: null }).expect(400);
    const stored = await api.http().get(`/api/v1/facilities/${f.body.id}`).set(bearer(owner)).expect(200);
    expect(stored.body).toMatchObject({ version: 1, phone: f.body.phone, outdoorAreaM2: f.body.outdoorAreaM2 });
  });

  it('derives the unit from the location, re-derives it on a move, and refuses a point outside every unit (422)', async () => {
    const out = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ location: PLACES.outside }))
      .expect(422);
    expect(out.body.errors).toEqual([expect.objectContaining({ field: 'location', code: 'outside_jurisdiction' })]);
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const moved = await api
      .http()
      .patch(`/api/v1/facilities/${f.body.id}`)
      .set(bearer(owner))
      .set('If-Match', '"1"')
      .send({ location: PLACES.kuancheng })
      .expect(200);
    expect(moved.body.regionCode).toBe('220103');
    await api
      .http()
      .patch(`/api/v1/facilities/${f.body.id}`)
      .set(bearer(owner))
      .set('If-Match', '"2"')
      .send({ location: PLACES.outside })
      .expect(422);
  });

  it('stores a home-based point’s public location 100–300 m from the true one', async () => {
    const f = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .send(facilityBody({ kind: 'family' }))
      .expect(201);
    const [row] = await api.db.query('SELECT ST_Distance(location, public_location) AS d FROM facilities WHERE id = $1', [f.body.id]);
    expect(Number(row.d)).toBeGreaterThanOrEqual(99);
    expect(Number(row.d)).toBeLessThanOrEqual(301);
    const centre = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const [same] = await api.db.query('SELECT ST_Distance(location, public_location) AS d FROM facilities WHERE id = $1', [centre.body.id]);
    expect(Number(same.d)).toBe(0);
  });
});

describe('staff and ID numbers', () => {
  it('checks the ID number’s check digit, stores it encrypted, answers it masked', async () => {
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const id = residentId();
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const wrong = await api
      .http()
      .post(`/api/v1/facilities/${f.body.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { idNumber: bad }))
      .expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'idNumber', code: 'checksum' })]);
    const res = await api
      .http()
      .post(`/api/v1/facilities/${f.body.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { idNumber: id }))
      .expect(201);
    expect(res.body.idNumber).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`);
    const [row] = await api.db.query('SELECT s::text AS everything FROM staff s WHERE id = $1', [res.body.id]);
    expect(row.everything).not.toContain(id);
    expect(row.everything).not.toContain(id.slice(4, 14));
    const audit = await api.db.query("SELECT changes::text AS c FROM audit_entries WHERE subject_type = 'facility' AND subject_id = $1", [
      f.body.id,
    ]);
    for (const a of audit) expect(a.c).not.toContain(id);
    const listed = await api.http().get(`/api/v1/facilities/${f.body.id}/staff`).set(bearer(cityHealth)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(id);
  });

  it('ends employment but keeps the record, and filters by active', async () => {
    const f = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const a = await api.http().post(`/api/v1/facilities/${f.body.id}/staff`).set(bearer(owner)).send(staffBody('cook')).expect(201);
    // 201 with Location, whose GET answers the record (masked) to those in reach and 404 to others.
    expect(a.headers.location).toBe(`/api/v1/staff/${a.body.id}`);
    const one = await api
      .http()
      .get(a.headers.location as string)
      .set(bearer(owner))
      .expect(200);
    expect(one.body).toMatchObject({ id: a.body.id, role: 'cook', idNumber: a.body.idNumber });
    await api
      .http()
      .get(a.headers.location as string)
      .set(bearer(nanguanHealth))
      .expect(200);
    await api
      .http()
      .get(a.headers.location as string)
      .set(bearer(otherOwner))
      .expect(404);
    await api
      .http()
      .get(a.headers.location as string)
      .set(bearer(kuanchengHealth))
      .expect(404);
    await api.http().post(`/api/v1/facilities/${f.body.id}/staff`).set(bearer(owner)).send(staffBody('other')).expect(201);
    await api.http().delete(`/api/v1/staff/${a.body.id}`).set(bearer(owner)).expect(204);
    const all = await api.http().get(`/api/v1/facilities/${f.body.id}/staff`).set(bearer(owner)).expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items.find((s: { id: string }) => s.id === a.body.id).endedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (await api.http().get(`/api/v1/facilities/${f.body.id}/staff?active=true`).set(bearer(owner)).expect(200)).body.items,
    ).toHaveLength(1);
    expect(
      (await api.http().get(`/api/v1/facilities/${f.body.id}/staff?active=false`).set(bearer(owner)).expect(200)).body.items,
    ).toHaveLength(1);
    await api.http().get(`/api/v1/facilities/${f.body.id}/staff?active=maybe`).set(bearer(owner)).expect(400);
  });

  it('shows a multi-listing to regulators on both sides and to the operator who entered the later record only, never where', async () => {
    const id = residentId();
    // Registered, so that alerts are raised for them (drafts raise none).
    const fetch = async (facilityId: string, user: TestUser) =>
      (await api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(user)).expect(200)).body as { id: string; name: string };
    const a = { body: await fetch((await registeredFacility(api, owner, nanguanHealth)).id, owner) };
    const b = {
      body: await fetch((await registeredFacility(api, otherOwner, kuanchengHealth, { location: PLACES.kuancheng })).id, otherOwner),
    };
    const sa = await api
      .http()
      .post(`/api/v1/facilities/${a.body.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { idNumber: id }))
      .expect(201);
    expect(sa.body.multiListed).toBe(false);
    // Another operator enters the same ID number: told the person is listed elsewhere, not where.
    const sb = await api
      .http()
      .post(`/api/v1/facilities/${b.body.id}/staff`)
      .set(bearer(otherOwner))
      .send(staffBody('caregiver', { idNumber: id.toLowerCase() }))
      .expect(201);
    expect(sb.body).toMatchObject({ multiListed: true, alsoListedAt: [] });
    expect(JSON.stringify(sb.body)).not.toContain(a.body.id);
    const roster = async (facilityId: string, user: TestUser) =>
      (await api.http().get(`/api/v1/facilities/${facilityId}/staff?active=true&limit=100`).set(bearer(user)).expect(200)).body.items.find(
        (x: { name: string }) => x.name === sa.body.name,
      );
    const check = async (facilityId: string, user: TestUser) =>
      (await api.http().get(`/api/v1/facilities/${facilityId}/compliance`).set(bearer(user)).expect(200)).body.checks.find(
        (c: { code: string }) => c.code === 'staff_multi_listed',
      );
    // The facility that listed the person first is neither told nor marked: the ID number is no oracle.
    expect(await roster(a.body.id, owner)).toMatchObject({ id: sa.body.id, multiListed: false, alsoListedAt: [] });
    expect((await check(a.body.id, owner)).ok).toBe(true);
    const told = await check(b.body.id, otherOwner);
    expect(told.ok).toBe(false);
    expect(told.detail).toContain('监管部门将核查');
    expect(JSON.stringify(told)).not.toContain(a.body.name);
    // Regulators see both sides, and where, within their reach only.
    expect((await check(a.body.id, cityHealth)).ok).toBe(false);
    expect((await check(b.body.id, kuanchengHealth)).ok).toBe(false);
    expect(await roster(a.body.id, cityHealth)).toMatchObject({
      id: sa.body.id,
      multiListed: true,
      alsoListedAt: [{ staffId: sb.body.id, facilityId: b.body.id, facilityName: b.body.name, hiredOn: sb.body.hiredOn }],
    });
    expect(await roster(a.body.id, nanguanHealth)).toMatchObject({ multiListed: true, alsoListedAt: [] });
    // The alert goes to the later record's facility (and its regulators), not to the first one's operator.
    const alerts = async (user: TestUser) =>
      (await api.http().get('/api/v1/alerts?kind=staff_multi_listed&status=open').set(bearer(user)).expect(200)).body.items as {
        subject: { id: string };
        message: string;
      }[];
    await eventually(async () => expect((await alerts(otherOwner)).map((x) => x.subject.id)).toContain(sb.body.id));
    expect((await alerts(owner)).map((x) => x.subject.id)).not.toContain(sa.body.id);
    expect((await alerts(kuanchengHealth)).map((x) => x.subject.id)).toContain(sb.body.id);

    // A health regulator in reach settles it by ending one record, with a reason; nobody else may.
    const settle = (staffId: string, user: TestUser) =>
      api.http().post(`/api/v1/staff/${staffId}/end-listing`).set(bearer(user)).send({ reason: '经核实，该人员已从本机构离职' });
    await settle(sb.body.id, otherOwner).expect(403);
    await settle(sb.body.id, cityFire).expect(403);
    await settle(sa.body.id, kuanchengHealth).expect(404);
    const missingReason = await api.http().post(`/api/v1/staff/${sb.body.id}/end-listing`).set(bearer(cityHealth)).send({}).expect(400);
    expect(missingReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const ended = await settle(sb.body.id, kuanchengHealth).expect(200);
    expect(ended.body).toMatchObject({ id: sb.body.id, multiListed: false, endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    await settle(sb.body.id, kuanchengHealth).expect(409);
    await settle(sa.body.id, cityHealth).expect(409);
    expect((await check(a.body.id, cityHealth)).ok).toBe(true);
    expect((await check(b.body.id, otherOwner)).ok).toBe(true);
    await eventually(async () => expect((await alerts(otherOwner)).map((x) => x.subject.id)).not.toContain(sb.body.id));
    const trail = await api.http().get(`/api/v1/facilities/${b.body.id}/history?limit=100`).set(bearer(kuanchengHealth)).expect(200);
    expect(trail.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'staff.listing_ended',
          changes: expect.objectContaining({ reason: '经核实，该人员已从本机构离职' }),
        }),
      ]),
    );
  });

  it('refuses classes of another facility for a caregiver (400 naming classIds)', async () => {
    const a = await compliantFacility(api, owner);
    const b = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const res = await api
      .http()
      .post(`/api/v1/facilities/${b.body.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { classIds: [a.classId] }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'classIds' })]);
  });
});

describe('closure with emergency placement', () => {
  // Far from every other test's facilities (榆树市 220182), so the expected plan is exact.
  const at = (northKm: number) => ({ location: { lat: 44.8844 + northKm * 0.009, lng: 126.5301 } });

  it('places each class’s children nearest first within 5 km, by age range and vacancies, and stores the plan', async () => {
    const base = (await unit('220182')).placeCount as number;
    const closing = await registeredFacility(api, owner, cityHealth, at(0), { places: 12, enrolled: 10 });
    const near = await registeredFacility(api, otherOwner, cityHealth, at(1), { places: 15, enrolled: 9 }); // 6 free, 1 km
    const far = await registeredFacility(api, otherOwner, cityHealth, at(3), { places: 15, enrolled: 5 }); // 10 free, 3 km
    await registeredFacility(api, otherOwner, cityHealth, at(7), { places: 15, enrolled: 0 }); // beyond 5 km
    const older = await registeredFacility(api, otherOwner, cityHealth, at(0.5), { places: 15, enrolled: 0 });
    // The nearest one takes only 24–36 months: not for toddlers.
    const olderClass = (await api.http().get(`/api/v1/facilities/${older.id}/classes`).set(bearer(otherOwner)).expect(200)).body.items[0];
    await api.db.query("UPDATE classes SET age_group = 'preschool' WHERE id = $1", [olderClass.id]);

    const preview = await api.http().get(`/api/v1/facilities/${closing.id}/placement-plan`).set(bearer(owner)).expect(200);
    expect(preview.body).toMatchObject({ unplacedTotal: 0, stored: false });
    expect(preview.body.classes).toHaveLength(1);
    expect(preview.body.classes[0]).toMatchObject({ classId: closing.classId, ageGroup: 'toddler', enrolled: 10, unplaced: 0 });
    expect(preview.body.classes[0].placements.map((p: { facilityId: string; count: number }) => [p.facilityId, p.count])).toEqual([
      [near.id, 6],
      [far.id, 4],
    ]);
    expect(preview.body.classes[0].placements[0].distanceM).toBeGreaterThan(900);
    expect(preview.body.classes[0].placements[0].distanceM).toBeLessThan(1100);

    // Registered: 12 + 4 × 15 places.
    await eventually(async () => expect((await unit('220182')).placeCount).toBe(base + 72));
    const closed = await api
      .http()
      .post(`/api/v1/facilities/${closing.id}/close`)
      .set(bearer(cityHealth))
      .send({ reason: '举办者申请停止服务' })
      .expect(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.placementPlan).toMatchObject({ unplacedTotal: 0 });
    const stored = await api.http().get(`/api/v1/facilities/${closing.id}/placement-plan`).set(bearer(cityHealth)).expect(200);
    expect(stored.body).toMatchObject({ stored: true, unplacedTotal: 0 });
    await eventually(async () => expect((await unit('220182')).placeCount).toBe(base + 60));
  });

  it('lets the owner close its own facility and lists children who could not be placed', async () => {
    const lonely = await registeredFacility(api, owner, cityHealth, { location: { lat: 44.6, lng: 126.2 } }, { places: 10, enrolled: 7 });
    const res = await api.http().post(`/api/v1/facilities/${lonely.id}/close`).set(bearer(owner)).send({ reason: '场地到期' }).expect(200);
    expect(res.body.placementPlan).toMatchObject({ unplacedTotal: 7, classes: [expect.objectContaining({ unplaced: 7, placements: [] })] });
  });
});

describe('reach: 404 outside it, 403 for the wrong role or agency, 401 anonymous', () => {
  let id: string;
  let classId: string;
  let staffId: string;
  beforeAll(async () => {
    const f = await compliantFacility(api, owner);
    id = f.id;
    classId = f.classId;
    staffId = (await api.http().get(`/api/v1/facilities/${id}/staff`).set(bearer(owner)).expect(200)).body.items[0].id;
  });

  it('hides an operator’s facility and everything in it from another operator and another unit’s regulator', async () => {
    for (const user of [otherOwner, kuanchengHealth]) {
      for (const path of [
        `/facilities/${id}`,
        `/facilities/${id}/classes`,
        `/facilities/${id}/staff`,
        `/facilities/${id}/compliance`,
        `/facilities/${id}/history`,
        `/facilities/${id}/placement-plan`,
        `/classes/${classId}`,
      ]) {
        await api.http().get(`/api/v1${path}`).set(bearer(user)).expect(404);
      }
      const list = await api.http().get('/api/v1/facilities?limit=100').set(bearer(user)).expect(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).not.toContain(id);
    }
    await api.http().patch(`/api/v1/facilities/${id}`).set(bearer(otherOwner)).set('If-Match', '"1"').send({ monthlyFee: 1 }).expect(404);
    await api
      .http()
      .post(`/api/v1/facilities/${id}/classes`)
      .set(bearer(otherOwner))
      .send({ name: 'x', ageGroup: 'infant', places: 3, enrolled: 0 })
      .expect(404);
    await api.http().patch(`/api/v1/classes/${classId}`).set(bearer(otherOwner)).set('If-Match', '"1"').send({ enrolled: 1 }).expect(404);
    await api.http().delete(`/api/v1/classes/${classId}`).set(bearer(otherOwner)).expect(404);
    await api.http().post(`/api/v1/facilities/${id}/staff`).set(bearer(otherOwner)).send(staffBody('cook')).expect(404);
    await api.http().patch(`/api/v1/staff/${staffId}`).set(bearer(otherOwner)).send({ phone: '13900000000' }).expect(404);
    await api.http().delete(`/api/v1/staff/${staffId}`).set(bearer(otherOwner)).expect(404);
    await api.http().post(`/api/v1/facilities/${id}/submit`).set(bearer(otherOwner)).expect(404);
    await api.http().post(`/api/v1/facilities/${id}/close`).set(bearer(otherOwner)).send({ reason: 'x' }).expect(404);
  });

  it('shows it to its unit’s and the city’s regulators of any agency, and to the admin', async () => {
    for (const user of [nanguanHealth, cityHealth, cityFire, admin]) {
      await api.http().get(`/api/v1/facilities/${id}`).set(bearer(user)).expect(200);
      await api.http().get(`/api/v1/facilities/${id}/staff`).set(bearer(user)).expect(200);
    }
    const list = await api.http().get('/api/v1/facilities?regionCode=220102&limit=100').set(bearer(cityFire)).expect(200);
    expect(list.body.items.every((f: { regionCode: string }) => f.regionCode === '220102')).toBe(true);
  });

  it('lets only health regulators act on filings (403 for other agencies and for operators), and nobody edit but the owner', async () => {
    await api.http().post(`/api/v1/facilities/${id}/submit`).set(bearer(owner)).expect(200);
    await api.http().post(`/api/v1/facilities/${id}/approve`).set(bearer(cityFire)).send({}).expect(403);
    await api.http().post(`/api/v1/facilities/${id}/approve`).set(bearer(owner)).send({}).expect(403);
    await api.http().post(`/api/v1/facilities/${id}/approve`).set(bearer(kuanchengHealth)).send({}).expect(404);
    await api.http().post(`/api/v1/facilities/${id}/approve`).send({}).expect(401);
    await api
      .http()
      .patch(`/api/v1/facilities/${id}`)
      .set(bearer(nanguanHealth))
      .set('If-Match', '"1"')
      .send({ monthlyFee: 1 })
      .expect(403);
    await api.http().post('/api/v1/facilities').set(bearer(nanguanHealth)).send(facilityBody()).expect(403);
    await api.http().post(`/api/v1/facilities/${id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
  });
});

describe('the search box: GET /facilities?q= (issue #19 item 1)', () => {
  const found = async (user: TestUser, q: string) =>
    (
      await api
        .http()
        .get(`/api/v1/facilities?q=${encodeURIComponent(q)}&limit=100`)
        .set(bearer(user))
        .expect(200)
    ).body.items.map((f: { id: string }) => f.id);

  it('finds a facility by part of its name (one or two Chinese characters too), its registration number or credit code, in reach only', async () => {
    const tag = String(Date.now() % 1_000_000).padStart(6, '0');
    const { id } = await registeredFacility(api, owner, nanguanHealth, { name: `晨曦${tag}托育园` });
    const view = (await api.http().get(`/api/v1/facilities/${id}`).set(bearer(owner)).expect(200)).body;
    const registrationNo = view.registrationNo as string;
    const creditCode = view.creditCode as string;
    const hits = [`${tag}托育`, '晨曦', '曦', ` 托育园 `, registrationNo, registrationNo.slice(-7), creditCode, creditCode.toLowerCase()];
    for (const q of hits) {
      for (const user of [admin, cityHealth, nanguanHealth])
        expect({ q, found: (await found(user, q)).includes(id) }).toEqual({ q, found: true });
      expect(await found(kuanchengHealth, q)).not.toContain(id);
    }
    // A q is a substring, its % and _ no wildcards; a name part of one or two characters matches names only.
    for (const q of [`${tag}托育园所`, `${tag}%`, `晨_${tag}`, registrationNo.slice(0, 2)])
      expect({ q, found: (await found(admin, q)).includes(id) }).toEqual({ q, found: false });
  });
});
