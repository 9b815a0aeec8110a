// The map's grid (issue #19 item 2; docs/search.md "The map"): the low zooms' clusters, read from map_grid_cells,
// which the real worker keeps from the facility events, answer exactly what clustering the facilities themselves
// answers (the same cells, the same counts), after facilities are registered, suspended, reinstated, closed and moved
// through the API; and a job run again, or a full rebuild, leaves the same rows.
import {
  cellRange,
  clusterLevel,
  GRID_MAX_LEVEL,
  mapCellsSql,
  mercatorBox,
  parseBbox,
  rebuildMapGrid,
  refreshMapGridFor,
} from '@lib/search';
import { bearer, eventually, type TestApi } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

let api: TestApi;
const { owner, nanguanHealth, kuanchengHealth } = people('owner', 'nanguanHealth', 'kuanchengHealth');
withApiAndWorker((a) => (api = a), { owner, nanguanHealth, kuanchengHealth });

interface Cluster {
  count: number;
  lng: number;
  lat: number;
}

/** Views from the whole country to a few streets of 南关区, at the zooms that answer clusters. */
const VIEWS: [string, number[]][] = [
  ['73,18,135,54', [3, 4, 5]],
  ['124.5,43.5,126.2,44.3', [6, 8, 9]],
  ['125.2,43.8,125.45,43.95', [10, 11, 12]],
  ['125.32,43.855,125.35,43.875', [12]],
];

const sorted = (cs: Cluster[]) => [...cs].sort((a, b) => a.count - b.count || a.lng - b.lng || a.lat - b.lat);

async function fromApi(bbox: string, zoom: number): Promise<Cluster[]> {
  const res = await api.http().get('/api/v1/public/map').query({ bbox, zoom }).expect(200);
  expect(res.body.clustered).toBe(true);
  return res.body.features.map((f: { properties: { count: number }; geometry: { coordinates: [number, number] } }) => ({
    count: f.properties.count,
    lng: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

/** The same cells clustered from the facilities directly (the reference). */
async function fromFacilities(bbox: string, zoom: number): Promise<Cluster[]> {
  const box = mercatorBox(parseBbox(bbox)!);
  const { text, values } = mapCellsSql(cellRange(box, clusterLevel(box, zoom)));
  const [row]: { features: string }[] = await api.db.query(text, values);
  return JSON.parse(row!.features).map((f: { properties: { count: number }; geometry: { coordinates: [number, number] } }) => ({
    count: f.properties.count,
    lng: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

/** Every view: the API's clusters (from the grid) are the reference's, count for count, at the same mean points. */
async function expectGridAnswersAsFacilities(): Promise<void> {
  for (const [bbox, zooms] of VIEWS) {
    for (const zoom of zooms) {
      const [grid, direct] = [sorted(await fromApi(bbox, zoom)), sorted(await fromFacilities(bbox, zoom))];
      expect({ bbox, zoom, counts: grid.map((c) => c.count) }).toEqual({ bbox, zoom, counts: direct.map((c) => c.count) });
      grid.forEach((c, i) => {
        expect(c.lng).toBeCloseTo(direct[i]!.lng, 5);
        expect(c.lat).toBeCloseTo(direct[i]!.lat, 5);
      });
    }
  }
}

const gridRows = async () =>
  (await api.db.query('SELECT level, cx, cy, count FROM map_grid_cells ORDER BY level, cx, cy')) as {
    level: number;
    cx: number;
    cy: number;
    count: number;
  }[];

/** How many registered facilities the grid counts in the 南关区 street view at zoom 12. */
async function nanguanCount(): Promise<number> {
  return (await fromApi('125.32,43.855,125.35,43.875', 12)).reduce((t, c) => t + c.count, 0);
}

it('answers the low zooms from the grid, as clustering the facilities does, while the worker follows the facility events', async () => {
  // The starting state, as the migration and the nightly repair make it (other suites write facilities straight
  // into the table, around the events).
  await api.db.transaction((m) => rebuildMapGrid(m));
  await expectGridAnswersAsFacilities();
  const before = await nanguanCount();

  // Registered through the filing (facility.status_changed draft → submitted → registered).
  const a = await registeredFacility(api, owner, nanguanHealth, { location: PLACES.nanguan, affordable: false });
  const b = await registeredFacility(api, owner, nanguanHealth, { location: PLACES.nanguan2, affordable: false });
  const c = await registeredFacility(api, owner, nanguanHealth, { location: { lat: 43.866, lng: 125.336 }, affordable: false });
  await eventually(async () => expect(await nanguanCount()).toBe(before + 3));
  await eventually(expectGridAnswersAsFacilities);

  // Suspended (off the map), reinstated (back), closed (off for good).
  const act = (id: string, action: string) =>
    api.http().post(`/api/v1/facilities/${id}/${action}`).set(bearer(nanguanHealth)).send({ reason: '整改' }).expect(200);
  await act(a.id, 'suspend');
  await act(b.id, 'suspend');
  await eventually(async () => expect(await nanguanCount()).toBe(before + 1));
  await act(b.id, 'reinstate');
  await api.http().post(`/api/v1/facilities/${c.id}/close`).set(bearer(owner)).send({ reason: '停办' }).expect(200);
  // The count alone is the same before and after (c out, b back): the grid is waited for until it answers as the
  // facilities do, b's and c's points included.
  await eventually(expectGridAnswersAsFacilities);
  expect(await nanguanCount()).toBe(before + 1);

  // Moved to 宽城区 by an approved change filing (facility.changed of a registered facility): out of its old cells,
  // into new ones.
  const change = await api
    .http()
    .post(`/api/v1/facilities/${b.id}/changes`)
    .set(bearer(owner))
    .send({ reason: '迁址', facility: { location: PLACES.kuancheng, address: '长春市宽城区某路 1 号' } })
    .expect(201);
  await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
  await eventually(async () => expect(await nanguanCount()).toBe(before));
  await eventually(expectGridAnswersAsFacilities);

  // Idempotent: the jobs run again change nothing, and a full rebuild gives the rows the worker kept.
  const kept = await gridRows();
  expect(kept.some((r) => r.level === GRID_MAX_LEVEL)).toBe(true);
  for (const f of [a, b, c]) await api.db.transaction((m) => refreshMapGridFor(m, f.id));
  expect(await gridRows()).toEqual(kept);
  await api.db.transaction((m) => rebuildMapGrid(m));
  expect(await gridRows()).toEqual(kept);
});

it('takes a facility out of the cells it was counted in even when the job runs again after a move (no double counting)', async () => {
  const f = await registeredFacility(api, owner, kuanchengHealth, { location: PLACES.kuancheng, affordable: false });
  await eventually(async () =>
    expect((await api.db.query('SELECT 1 FROM map_grid_points WHERE facility_id = $1', [f.id])) as unknown[]).toHaveLength(1),
  );
  // The facility moves without the worker noticing yet (as if its job were still queued), then the job runs twice.
  await api.db.query(
    `UPDATE facilities SET location = ST_SetSRID(ST_MakePoint(125.3, 43.88), 4326), public_location = ST_SetSRID(ST_MakePoint(125.3, 43.88), 4326) WHERE id = $1`,
    [f.id],
  );
  expect(await api.db.transaction((m) => refreshMapGridFor(m, f.id))).toBe(true);
  expect(await api.db.transaction((m) => refreshMapGridFor(m, f.id))).toBe(false);
  await expectGridAnswersAsFacilities();
});
