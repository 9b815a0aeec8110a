// Parents: applications and the waitlist (docs/api.md "Parents: applications and the waitlist", issue #17): parent accounts and their reach,
// applications and their rules, queue positions, offers holding places (vacancies fall at once in the class, the
// public search and the facility page), accept / decline / withdraw, the expiry job, and the units' demand figures.
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@lib/events';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { facilityBody, PLACES, registeredFacility } from '../factories/registry.js';
import { applyFor, childOf, inDays, monthsFromNow, registerParent } from '../factories/applications.js';

const publicPage = async (id: string) => (await api.http().get(`/api/v1/public/facilities/${id}`).expect(200)).body;

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let otherOperator: TestUser;
let health: TestUser;
let facility: { id: string; classId: string };
let second: { id: string; classId: string };

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  owner = await createUser(api, 'operator');
  otherOperator = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  // A toddler class of 15 places with 12 enrolled: 3 vacancies.
  facility = await registeredFacility(api, owner, health, { location: PLACES.nanguan });
  second = await registeredFacility(api, otherOperator, health, { location: PLACES.chaoyang }, { places: 15, enrolled: 15 });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
});

describe('parent accounts', () => {
  it('registers a parent (accountType parent answers role parent) under the same password rules', async () => {
    const parent = await registerParent(api);
    const me = await api.http().get('/api/v1/auth/me').set(bearer(parent)).expect(200);
    expect(me.body.role).toBe('parent');
    const short = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username: 'p-short-pw', password: 'short', displayName: 'x', accountType: 'parent' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { field: string }) => e.field)).toContain('password');
    const bad = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username: 'p-bad-type', password: 'long-enough-pw', displayName: 'x', accountType: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('accountType');
  });

  it('registers an operator by default', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username: `op-default-${Date.now()}`, password: 'long-enough-pw', displayName: 'x' })
      .expect(201);
    expect(res.body.role).toBe('operator');
  });

  it('lets a parent reach the public routes and its own account, and nothing of the registry (403)', async () => {
    const parent = await registerParent(api);
    await api.http().get('/api/v1/public/regions').set(bearer(parent)).expect(200);
    await api.http().get(`/api/v1/public/facilities/${facility.id}`).set(bearer(parent)).expect(200);
    for (const path of [
      '/api/v1/facilities',
      `/api/v1/facilities/${facility.id}`,
      `/api/v1/classes/${facility.classId}`,
      '/api/v1/alerts',
      '/api/v1/regions',
      '/api/v1/inspection-checklists',
    ]) {
      expect({ path, status: (await api.http().get(path).set(bearer(parent))).status }).toEqual({ path, status: 403 });
    }
    await api
      .http()
      .post(`/api/v1/facilities/${facility.id}/classes`)
      .set(bearer(parent))
      .send({ name: 'x', ageGroup: 'toddler', places: 5, enrolled: 0 })
      .expect(403);
  });

  it('lets a parent change its own password and sign out (its own account), ending its tokens', async () => {
    const parent = await registerParent(api);
    await api
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(parent))
      .send({ currentPassword: parent.password, newPassword: 'Another-parent-2026' })
      .expect(204);
    await api.http().get('/api/v1/auth/me').set(bearer(parent)).expect(401);
    const login = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: parent.username, password: 'Another-parent-2026' })
      .expect(200);
    const fresh = { token: login.body.accessToken as string };
    await api.http().get('/api/v1/applications').set(bearer(fresh)).expect(200);
    await api.http().post('/api/v1/auth/logout').set(bearer(fresh)).expect(204);
    await api.http().get('/api/v1/applications').set(bearer(fresh)).expect(401);
  });
});

describe('applications', () => {
  it('creates an application: 201 waiting, the child as label and birth month, ranked choices with positions', async () => {
    const parent = await registerParent(api);
    const body = { ...childOf(14, '小米'), serviceType: 'full_day', choices: [facility.id] };
    const res = await api.http().post('/api/v1/applications').set(bearer(parent)).send(body).expect(201);
    expect(res.headers.location).toBe(`/api/v1/applications/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'waiting',
      child: { label: '小米', birthMonth: body.child.birthMonth },
      startMonth: body.startMonth,
      serviceType: 'full_day',
      ageGroup: 'toddler',
      choices: [{ facilityId: facility.id, rank: 1, status: 'waiting' }],
    });
    expect(res.body.choices[0].position).toBeGreaterThanOrEqual(1);
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    const again = await api.http().get(`/api/v1/applications/${res.body.id}`).set(bearer(parent)).expect(200);
    expect(again.body.id).toBe(res.body.id);
  });

  it('refuses a child outside 6..36 months in the start month (422 age_out_of_range)', async () => {
    const parent = await registerParent(api);
    for (const age of [5, 37]) {
      const res = await api
        .http()
        .post('/api/v1/applications')
        .set(bearer(parent))
        .send({ ...childOf(age), serviceType: 'full_day', choices: [facility.id] });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'child.birthMonth', code: 'age_out_of_range' });
    }
  });

  it('refuses a choice without a class for the age (422 no_class_for_age naming it) and an unregistered one', async () => {
    const parent = await registerParent(api);
    const infant = await api
      .http()
      .post('/api/v1/applications')
      .set(bearer(parent))
      .send({ ...childOf(8), serviceType: 'full_day', choices: [facility.id] });
    expect(infant.status).toBe(422);
    expect(infant.body.errors).toEqual([expect.objectContaining({ field: 'choices[0]', code: 'no_class_for_age' })]);
    const draft = await api.http().post('/api/v1/facilities').set(bearer(owner)).send(facilityBody()).expect(201);
    const res = await api
      .http()
      .post('/api/v1/applications')
      .set(bearer(parent))
      .send({ ...childOf(14), serviceType: 'full_day', choices: [facility.id, draft.body.id] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'choices[1]', code: 'not_registered' })]);
  });

  it('refuses bad input with 400 naming the field: more than three choices, a repeated choice, an ID number as label, a bad month', async () => {
    const parent = await registerParent(api);
    const cases: [Record<string, unknown>, string][] = [
      [{ choices: [facility.id, second.id, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] }, 'choices'],
      [{ choices: [facility.id, facility.id] }, 'choices'],
      [{ choices: [] }, 'choices'],
      [{ child: { label: '220102201801011234', birthMonth: childOf(14).child.birthMonth } }, 'child.label'],
      [{ child: { label: '小米', birthMonth: '2025-13' } }, 'child.birthMonth'],
      [{ startMonth: '2020-01' }, 'startMonth'],
      [{ serviceType: 'overnight' }, 'serviceType'],
      [{ child: { label: '小米', birthMonth: '2025-01', idNumber: '220102201801011234' } }, 'child.idNumber'],
    ];
    for (const [patch, field] of cases) {
      const res = await api
        .http()
        .post('/api/v1/applications')
        .set(bearer(parent))
        .send({ ...childOf(14, '小米'), serviceType: 'full_day', choices: [facility.id], ...patch });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('refuses a second active application for the same child (409), and accepts it again after a withdrawal', async () => {
    const parent = await registerParent(api);
    const body = { ...childOf(14, '豆豆'), serviceType: 'full_day', choices: [facility.id] };
    const first = await api.http().post('/api/v1/applications').set(bearer(parent)).send(body).expect(201);
    await api.http().post('/api/v1/applications').set(bearer(parent)).send(body).expect(409);
    const withdrawn = await api.http().post(`/api/v1/applications/${first.body.id}/withdraw`).set(bearer(parent)).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.choices[0]).toMatchObject({ status: 'withdrawn', position: null });
    await api.http().post(`/api/v1/applications/${first.body.id}/withdraw`).set(bearer(parent)).expect(409);
    await api.http().post('/api/v1/applications').set(bearer(parent)).send(body).expect(201);
  });

  it('is for parents only: an operator may not apply (403), the anonymous get 401', async () => {
    await api
      .http()
      .post('/api/v1/applications')
      .set(bearer(owner))
      .send({ ...childOf(14), serviceType: 'full_day', choices: [facility.id] })
      .expect(403);
    await api.http().post('/api/v1/applications').send({}).expect(401);
  });
});

describe('the queue', () => {
  let queueFacility: { id: string; classId: string };
  let queueOwner: TestUser;
  beforeAll(async () => {
    queueOwner = await createUser(api, 'operator');
    queueFacility = await registeredFacility(api, queueOwner, health, { location: PLACES.kuancheng });
  });

  it('orders each facility’s applicants by start month, then time of application', async () => {
    const [a, b, c] = [await registerParent(api), await registerParent(api), await registerParent(api)];
    const late = await applyFor(api, a, [queueFacility.id], {
      startMonth: monthsFromNow(3),
      child: { label: '晚晚', birthMonth: monthsFromNow(-11) },
    });
    // b wants a place a month earlier than a: ahead of a although it applied later.
    const early = await applyFor(api, b, [queueFacility.id], {
      startMonth: monthsFromNow(2),
      child: { label: '早早', birthMonth: monthsFromNow(-11) },
    });
    const third = await applyFor(api, c, [queueFacility.id]);
    const list = await api
      .http()
      .get(`/api/v1/applications?facilityId=${queueFacility.id}&ageGroup=toddler`)
      .set(bearer(queueOwner))
      .expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([early.id, late.id, third.id]);
    expect(list.body.items.map((i: { choices: { position: number }[] }) => i.choices[0]!.position)).toEqual([1, 2, 3]);
    expect(list.body.nextCursor).toBeNull();
    const mine = await api.http().get(`/api/v1/applications/${late.id}`).set(bearer(a)).expect(200);
    expect(mine.body.choices[0].position).toBe(2);
    // Pages of one.
    const page1 = await api.http().get(`/api/v1/applications?facilityId=${queueFacility.id}&limit=1`).set(bearer(queueOwner)).expect(200);
    const page2 = await api
      .http()
      .get(`/api/v1/applications?facilityId=${queueFacility.id}&limit=1&cursor=${page1.body.nextCursor}`)
      .set(bearer(queueOwner))
      .expect(200);
    expect([page1.body.items[0].id, page2.body.items[0].id]).toEqual([early.id, late.id]);
    // The infant queue is empty; withdrawal moves the others up.
    const infants = await api
      .http()
      .get(`/api/v1/applications?facilityId=${queueFacility.id}&ageGroup=infant`)
      .set(bearer(queueOwner))
      .expect(200);
    expect(infants.body.items).toEqual([]);
    await api.http().post(`/api/v1/applications/${early.id}/withdraw`).set(bearer(b)).expect(200);
    expect((await api.http().get(`/api/v1/applications/${third.id}`).set(bearer(c)).expect(200)).body.choices[0].position).toBe(2);
  });

  it('shows a parent only its own applications and an operator only those choosing its facilities', async () => {
    const parent = await registerParent(api);
    const other = await registerParent(api);
    const app = await applyFor(api, parent, [queueFacility.id, facility.id]);
    await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(other)).expect(404);
    expect((await api.http().get('/api/v1/applications').set(bearer(other)).expect(200)).body.items).toEqual([]);
    expect(
      (await api.http().get('/api/v1/applications').set(bearer(parent)).expect(200)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([app.id]);
    // The operator of one chosen facility sees that choice only.
    const seen = await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(queueOwner)).expect(200);
    expect(seen.body.choices.map((c: { facilityId: string }) => c.facilityId)).toEqual([queueFacility.id]);
    await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(otherOperator)).expect(404);
    const outsider = await api.http().get('/api/v1/applications').set(bearer(otherOperator)).expect(200);
    expect(outsider.text).not.toContain(app.id);
    // Regulators and the admin do not see children's applications.
    await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(health)).expect(403);
  });
});

describe('offers', () => {
  let offerOwner: TestUser;
  let f: { id: string; classId: string };
  beforeAll(async () => {
    offerOwner = await createUser(api, 'operator');
    // 15 places, 12 enrolled: 3 vacancies.
    f = await registeredFacility(api, offerOwner, health, { location: PLACES.nanguan2 });
  });
  const classOf = async () => (await api.http().get(`/api/v1/classes/${f.classId}`).set(bearer(offerOwner)).expect(200)).body;

  it('holds a place at once: the class, the public facility page and the public search show one vacancy fewer', async () => {
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [f.id]);
    const before = { cls: await classOf(), page: await publicPage(f.id), search: await nearbyAt(f.id) };
    const res = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(7) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applicationId: app.id, facilityId: f.id, classId: f.classId, status: 'open', expiresOn: inDays(7) });
    const after = { cls: await classOf(), page: await publicPage(f.id), search: await nearbyAt(f.id) };
    expect(after.cls.vacancies).toBe(before.cls.vacancies - 1);
    expect(after.cls.held).toBe(before.cls.held + 1);
    expect(after.cls.enrolled).toBe(before.cls.enrolled);
    expect(after.page.vacancies).toBe(before.page.vacancies - 1);
    expect(after.page.classes[0].vacancies).toBe(before.page.classes[0].vacancies - 1);
    expect(after.search.vacancies).toBe(before.search.vacancies - 1);
    // The parent sees it; a second offer on the same choice is refused (409).
    const mine = await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(parent)).expect(200);
    expect(mine.body.offers).toEqual([expect.objectContaining({ id: res.body.id, status: 'open' })]);
    expect(mine.body.choices[0].status).toBe('offered');
    await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(7) })
      .expect(409);
  });

  it('accept enrols in the same step: placed, enrolled + 1, the hold released, other open offers withdrawn', async () => {
    const parent = await registerParent(api);
    const otherOwner = await createUser(api, 'operator');
    const g = await registeredFacility(api, otherOwner, health, { location: PLACES.nanguan });
    const app = await applyFor(api, parent, [f.id, g.id]);
    const o1 = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(5) })
      .expect(201);
    const o2 = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(otherOwner))
      .send({ facilityId: g.id, classId: g.classId, expiresOn: inDays(5) })
      .expect(201);
    const before = await classOf();
    const gHeld = (await api.http().get(`/api/v1/classes/${g.classId}`).set(bearer(otherOwner)).expect(200)).body;
    expect(gHeld.held).toBe(1);
    // Only the parent accepts.
    await api.http().post(`/api/v1/offers/${o1.body.id}/accept`).set(bearer(offerOwner)).expect(403);
    await api
      .http()
      .post(`/api/v1/offers/${o1.body.id}/accept`)
      .set(bearer(await registerParent(api)))
      .expect(404);
    const res = await api.http().post(`/api/v1/offers/${o1.body.id}/accept`).set(bearer(parent)).expect(200);
    expect(res.body.status).toBe('accepted');
    expect(res.body.application.status).toBe('placed');
    const after = await classOf();
    expect(after.enrolled).toBe(before.enrolled + 1);
    expect(after.held).toBe(before.held - 1);
    expect(after.vacancies).toBe(before.vacancies);
    const gAfter = (await api.http().get(`/api/v1/classes/${g.classId}`).set(bearer(otherOwner)).expect(200)).body;
    expect(gAfter.held).toBe(0);
    const app2 = await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(parent)).expect(200);
    expect(app2.body.offers.find((o: { id: string }) => o.id === o2.body.id).status).toBe('withdrawn');
    expect(app2.body.choices.map((c: { status: string }) => c.status)).toEqual(['placed', 'withdrawn']);
    await api.http().post(`/api/v1/offers/${o1.body.id}/accept`).set(bearer(parent)).expect(409);
    await api.http().post(`/api/v1/offers/${o2.body.id}/accept`).set(bearer(parent)).expect(409);
    await api.http().post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(parent)).expect(409);
  });

  it('decline releases the hold and takes the choice out of that queue', async () => {
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [f.id]);
    const before = await classOf();
    const o = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(3) })
      .expect(201);
    expect((await classOf()).vacancies).toBe(before.vacancies - 1);
    const res = await api.http().post(`/api/v1/offers/${o.body.id}/decline`).set(bearer(parent)).expect(200);
    expect(res.body.status).toBe('declined');
    expect(res.body.application.choices[0]).toMatchObject({ status: 'declined', position: null });
    expect((await classOf()).vacancies).toBe(before.vacancies);
    await api.http().post(`/api/v1/offers/${o.body.id}/decline`).set(bearer(parent)).expect(409);
  });

  it('withdrawal releases the held place', async () => {
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [f.id]);
    const before = await classOf();
    await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(3) })
      .expect(201);
    await api.http().post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(parent)).expect(200);
    expect((await classOf()).vacancies).toBe(before.vacancies);
  });

  it('refuses an offer without a vacancy (422 no_vacancy), for a class of another age (422), another facility’s class, or a bad expiry (400)', async () => {
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [f.id]);
    // A registered facility adds a class through an approved change filing (docs/api.md "Change filings").
    const change = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(offerOwner))
      .send({ reason: '增设乳儿班', classes: [{ op: 'add', name: '乳儿班', ageGroup: 'infant', places: 5, enrolled: 0 }] })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(health)).send({}).expect(200);
    const classes = (await api.http().get(`/api/v1/facilities/${f.id}/classes`).set(bearer(offerOwner)).expect(200)).body.items;
    const infantClass = { body: classes.find((c: { ageGroup: string }) => c.ageGroup === 'infant') as { id: string } };
    const wrongAge = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: infantClass.body.id, expiresOn: inDays(3) });
    expect(wrongAge.status).toBe(422);
    expect(wrongAge.body.errors[0]).toMatchObject({ field: 'classId', code: 'no_class_for_age' });
    const foreign = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: second.classId, expiresOn: inDays(3) });
    expect(foreign.status).toBe(422);
    for (const expiresOn of [inDays(-1), inDays(31), '2026-02-30']) {
      const bad = await api
        .http()
        .post(`/api/v1/applications/${app.id}/offers`)
        .set(bearer(offerOwner))
        .send({ facilityId: f.id, classId: f.classId, expiresOn });
      expect({ expiresOn, status: bad.status, field: bad.body.errors?.[0]?.field }).toEqual({ expiresOn, status: 400, field: 'expiresOn' });
    }
    // Fill the class: no vacancy left.
    const c = await classOf();
    await api
      .http()
      .patch(`/api/v1/classes/${f.classId}`)
      .set(bearer(offerOwner))
      .set('If-Match', `"${c.version}"`)
      .send({ enrolled: c.places - c.held })
      .expect(200);
    const full = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(offerOwner))
      .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(3) });
    expect(full.status).toBe(422);
    expect(full.body.errors[0]).toMatchObject({ field: 'classId', code: 'no_vacancy' });
    // Held places count against the places when the operator edits enrolment (422 over_capacity, never 500).
    if (c.held > 0) {
      const c2 = await classOf();
      const over = await api
        .http()
        .patch(`/api/v1/classes/${f.classId}`)
        .set(bearer(offerOwner))
        .set('If-Match', `"${c2.version}"`)
        .send({ enrolled: c2.places });
      expect(over.status).toBe(422);
      expect(over.body.errors[0].code).toBe('over_capacity');
    }
    // Another operator cannot offer (404: it may not see the application).
    await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(otherOperator))
      .send({ facilityId: second.id, classId: second.classId, expiresOn: inDays(3) })
      .expect(404);
  });

  it('expires open offers past their expiresOn (the job) and releases the hold', async () => {
    const o2Owner = await createUser(api, 'operator');
    const h = await registeredFacility(api, o2Owner, health, { location: PLACES.kuancheng });
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [h.id]);
    const o = await api
      .http()
      .post(`/api/v1/applications/${app.id}/offers`)
      .set(bearer(o2Owner))
      .send({ facilityId: h.id, classId: h.classId, expiresOn: inDays(0) })
      .expect(201);
    const held = (await api.http().get(`/api/v1/classes/${h.classId}`).set(bearer(o2Owner)).expect(200)).body;
    expect(held.held).toBe(1);
    // Time passes: the offer's last day is yesterday.
    await api.db.query(`UPDATE offers SET expires_on = expires_on - 1 WHERE id = $1`, [o.body.id]);
    const queue = new Queue(QueueName.Applications, {
      prefix: process.env.QUEUE_PREFIX,
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    });
    try {
      await queue.add(JobName.ExpireOffers, {}, { jobId: `${JobName.ExpireOffers}-test-${Date.now()}` });
      await eventually(async () => {
        const mine = await api.http().get(`/api/v1/applications/${app.id}`).set(bearer(parent)).expect(200);
        expect(mine.body.offers[0].status).toBe('expired');
      });
    } finally {
      await queue.close();
    }
    const after = (await api.http().get(`/api/v1/classes/${h.classId}`).set(bearer(o2Owner)).expect(200)).body;
    expect(after.held).toBe(0);
    await api.http().post(`/api/v1/offers/${o.body.id}/accept`).set(bearer(parent)).expect(409);
  });
});

async function nearbyAt(id: string) {
  const [row] = await api.db.query(
    'SELECT ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM facilities WHERE id = $1',
    [id],
  );
  const res = await api.http().get(`/api/v1/public/facilities/nearby?lat=${row.lat}&lng=${row.lng}&radiusM=200&limit=100`).expect(200);
  return res.body.items.find((i: { id: string }) => i.id === id);
}

describe('demand figures', () => {
  it('counts waiting children per unit of the first choice and per age group, and raises demand_exceeds_vacancies', async () => {
    const unitOwner = await createUser(api, 'operator');
    // 农安县 (220122), north of every point other suites place facilities at (search-plan spreads vacancies over the
    // city's south and east, 朝阳区 included), so the unit's toddler vacancies are this facility's: one full class.
    const [inside] = await api.db.query(
      "SELECT ST_Y(p) AS lat, ST_X(p) AS lng FROM (SELECT ST_PointOnSurface(boundary) AS p FROM regions WHERE code = '220122') x",
    );
    const full = await registeredFacility(
      api,
      unitOwner,
      health,
      { location: { lat: inside.lat, lng: inside.lng } },
      { places: 15, enrolled: 15 },
    );
    const code = (await api.db.query('SELECT region_code FROM facilities WHERE id = $1', [full.id]))[0].region_code as string;
    const before = (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body;
    const parent = await registerParent(api);
    const app = await applyFor(api, parent, [full.id]);
    await eventually(async () => {
      const r = (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body;
      expect(r.waitingChildren).toBe(before.waitingChildren + 1);
      expect(r.waitingByAgeGroup.toddler).toBe(before.waitingByAgeGroup.toddler + 1);
      const city = (await api.http().get('/api/v1/public/regions/220100').expect(200)).body;
      expect(city.waitingChildren).toBeGreaterThanOrEqual(r.waitingChildren);
    });
    const units = (await api.http().get('/api/v1/regions').set(bearer(health)).expect(200)).body.items;
    const city = units[0];
    expect(city.waitingChildren).toBe(units.slice(1).reduce((n: number, u: { waitingChildren: number }) => n + u.waitingChildren, 0));
    await eventually(async () => {
      const alerts = (await api.http().get('/api/v1/alerts?kind=demand_exceeds_vacancies&status=open').set(bearer(health)).expect(200)).body
        .items;
      expect(alerts.map((a: { subject: { id: string } }) => a.subject.id)).toContain(code);
    });
    // The annual report of this year counts them too (per unit and in the total; the CSV has the column).
    const report = (await api.http().get('/api/v1/reports/annual').set(bearer(health)).expect(200)).body;
    const row = report.rows.find((r: { regionCode: string }) => r.regionCode === code);
    expect(row.waitingChildren).toBeGreaterThanOrEqual(1);
    expect(report.total.waitingChildren).toBe(report.rows.reduce((n: number, r: { waitingChildren: number }) => n + r.waitingChildren, 0));
    const csv = await api.http().get('/api/v1/reports/annual').set(bearer(health)).set('Accept', 'text/csv').expect(200);
    expect(csv.text).toContain('排队儿童数');
    await api.http().post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(parent)).expect(200);
    await eventually(async () => {
      const r = (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body;
      expect(r.waitingChildren).toBe(before.waitingChildren);
    });
  });
});

describe('privacy', () => {
  it('keeps the child’s label and birth month out of public answers, events and job payloads', async () => {
    const parent = await registerParent(api);
    const label = `隐私${Date.now().toString(36)}`;
    const res = await api
      .http()
      .post('/api/v1/applications')
      .set(bearer(parent))
      .send({ ...childOf(14, label), serviceType: 'full_day', choices: [facility.id] })
      .expect(201);
    const publicAnswers = [
      await api.http().get(`/api/v1/public/facilities/${facility.id}`),
      await api.http().get('/api/v1/public/regions'),
      await api.http().get('/api/v1/public/register.geojson'),
    ];
    for (const r of publicAnswers) expect(r.text).not.toContain(label);
    const [outbox] = await api.db.query(`SELECT count(*)::int AS n FROM outbox WHERE event::text LIKE $1 OR job_data::text LIKE $1`, [
      `%${label}%`,
    ]);
    expect(outbox.n).toBe(0);
    const [events] = await api.db.query(`SELECT count(*)::int AS n FROM outbox WHERE event->>'applicationId' = $1`, [res.body.id]);
    expect(events.n).toBeGreaterThan(0);
    const [audit] = await api.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE changes::text LIKE $1`, [`%${label}%`]);
    expect(audit.n).toBe(0);
  });
});
