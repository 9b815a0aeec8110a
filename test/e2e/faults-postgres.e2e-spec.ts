// Faults (issue #8, part 3, PostgreSQL): with a PostgreSQL of its own (initdb on another port) under the built API,
// the suite stops the database: the API answers 503 within a second (not 500, not a hang), recovers without a
// restart when the database returns, and no acknowledged write is lost.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventually } from '../helpers/app.js';
import { freePort, startApiProcess } from '../helpers/api-process.js';
import { facilityBody } from '../factories/registry.js';

const BIN = '/usr/lib/postgresql/15/bin';
const DIST = fileURLToPath(new URL('../../dist/scripts/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir = '';
let port = 0;
let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;

/** Runs a PostgreSQL binary as the postgres user (initdb and the server refuse root). */
function asPostgres(bin: string, args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', `${BIN}/${bin}`, ...args], { stdio: 'pipe' });
}
const pgCtl = (action: 'start' | 'stop') =>
  asPostgres('pg_ctl', [
    '-D',
    dir,
    '-w',
    '-l',
    `${dir}/server.log`,
    ...(action === 'start' ? ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start'] : ['-m', 'immediate', 'stop']),
  ]);

beforeAll(async () => {
  dir = mkdtempSync('/tmp/childcare-pg-');
  execFileSync('chown', ['postgres:postgres', dir]);
  port = await freePort();
  asPostgres('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  pgCtl('start');
  execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qc', 'CREATE DATABASE childcare']);
  const env = { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/childcare`, DATABASE_OWNER_URL: '' };
  execFileSync(process.execPath, [`${DIST}migrate.js`], { env, cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, [`${DIST}import-regions.js`], { env, cwd: ROOT, stdio: 'pipe' });
  api = await startApiProcess({ DATABASE_URL: env.DATABASE_URL, DATABASE_OWNER_URL: '', LOG_LEVEL: 'error' });
}, 90_000);

afterAll(async () => {
  await api?.stop();
  try {
    pgCtl('stop');
  } catch {
    /* already stopped */
  }
  rmSync(dir, { recursive: true, force: true });
});

it('answers 503 within a second while PostgreSQL is down, and recovers without a restart, losing nothing', async () => {
  const url = api!.url;
  const username = `pgfault_${Date.now()}`;
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  expect((await post('/api/v1/auth/register', { username, password: 'long-enough-pw', displayName: '故障测试' })).status).toBe(201);
  const { accessToken } = (await (await post('/api/v1/auth/login', { username, password: 'long-enough-pw' })).json()) as {
    accessToken: string;
  };
  const created = await post('/api/v1/facilities', facilityBody(), accessToken);
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const list = () => fetch(`${url}/api/v1/facilities`, { headers: { Authorization: `Bearer ${accessToken}` } });

  pgCtl('stop');
  const probes = [() => fetch(`${url}/health`), () => fetch(`${url}/health/ready`)];
  for (const request of [list, () => fetch(`${url}/api/v1/public/facilities/nearby?lat=43.88&lng=125.32`), ...probes]) {
    const t0 = performance.now();
    const res = await request();
    expect({ status: res.status, fast: performance.now() - t0 < 1000 }).toEqual({ status: 503, fast: true });
    expect(res.headers.get('content-type')).toMatch(/problem\+json|application\/json/);
  }

  // Alive all the same (issue #14): a liveness probe must not restart an API that waits for its database.
  expect((await fetch(`${url}/health/live`)).status).toBe(200);

  pgCtl('start');
  await eventually(async () => expect((await list()).status).toBe(200), 15_000, 200);
  const items = ((await (await list()).json()) as { items: { id: string }[] }).items;
  expect(items.map((f) => f.id)).toContain(id);
}, 60_000);
