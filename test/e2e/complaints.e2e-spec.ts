import { AlertService } from '@lib/targets';
import { addDays, todayInShanghai } from '@lib/standards';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

let api: TestApi;
let facilityId: string;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'nanguanMarket', 'kuanchengHealth', 'cityFire', 'admin');
const { owner, otherOwner, nanguanHealth, nanguanMarket, kuanchengHealth, cityFire, admin } = cast;
withApiAndWorker((started) => (api = started), cast);
beforeAll(async () => {
  facilityId = (await registeredFacility(api, owner, nanguanHealth)).id;
});

const PHONE = '13912345678';
const complain = (body: Record<string, unknown>) => api.http().post('/api/v1/public/complaints').send(body);
const aboutFacility = (extra: Record<string, unknown> = {}) => ({
  facilityId,
  category: 'hygiene',
  description: '午餐后孩子们的餐具没有消毒，教室地面很脏。',
  contact: { name: '王女士', phone: PHONE },
  ...extra,
});
/** A point in Nanguan (220102), `m` metres south of the facilities' (still in Nanguan up to 3 km). */
const nanguanPlus = (m: number) => ({ lat: PLACES.nanguan.lat - m / 111_320, lng: PLACES.nanguan.lng });

describe('public complaints', () => {
  it('take an anonymous complaint about a registered facility: 201 with a 12-character receipt code, status received', async () => {
    const res = await complain(aboutFacility()).expect(201);
    expect(res.body).toEqual({
      receiptCode: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$/),
      status: 'received',
      createdAt: expect.any(String),
    });
    const status = await api.http().get(`/api/v1/public/complaints/${res.body.receiptCode}`).expect(200);
    expect(status.body).toEqual({
      receiptCode: res.body.receiptCode,
      status: 'received',
      category: 'hygiene',
      createdAt: res.body.createdAt,
      updatedAt: expect.any(String),
      reply: null,
    });
    expect(JSON.stringify(status.body)).not.toContain(PHONE);
  });

  it('take a report of a provider at a place with a name or an address, routed to the unit of the point', async () => {
    const res = await complain({
      location: nanguanPlus(0),
      providerName: '小区里的看护班',
      category: 'unregistered',
      description: '三楼一户人家每天看护七八个孩子，没有挂牌。',
    }).expect(201);
    const [row] = await api.db.query('SELECT region_code, facility_id FROM complaints WHERE receipt_code = $1', [res.body.receiptCode]);
    expect(row).toEqual({ region_code: '220102', facility_id: null });
  });

  it('answer 400 naming the fields unless exactly one of facilityId or location is given, and a place has a name or an address', async () => {
    const neither = await complain({ category: 'other', description: '说明情况说明情况说明情况' }).expect(400);
    expect(neither.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['facilityId', 'location']));
    await complain({ ...aboutFacility(), location: nanguanPlus(0) }).expect(400);
    const bare = await complain({ location: nanguanPlus(0), category: 'unregistered', description: '说明情况说明情况说明情况' }).expect(
      400,
    );
    expect(bare.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['providerName', 'address']));
  });

  it('answer 400 for a facility that is not registered or suspended, unknown or a draft alike', async () => {
    const draft = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(otherOwner))
      .send((await import('../factories/registry.js')).facilityBody())
      .expect(201);
    for (const id of [draft.body.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await complain(aboutFacility({ facilityId: id })).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'facilityId', code: 'invalid' });
    }
  });

  it('answer 422 outside_jurisdiction for a place outside every unit', async () => {
    const res = await complain({
      location: { lat: 39.9, lng: 116.4 },
      address: '北京',
      category: 'unregistered',
      description: '不在本市范围内的举报内容',
    }).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'location', code: 'outside_jurisdiction' });
  });

  it('refuse descriptions under 10 or over 2,000 characters, control characters, a bad category or phone, unknown fields', async () => {
    const field = async (body: Record<string, unknown>, name: string) => {
      const res = await complain(body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
    };
    await field(aboutFacility({ description: '太短' }), 'description');
    await field(aboutFacility({ description: '长'.repeat(2001) }), 'description');
    await field(aboutFacility({ description: '说明情况说明情况\u0007说明情况' }), 'description');
    await field(aboutFacility({ description: '说明情况说明情况\u202E说明情况' }), 'description');
    await field(aboutFacility({ category: 'gossip' }), 'category');
    await field(aboutFacility({ contact: { phone: '12345' } }), 'contact.phone');
    await field(aboutFacility({ status: 'closed' }), 'status');
    await complain(aboutFacility({ description: '长'.repeat(2000) })).expect(201);
  });

  it('keep HTML and scripts as text: stored and answered exactly as sent', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> 孩子被关在小黑屋里\n第二行';
    const res = await complain(aboutFacility({ description: hostile, category: 'abuse' })).expect(201);
    const [row] = await api.db.query('SELECT id, description FROM complaints WHERE receipt_code = $1', [res.body.receiptCode]);
    expect(row.description).toBe(hostile);
    const seen = await api.http().get(`/api/v1/complaints/${row.id}`).set(bearer(nanguanHealth)).expect(200);
    expect(seen.body.description).toBe(hostile);
    expect(seen.headers['content-type']).toContain('application/json');
  });

  it('answer 404 for an unknown or malformed receipt code', async () => {
    await api.http().get('/api/v1/public/complaints/ABCDEFGHJKMN').expect(404);
    await api.http().get('/api/v1/public/complaints/nope').expect(404);
    await api
      .http()
      .get(`/api/v1/public/complaints/${'A'.repeat(60)}`)
      .expect(404);
  });

  it('store the phone only encrypted: no plain column holds it', async () => {
    const res = await complain(aboutFacility({ contact: { phone: '13700001111' } })).expect(201);
    const [row] = await api.db.query('SELECT to_jsonb(c) AS j FROM complaints c WHERE receipt_code = $1', [res.body.receiptCode]);
    const text = JSON.stringify(row.j);
    expect(text).not.toContain('13700001111');
    expect(row.j.contact_cipher).toMatch(/^v1:/);
  });
});

describe('handling complaints', () => {
  const fresh = async (extra: Record<string, unknown> = {}) => {
    const res = await complain(aboutFacility(extra)).expect(201);
    const [row] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [res.body.receiptCode]);
    return { id: row.id as string, receiptCode: res.body.receiptCode as string };
  };

  it('show regulators in reach the complaint with the contact; operators theirs without it; others nothing', async () => {
    const c = await fresh();
    const reg = await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(nanguanHealth)).expect(200);
    expect(reg.body).toMatchObject({
      id: c.id,
      receiptCode: c.receiptCode,
      facilityId,
      regionCode: '220102',
      category: 'hygiene',
      status: 'received',
      agency: null,
      contact: { name: '王女士', phone: PHONE },
      overdue: false,
    });
    expect(reg.body.acknowledgeDueOn > todayInShanghai()).toBe(true);
    expect((await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(cityFire)).expect(200)).body.contact.phone).toBe(PHONE);
    const op = await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(owner)).expect(200);
    expect(op.body.contact).toBeUndefined();
    expect(op.body.receiptCode).toBeUndefined();
    expect(JSON.stringify(op.body)).not.toContain(PHONE);
    await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(otherOwner)).expect(404);
    await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(kuanchengHealth)).expect(404);
    await api.http().get(`/api/v1/complaints/${c.id}`).expect(401);

    const list = await api.http().get(`/api/v1/complaints?facilityId=${facilityId}&limit=100`).set(bearer(owner)).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
    expect((await api.http().get('/api/v1/complaints?limit=100').set(bearer(otherOwner)).expect(200)).body.items).toEqual([]);
    const kc = await api.http().get('/api/v1/complaints?limit=100').set(bearer(kuanchengHealth)).expect(200);
    expect(kc.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const filtered = await api
      .http()
      .get('/api/v1/complaints?status=received&category=hygiene&regionCode=220102&limit=2')
      .set(bearer(nanguanHealth))
      .expect(200);
    expect(filtered.body.items).toHaveLength(2);
    expect(filtered.body.nextCursor).toEqual(expect.any(String));
    const next = await api
      .http()
      .get(`/api/v1/complaints?status=received&category=hygiene&limit=2&cursor=${filtered.body.nextCursor}`)
      .set(bearer(nanguanHealth))
      .expect(200);
    expect(next.body.items[0].id).not.toBe(filtered.body.items[0].id);
    await api.http().get('/api/v1/complaints?status=lost').set(bearer(nanguanHealth)).expect(400);
  });

  it('go received → investigating (health, assigning an agency) → closed by that agency with a finding and a reply the complainant sees', async () => {
    const c = await fresh();
    await api.http().post(`/api/v1/complaints/${c.id}/investigate`).set(bearer(nanguanMarket)).send({ agency: 'market' }).expect(403);
    await api.http().post(`/api/v1/complaints/${c.id}/investigate`).set(bearer(kuanchengHealth)).send({ agency: 'market' }).expect(404);
    await api.http().post(`/api/v1/complaints/${c.id}/investigate`).set(bearer(nanguanHealth)).send({ agency: 'police' }).expect(400);
    const inv = await api
      .http()
      .post(`/api/v1/complaints/${c.id}/investigate`)
      .set(bearer(nanguanHealth))
      .send({ agency: 'market', note: '市场监管核查收费' })
      .expect(200);
    expect(inv.body).toMatchObject({ status: 'investigating', agency: 'market', investigationNote: '市场监管核查收费' });
    await api.http().post(`/api/v1/complaints/${c.id}/investigate`).set(bearer(nanguanHealth)).send({ agency: 'fire' }).expect(409);
    expect((await api.http().get(`/api/v1/public/complaints/${c.receiptCode}`).expect(200)).body).toMatchObject({
      status: 'investigating',
      reply: null,
    });

    await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(cityFire))
      .send({ finding: 'substantiated', reply: '已责令整改' })
      .expect(403);
    await api.http().post(`/api/v1/complaints/${c.id}/close`).set(bearer(nanguanMarket)).send({ finding: 'maybe', reply: 'x' }).expect(400);
    await api.http().post(`/api/v1/complaints/${c.id}/close`).set(bearer(nanguanMarket)).send({ finding: 'substantiated' }).expect(400);
    const closed = await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(nanguanMarket))
      .send({ finding: 'substantiated', reply: '经核查情况属实，已责令机构整改。' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', finding: 'substantiated', reply: '经核查情况属实，已责令机构整改。' });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(nanguanHealth))
      .send({ finding: 'withdrawn', reply: 'x' })
      .expect(409);
    const pub = await api.http().get(`/api/v1/public/complaints/${c.receiptCode}`).expect(200);
    expect(pub.body).toMatchObject({ status: 'closed', reply: '经核查情况属实，已责令机构整改。' });
    expect(pub.body.finding).toBeUndefined();

    const trail = await api.db.query(
      "SELECT action, actor_role, changes FROM audit_entries WHERE subject_type = 'complaint' AND subject_id = $1 ORDER BY seq",
      [c.id],
    );
    expect(trail.map((t: { action: string }) => t.action)).toEqual(['complaint.received', 'complaint.investigate', 'complaint.close']);
    expect(JSON.stringify(trail)).not.toContain(PHONE);
  });

  it('let health close one never assigned, and no other agency', async () => {
    const c = await fresh();
    await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(nanguanMarket))
      .send({ finding: 'withdrawn', reply: '投诉人撤回' })
      .expect(403);
    await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(nanguanHealth))
      .send({ finding: 'withdrawn', reply: '投诉人撤回' })
      .expect(200);
    await api.http().post(`/api/v1/complaints/${c.id}/close`).set(bearer(owner)).send({ finding: 'withdrawn', reply: 'x' }).expect(403);
  });

  it('raise complaint_overdue when not investigated within 1 working day or not closed within 15, and resolve it when handled', async () => {
    const c = await fresh();
    const service = api.app.get(AlertService);
    const overdueOf = async (user: TestUser) =>
      (
        (await api.http().get('/api/v1/alerts?kind=complaint_overdue&status=open&limit=100').set(bearer(user)).expect(200)).body.items as {
          subject: { id: string; type: string };
        }[]
      ).filter((a) => a.subject.id === c.id);
    // Received 5 days ago: the acknowledgement day has passed.
    const past = addDays(todayInShanghai(), -5);
    await api.db.query('UPDATE complaints SET received_on = $2, acknowledge_due_on = $3 WHERE id = $1', [c.id, past, addDays(past, 1)]);
    await api.db.transaction((m) => service.scan(m));
    expect(await overdueOf(nanguanHealth)).toEqual([expect.objectContaining({ subject: { type: 'complaint', id: c.id } })]);
    expect(await overdueOf(kuanchengHealth)).toEqual([]);
    expect((await api.http().get(`/api/v1/complaints/${c.id}`).set(bearer(nanguanHealth)).expect(200)).body.overdue).toBe(true);
    await api.http().post(`/api/v1/complaints/${c.id}/investigate`).set(bearer(nanguanHealth)).send({ agency: 'market' }).expect(200);
    await eventually(async () => expect(await overdueOf(nanguanHealth)).toEqual([]));
    // Not closed within its closing day.
    await api.db.query('UPDATE complaints SET close_due_on = $2 WHERE id = $1', [c.id, addDays(todayInShanghai(), -1)]);
    await api.db.transaction((m) => service.scan(m));
    expect(await overdueOf(nanguanMarket)).toHaveLength(1);
    await api
      .http()
      .post(`/api/v1/complaints/${c.id}/close`)
      .set(bearer(nanguanMarket))
      .send({ finding: 'unsubstantiated', reply: '经核查不属实' })
      .expect(200);
    await eventually(async () => expect(await overdueOf(nanguanMarket)).toEqual([]));
  });
});

describe('unregistered providers', () => {
  it('map the open reports in reach as points grouped within 100 m; 3 reports raise unregistered_provider, closing one resolves it', async () => {
    const report = (m: number, name: string) =>
      complain({
        location: nanguanPlus(m),
        providerName: name,
        category: 'unregistered',
        description: '住宅楼里有人无证开办托育。',
      }).expect(201);
    // Far from the other reports of this suite (2 km south).
    const receipts = [];
    for (const m of [2000, 2040, 2090]) receipts.push((await report(m, `无证看护点 ${m}`)).body.receiptCode as string);
    const lone = (await report(2600, '另一处')).body.receiptCode as string;
    const ids: string[] = (
      await api.db.query('SELECT id FROM complaints WHERE receipt_code = ANY($1) ORDER BY created_at, id', [receipts])
    ).map((r: { id: string }) => r.id);

    const geo = await api.http().get('/api/v1/complaints/unregistered.geojson').set(bearer(nanguanHealth)).expect(200);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    expect(geo.body.type).toBe('FeatureCollection');
    const mine = geo.body.features.filter((f: { properties: { id: string } }) => ids.includes(f.properties.id));
    expect(mine).toHaveLength(3);
    for (const f of mine) expect(f.properties).toMatchObject({ reports: 3, group: ids[0] });
    expect(mine[0].geometry.type).toBe('Point');
    const [{ id: loneId }] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [lone]);
    expect(geo.body.features.find((f: { properties: { id: string } }) => f.properties.id === loneId).properties.reports).toBe(1);
    expect(JSON.stringify(geo.body)).not.toMatch(/contact|phone/);

    expect(
      (await api.http().get('/api/v1/complaints/unregistered.geojson').set(bearer(kuanchengHealth)).expect(200)).body.features.filter(
        (f: { properties: { id: string } }) => ids.includes(f.properties.id),
      ),
    ).toEqual([]);
    await api.http().get('/api/v1/complaints/unregistered.geojson').set(bearer(owner)).expect(403);
    await api.http().get('/api/v1/complaints/unregistered.geojson').expect(401);

    const alerts = async (user: TestUser) =>
      (
        (await api.http().get('/api/v1/alerts?kind=unregistered_provider&status=open&limit=100').set(bearer(user)).expect(200)).body
          .items as { subject: { id: string } }[]
      ).filter((a) => a.subject.id === ids[0]);
    await eventually(async () => expect(await alerts(nanguanMarket)).toHaveLength(1));
    expect(await alerts(nanguanHealth)).toHaveLength(1);
    expect(await alerts(kuanchengHealth)).toHaveLength(0);
    await api
      .http()
      .post(`/api/v1/complaints/${ids[2]}/close`)
      .set(bearer(nanguanHealth))
      .send({ finding: 'substantiated', reply: '已取缔' })
      .expect(200);
    await eventually(async () => expect(await alerts(nanguanMarket)).toHaveLength(0));
    expect(
      (await api.http().get('/api/v1/complaints/unregistered.geojson').set(bearer(admin)).expect(200)).body.features.filter(
        (f: { properties: { id: string } }) => ids.includes(f.properties.id),
      ),
    ).toHaveLength(2);
  });
});
