// The incidents inbox by reach (docs/incidents.md "Where an incident is listed"; docs/architecture.md "Lists at national
// scale"): an incident keeps a copy of its facility's unit, and a city's and a unit's regulator list exactly the
// incidents of the facilities in their reach, also after an approved change filing moves a facility to another unit
// (the worker's follow-incident-units job, from the outbox's facility.changed). A single incident's reach is checked
// through its facility, so it follows the move at once.
import { followFacilityUnit } from '@lib/incidents';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'kuanchengHealth', 'cityHealth', 'admin');
const { owner, otherOwner, nanguanHealth, kuanchengHealth, cityHealth, admin } = cast;
withApiAndWorker((started) => (api = started), cast);

const HOUR = 3600_000;

async function report(user: TestUser, facilityId: string, minutesAgo = 60): Promise<string> {
  const res = await api
    .http()
    .post(`/api/v1/facilities/${facilityId}/incidents`)
    .set(bearer(user))
    .send({
      kind: 'injury',
      severity: 'minor',
      occurredAt: new Date(Date.now() - (minutesAgo * HOUR) / 60).toISOString(),
      childrenAffected: 1,
      hospitalized: 0,
      description: '午睡起床时一名幼儿碰伤额头',
      actionsTaken: '保健医生现场处理，已通知家长',
    })
    .expect(201);
  return res.body.id as string;
}

/** Every incident the user lists (all pages, `limit` a page), in the order listed. */
async function listed(user: TestUser, query = '', limit = 3): Promise<{ id: string; regionCode: string; reportedAt: string }[]> {
  const out: { id: string; regionCode: string; reportedAt: string }[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: { id: string; regionCode: string; reportedAt: string }[]; nextCursor: string | null } } = await api
      .http()
      .get(`/api/v1/incidents?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`)
      .set(bearer(user))
      .expect(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** The incidents whose facility is in the unit, or in the city (`2201%`), by the facilities themselves. */
async function truth(pattern: string): Promise<string[]> {
  const rows: { id: string }[] = await api.db.query(
    `SELECT i.id FROM incidents i JOIN facilities f ON f.id = i.facility_id WHERE f.region_code LIKE $1 ORDER BY i.id`,
    [pattern],
  );
  return rows.map((r) => r.id);
}

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

it('a city and a unit list exactly the incidents in reach, newest first, and follow a facility moved to another unit', async () => {
  const nanguan = await registeredFacility(api, owner, nanguanHealth, { location: PLACES.nanguan });
  const kuancheng = await registeredFacility(api, otherOwner, kuanchengHealth, { location: PLACES.kuancheng });
  const atNanguan = [await report(owner, nanguan.id, 50), await report(nanguanHealth, nanguan.id, 40)];
  const atKuancheng = [await report(otherOwner, kuancheng.id, 30)];

  // The incident keeps its facility's unit from the report on.
  const units = async (incidentIds: string[]) =>
    (await api.db.query('SELECT DISTINCT region_code FROM incidents WHERE id = ANY($1::uuid[])', [incidentIds])).map(
      (r: { region_code: string }) => r.region_code,
    );
  expect(await units(atNanguan)).toEqual(['220102']);
  expect(await units(atKuancheng)).toEqual(['220103']);

  const check = async () => {
    expect(ids(await listed(nanguanHealth))).toEqual(await truth('220102'));
    expect(ids(await listed(kuanchengHealth))).toEqual(await truth('220103'));
    expect(ids(await listed(cityHealth))).toEqual(await truth('2201%'));
    expect(ids(await listed(cityHealth, '&regionCode=220103'))).toEqual(await truth('220103'));
    // A unit's filter outside a unit regulator's reach lists nothing.
    expect(await listed(nanguanHealth, '&regionCode=220103')).toEqual([]);
  };
  await check();
  expect(ids(await listed(nanguanHealth))).toEqual(expect.arrayContaining(ids(atNanguan.map((id) => ({ id })))));
  expect(ids(await listed(nanguanHealth))).not.toContain(atKuancheng[0]);
  // Newest report first across the city's units, through the cursor's pages.
  const city = await listed(cityHealth, '', 2);
  const order = city.map((i) => `${i.reportedAt} ${i.id}`);
  expect(order).toEqual([...order].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  // The owner's reach is still its facilities'.
  expect(ids(await listed(owner))).toEqual(
    (
      await api.db.query('SELECT i.id FROM incidents i JOIN facilities f ON f.id = i.facility_id WHERE f.owner_id = $1 ORDER BY i.id', [
        owner.id,
      ])
    ).map((r: { id: string }) => r.id),
  );
  expect((await listed(admin, '', 100)).length).toBeGreaterThanOrEqual(3);

  // Nanguan's facility moves to Kuancheng by an approved change filing.
  const change = await api
    .http()
    .post(`/api/v1/facilities/${nanguan.id}/changes`)
    .set(bearer(owner))
    .send({ reason: '迁址', facility: { location: PLACES.kuancheng, address: '长春市宽城区某路 8 号' } })
    .expect(201);
  await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);

  // A single incident's reach is its facility's: it follows the move at once.
  await api.http().get(`/api/v1/incidents/${atNanguan[0]}`).set(bearer(nanguanHealth)).expect(404);
  expect((await api.http().get(`/api/v1/incidents/${atNanguan[0]}`).set(bearer(kuanchengHealth)).expect(200)).body).toMatchObject({
    regionCode: '220103',
  });
  // The lists follow once the worker has moved the incidents' unit.
  await eventually(async () => expect(await units(atNanguan)).toEqual(['220103']), 30_000);
  await check();
  expect(ids(await listed(kuanchengHealth))).toEqual(expect.arrayContaining(ids([...atNanguan, ...atKuancheng].map((id) => ({ id })))));
  expect(ids(await listed(nanguanHealth))).toEqual(expect.not.arrayContaining([atNanguan[0], atNanguan[1]]));
  // The city's list is the same set before and after: the move stays inside the city.
  expect(ids(await listed(cityHealth))).toEqual(await truth('2201%'));

  // A report after the move carries the new unit at once; the job run again moves nothing.
  const after = await report(owner, nanguan.id, 10);
  expect(await units([after])).toEqual(['220103']);
  expect(await api.db.transaction((m) => followFacilityUnit(m, nanguan.id))).toBe(0);
  await check();
});
