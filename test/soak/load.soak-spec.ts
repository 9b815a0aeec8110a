// Load (issue #8, part 7), run by `npm run test:soak` only: a mixed read/write load at 200 connections for
// SOAK_SECONDS (default 60) against the built API, with zero errors; throughput and p99 are printed and written to
// test/artifacts/soak.json.
import { writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { startApiProcess } from '../helpers/api-process.js';
import { ARTIFACTS } from '../helpers/web-app.js';
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { facilityBody, registeredFacility } from '../factories/registry.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = 200;

let api: TestApi;
let owner: TestUser;
let regulator: TestUser;
let facilityId: string;

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  regulator = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  facilityId = (await registeredFacility(api, owner, regulator, { location: { lat: 44.54, lng: 125.71 } })).id;
}, 60_000);

afterAll(async () => {
  await api?.close();
});

it(
  `serves a mixed read/write load at ${CONNECTIONS} connections for ${SECONDS} s without an error`,
  async () => {
    const server = await startApiProcess({ LOG_LEVEL: 'warn' });
    try {
      const json = { 'Content-Type': 'application/json' };
      // One in eight requests writes (a new draft facility); the rest read what parents and regulators read.
      const mix: (() => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string })[] = [
        () => ({ method: 'GET', path: '/api/v1/public/facilities/nearby?lat=43.88&lng=125.32&radiusM=3000' }),
        () => ({ method: 'GET', path: '/api/v1/public/map?bbox=125.1,43.7,125.6,44.0&zoom=12' }),
        () => ({ method: 'GET', path: `/api/v1/public/facilities/${facilityId}` }),
        () => ({ method: 'GET', path: '/api/v1/facilities?limit=20', headers: bearer(owner) }),
        () => ({ method: 'GET', path: `/api/v1/facilities/${facilityId}`, headers: bearer(regulator) }),
        () => ({ method: 'GET', path: '/api/v1/alerts?limit=20', headers: bearer(regulator) }),
        () => ({ method: 'GET', path: '/api/v1/public/regions' }),
        () => ({
          method: 'POST',
          path: '/api/v1/facilities',
          headers: { ...bearer(owner), ...json },
          body: JSON.stringify(facilityBody({ location: { lat: 44.54, lng: 125.71 } })),
        }),
      ];
      let next = 0;
      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ setupRequest: (req) => ({ ...req, ...mix[next++ % mix.length]!() }) }],
      });
      const summary = {
        seconds: SECONDS,
        connections: CONNECTIONS,
        requests: result.requests.total,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      };
      console.log(`soak: ${JSON.stringify(summary)}`);
      await writeFile(`${ARTIFACTS}soak.json`, `${JSON.stringify(summary, null, 2)}\n`);
      expect(summary.requests).toBeGreaterThan(SECONDS * 100);
      expect({ errors: summary.errors, timeouts: summary.timeouts, non2xx: summary.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    } finally {
      await server.stop();
    }
  },
  (SECONDS + 120) * 1000,
);
