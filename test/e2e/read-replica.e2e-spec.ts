// The read replica (issue #19 item 6): with DATABASE_READ_URL the public reads (nearby search, map, public facility page,
// register) come from a streaming replica and everything else from the primary; the public answers catch up once
// the replica has replayed the writes; public reads fall back to the primary while the replica is down, and go on
// from the replica while the primary is down. The suite runs a primary cluster of its own (initdb, wal_level
// replica) and a replica of it (`pg_basebackup -R`), on ports of its own: the shared server is left alone.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PublicReads } from '@lib/core';
import { bearer, createUser, eventually, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { API_MAIN } from '../helpers/api-process.js';
import { PgCluster, postgresOwnedDir } from '../helpers/pg-cluster.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

const run = promisify(execFile);
const SCRIPTS = API_MAIN.replace('apps/api/src/main.js', 'scripts/');
const PRIMARY_PORT = 55401;
const REPLICA_PORT = 55402;
/** The factory's facility's place (the database is the suite's own). */
const HERE = PLACES.nanguan;

let dir: ReturnType<typeof postgresOwnedDir>;
let primary: PgCluster;
let replica: PgCluster;
let api: TestApi;
let reads: PublicReads;
let owner: TestUser;
let facility: { id: string; classId: string };

beforeAll(async () => {
  dir = postgresOwnedDir('childcare-replica-');
  primary = await PgCluster.create(dir.path, 'primary', PRIMARY_PORT);
  await primary.start();
  await primary.query('CREATE DATABASE childcare');
  const dbEnv = { DATABASE_URL: primary.url('childcare'), DATABASE_OWNER_URL: '' };
  for (const script of ['migrate', 'import-regions'])
    await run(process.execPath, [`${SCRIPTS}${script}.js`], { env: { ...process.env, NODE_OPTIONS: '', ...dbEnv } });
  replica = await PgCluster.replicaOf(primary, 'replica', REPLICA_PORT);
  await replica.start();
  api = await startApi({ ...dbEnv, DATABASE_READ_URL: replica.url('childcare'), DATABASE_READ_RECHECK_MS: '200', METRICS_PUBLIC: 'true' });
  reads = api.app.get(PublicReads);
  owner = await createUser(api, 'operator');
  const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  facility = await registeredFacility(api, owner, health);
}, 120_000);

afterAll(async () => {
  // Each step on its own: a failure above must still leave no server or folder behind.
  await api?.close().catch(() => undefined);
  await replica?.stop().catch(() => undefined);
  await primary?.stop().catch(() => undefined);
  dir?.remove();
});

const publicPage = async () => {
  const res = await api.http().get(`/api/v1/public/facilities/${facility.id}`);
  if (res.status !== 200) throw new Error(`public page: ${res.status} ${res.text}`);
  return res.body as { classes: { vacancies: number }[] };
};
const vacancies = async () => (await publicPage()).classes[0]!.vacancies;

/** The operator changes the class's enrolment (a write: the primary); returns the vacancies it leaves. */
async function enrol(enrolled: number): Promise<number> {
  const [c] = await api.db.query('SELECT version, places FROM classes WHERE id = $1', [facility.classId]);
  await api
    .http()
    .patch(`/api/v1/classes/${facility.classId}`)
    .set(bearer(owner))
    .set('If-Match', `"${c.version}"`)
    .send({ enrolled })
    .expect(200);
  return c.places - enrolled;
}

/** Every public read answers, and finds the facility. */
async function publicReadsAnswer(): Promise<void> {
  await publicPage();
  const nearby = await api.http().get('/api/v1/public/facilities/nearby').query({ lat: HERE.lat, lng: HERE.lng, radiusM: 500 }).expect(200);
  expect(nearby.body.items.map((i: { id: string }) => i.id)).toContain(facility.id);
  const bbox = [HERE.lng - 0.01, HERE.lat - 0.01, HERE.lng + 0.01, HERE.lat + 0.01].join(',');
  const map = await api.http().get('/api/v1/public/map').query({ bbox, zoom: 16 }).expect(200);
  expect(map.body.features.map((f: { properties: { id?: string } }) => f.properties.id)).toContain(facility.id);
  expect((await api.http().get('/api/v1/public/register.csv').expect(200)).text).toContain(facility.id);
  expect((await api.http().get('/api/v1/public/register.geojson').expect(200)).text).toContain(facility.id);
}

/** The replica's gauge and the public reads' counter in /metrics. */
async function metrics(): Promise<{ inUse: number; replica: number; primary: number }> {
  const text = (await api.http().get('/metrics').expect(200)).text;
  const value = (re: RegExp) => Number(re.exec(text)?.[1]);
  return {
    inUse: value(/^childcare_read_replica_in_use\{[^}]*\} (\d+)$/m),
    replica: value(/^childcare_public_reads_total\{[^}]*source="replica"[^}]*\} (\d+)$/m),
    primary: value(/^childcare_public_reads_total\{[^}]*source="primary"[^}]*\} (\d+)$/m),
  };
}

const replay = (what: 'pause' | 'resume') => replica.query(`SELECT pg_wal_replay_${what}()`);

it('reads the public pages from the replica and writes on the primary; the public answers catch up', async () => {
  await eventually(async () => expect(reads.source).toBe('replica'));
  const before = await eventually(vacancies);
  const servedBefore = { ...reads.served };

  await replay('pause');
  const after = await enrol(5);
  expect(after).not.toBe(before);
  // The write is on the primary (the API's own reads of it too), and the public page, read from the paused
  // replica, does not have it yet.
  const [row] = await api.db.query('SELECT places - enrolled - held AS vacancies FROM classes WHERE id = $1', [facility.classId]);
  expect(row.vacancies).toBe(after);
  expect(await vacancies()).toBe(before);
  await publicReadsAnswer();
  expect(reads.served.replica).toBeGreaterThan(servedBefore.replica);
  expect(reads.served.primary).toBe(servedBefore.primary);
  expect(await metrics()).toEqual({ inUse: 1, ...reads.served });

  await replay('resume');
  await eventually(async () => expect(await vacancies()).toBe(after));
});

it('answers the public reads from the primary while the replica is down, and from the replica again once it is back', async () => {
  await replay('pause');
  const after = await enrol(6);
  expect(await vacancies()).not.toBe(after);

  await replica.stop();
  // The first read finds the replica gone and is answered by the primary, with the write the replica had not replayed.
  expect(await vacancies()).toBe(after);
  expect(reads.source).toBe('primary');
  const served = reads.served.primary;
  await publicReadsAnswer();
  expect(reads.served.primary).toBeGreaterThan(served);
  expect(await metrics()).toEqual({ inUse: 0, ...reads.served });

  await replica.start();
  await eventually(async () => expect(reads.source).toBe('replica'));
  await eventually(async () => expect(await vacancies()).toBe(after));
});

it('answers the public reads from the replica while the primary is down', async () => {
  await eventually(async () => expect(reads.source).toBe('replica'));
  const current = await vacancies();
  await primary.stop();
  try {
    const served = reads.served.replica;
    expect(await vacancies()).toBe(current);
    await publicReadsAnswer();
    expect(reads.served.replica).toBeGreaterThan(served);
    expect(reads.source).toBe('replica');
    // The operator's console reads the primary only.
    const console = await api.http().get(`/api/v1/facilities/${facility.id}`).set(bearer(owner));
    expect(console.status).toBe(503);
  } finally {
    await primary.start();
  }
  // The primary's pool connects again: the consoles and writes work once it is back.
  await eventually(async () => expect((await api.http().get(`/api/v1/facilities/${facility.id}`).set(bearer(owner))).status).toBe(200));
  await enrol(4);
  await eventually(async () => expect(await vacancies()).toBe(await classVacancies()));
});

const classVacancies = async () =>
  (
    (await api.db.query('SELECT places - enrolled - held AS vacancies FROM classes WHERE id = $1', [facility.classId])) as {
      vacancies: number;
    }[]
  )[0]!.vacancies;
