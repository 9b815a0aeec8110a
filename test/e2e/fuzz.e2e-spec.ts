// Bad input (issue #8, part 2): property-based requests to every operation of the OpenAPI document, as each role,
// with random path parameters, query strings and bodies shaped after the documented fields. No answer may be a 5xx
// or carry a stack trace or SQL, and a refused write may change nothing that is stored.
import fc from 'fast-check';
import { encodeCursor } from '@lib/core';
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { compliantFacility, registeredFacility } from '../factories/registry.js';

/** Requests in `npm test`: enough to reach every operation many times, bounded in time. */
const RUNS = 10_000;
const LEAK = /QueryFailedError|TypeORMError|\bat .+\(.+:\d+:\d+\)|node_modules|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|syntax error at/;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  query: string[];
  body: string[];
}

let api: TestApi;
let users: (TestUser | null)[];
let ids: string[];
let operations: Operation[];
let owner: TestUser;
let facilityId: string;

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  const admin = await createUser(api, 'admin');
  users = [null, owner, health, admin, await createUser(api, 'operator')];
  const draft = await compliantFacility(api, owner, { location: { lat: 44.53, lng: 125.7 } });
  const registered = await registeredFacility(api, owner, health, { location: { lat: 44.531, lng: 125.701 } });
  facilityId = draft.id;
  ids = [draft.id, draft.classId, registered.id, registered.classId, owner.id, health.id];
  const doc = (await api.http().get('/api/docs-json').expect(200)).body as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }
      >
    >;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  // Operations that end the fixture users' own sessions (logout, password changes, disabling or re-scoping a
  // user) would revoke the tokens the fuzz signs in with; the accounts suite covers them.
  const endsSessions = (method: string, path: string) =>
    path === '/api/v1/auth/logout' ||
    path === '/api/v1/auth/password' ||
    path.startsWith('/api/v1/users/{id}/') ||
    (method === 'patch' && path === '/api/v1/users/{id}');
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => !endsSessions(method, path))
      .map(([method, op]) => {
        const ref = op.requestBody?.content['application/json']?.schema.$ref;
        const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
        return {
          method: method as Operation['method'],
          path,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          body: Object.keys(schema?.properties ?? {}),
        };
      }),
  );
}, 60_000);

afterAll(async () => {
  await api?.close();
});

/** Values that break naive code: wrong types, edges, huge, unicode, injection-shaped, nested. */
const nasty = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '',
    ' ',
    '-0',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    "'; DROP TABLE facilities; --",
    '%00',
    '../..',
    '\u0000',
    '𠮷'.repeat(50),
  ),
  fc.constantFrom(91, -181, 1e308, Number.MAX_SAFE_INTEGER + 2, -2147483649),
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 4 }),
);

/**
 * Cursors (issue #14, defect 5): garbage, cut or re-signed ones, and, signed with the API's own key, values of every
 * wrong shape (a date that is not one, a NUL in an id, numbers, nesting) that only the guards behind the signature
 * stop. Each must answer 400 naming `cursor`, never a 5xx.
 */
const cursorValue = fc.oneof(
  nasty.map(text),
  fc.string({ maxLength: 60 }).map((s) => `${Buffer.from(s).toString('base64url')}.${Buffer.from(s).toString('base64url')}`),
  fc
    .oneof(
      fc.constantFrom(
        ['not a date', 'x'],
        ['2026-13-45T99:00:00Z', '00000000-0000-4000-8000-000000000000'],
        ['2026-01-01T00:00:00Z', 'x\u0000'],
        ['0000-01-01', null],
        [1e308, -1],
        [[], {}],
        ['2026-01-01T00:00:00Z'],
        'not an array',
      ),
      fc.array(nasty, { maxLength: 4 }),
      fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 40 })),
    )
    .map((value) => encodeCursor(value)),
  fc.tuple(fc.jsonValue(), fc.nat()).map(([value, cut]) => encodeCursor(value).slice(0, Math.max(1, cut % 40))),
);

/** A value as query text (objects, including those without a prototype, as JSON). */
function text(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

const pathValue = fc.oneof(
  fc.constantFrom(...['00000000-0000-4000-8000-000000000000', '220102', '220100', '999999', 'x']),
  fc.string({ maxLength: 40 }),
);

/** The fingerprint of what a write could change: the fixture facility's rows, their versions, audit and outbox counts. */
async function fingerprint(): Promise<string> {
  const [row] = await api.db.query(
    `SELECT (SELECT md5(string_agg(f::text, '|')) FROM facilities f WHERE f.owner_id = $1) AS facilities,
            (SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY c.id), '')) FROM classes c JOIN facilities f ON f.id = c.facility_id WHERE f.owner_id = $1) AS classes,
            (SELECT count(*) FROM staff s JOIN facilities f ON f.id = s.facility_id WHERE f.owner_id = $1) AS staff,
            (SELECT count(*) FROM audit_entries) AS audit, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM inspections) AS inspections`,
    [owner.id],
  );
  return JSON.stringify(row);
}

describe('bad input', () => {
  it(`never answers 5xx, a stack trace or SQL, and refused writes change nothing (${RUNS} requests)`, async () => {
    const statuses = new Map<number, number>();
    let cursorRefusals = 0;
    let before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.array(pathValue, { minLength: 3, maxLength: 3 }),
        fc.nat(),
        fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 3 }),
        fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 3 }),
        fc.array(nasty, { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        cursorValue,
        async (opIndex, userIndex, randomPath, idIndex, extraQuery, extraBody, values, realId, cursor) => {
          const op = operations[opIndex % operations.length]!;
          const user = users[userIndex % users.length];
          let k = 0;
          const path = op.path.replace(/\{[^}]+\}/g, () =>
            encodeURIComponent(realId ? ids[idIndex % ids.length]! : text(randomPath[k++ % 3])),
          );
          const query: Record<string, string> = {};
          op.query.forEach((name, i) => {
            if (i % 2 === 0) query[name] = text(values[i]);
          });
          if (op.query.includes('cursor')) query.cursor = cursor;
          for (const [name, v] of Object.entries(extraQuery)) query[name] = text(v);
          const body: Record<string, unknown> = { ...extraBody };
          op.body.forEach((name, i) => {
            if (i % 3 !== 1) body[name] = values[i % values.length];
          });
          let req = api.http()[op.method](path).query(query);
          if (user) req = req.set(bearer(user));
          if (op.method === 'patch' || op.method === 'put')
            req = req.set('If-Match', realId ? '"1"' : text(values[0]).replace(/[^\x20-\x7e]/g, ''));
          const writes = op.method !== 'get';
          const res = writes ? await req.send(body) : await req;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 400 && /"field":"cursor"/.test(res.text ?? '')) cursorRefusals++;
          if (res.status >= 500 || LEAK.test(res.text ?? '')) {
            throw new Error(
              `${op.method.toUpperCase()} ${path} ${JSON.stringify(query)} ${JSON.stringify(body).slice(0, 300)} → ${res.status} ${res.text?.slice(0, 300)}`,
            );
          }
          if (writes) {
            const after = await fingerprint();
            if (res.status >= 400 && after !== before) {
              throw new Error(`refused ${op.method.toUpperCase()} ${path} (${res.status}) changed stored data`);
            }
            before = after;
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261128), endOnFailure: true },
    );
    // Forged cursors reached the lists (and were refused by the signature or the guards behind it).
    expect(cursorRefusals).toBeGreaterThan(5);
    // The runs reached refusals of every kind and some acceptances.
    for (const status of [400, 401, 403, 404]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    // Still there and unchanged by anything refused.
    await api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(owner)).expect(200);
  }, 600_000);
});

describe('hostile bodies', () => {
  it('answers 4xx to deep JSON, invalid UTF-8, huge numbers and coordinates out of range', async () => {
    const post = (body: string | Buffer) =>
      api.http().post('/api/v1/facilities').set(bearer(owner)).set('Content-Type', 'application/json').send(body);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const cases: [string, string | Buffer][] = [
      ['deep JSON', deep],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
      ['a huge number', `{"monthlyFee": 1${'0'.repeat(400)}}`],
      ['coordinates out of range', JSON.stringify({ location: { lat: 91, lng: 181 } })],
      ['an array', '[1,2,3]'],
      ['a bare string', '"facility"'],
    ];
    for (const [name, body] of cases) {
      const res = await post(body);
      expect({ name, status: res.status < 500 && res.status >= 400 }).toEqual({ name, status: true });
      expect(LEAK.test(res.text)).toBe(false);
    }
    const coordinates = await post(JSON.stringify({ location: { lat: 91, lng: 181 } }));
    expect(coordinates.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['location.lat', 'location.lng']),
    );
  });
});
