// Privacy (issue #8, part 5): a resident ID number (居民身份证号) never appears in plain anywhere but the answer to
// its own facility's operator at creation: not in any API answer (masked for regulators and operators alike), any
// log line, any job payload in Redis, or any database column. The scans look for every checksum-valid ID number of
// any shape, not only the ones this suite wrote, so what earlier suites left in the shared database is checked too.
import { Redis } from 'ioredis';
import { isValidResidentId } from '@lib/standards';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { startApiProcess } from '../helpers/api-process.js';
import { registeredFacility, residentId, staffBody } from '../factories/registry.js';
import { childOf, inDays, registerParent } from '../factories/applications.js';

/** Candidates: 18 characters shaped like a resident ID (area, birth date, sequence, check character). */
const ID_SHAPE = /[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g;
const SQL_ID_SHAPE = '[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]';

/** The checksum-valid resident ID numbers in a text. */
function idNumbersIn(text: string): string[] {
  return [...text.matchAll(ID_SHAPE)].map((m) => m[0].toUpperCase()).filter((id) => isValidResidentId(id));
}

let api: TestApi;
let owner: TestUser;
let regulator: TestUser;
let server: Awaited<ReturnType<typeof startApiProcess>>;
const written: string[] = [];
/** Complainants' phone numbers this suite sent, and the receipt codes of their complaints. */
const phones: string[] = [];
const receipts: string[] = [];
let facilityId: string;
/** A child's label and birth month an application carried (issue #17). */
const CHILD = { ...childOf(14, `Privet${Date.now().toString(36)}`) };
let parent: TestUser;
const applicationAnswers: { who: string; text: string }[] = [];

beforeAll(async () => {
  api = await startApi();
  // A separate API process whose every log line (request lines included, at info) the test reads.
  server = await startApiProcess({ LOG_LEVEL: 'info' });
  owner = await createUser(api, 'operator');
  regulator = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  const worker = await startWorker();
  try {
    const f = await registeredFacility(api, owner, regulator, { location: { lat: 44.5, lng: 125.65 } });
    facilityId = f.id;
    for (const role of ['caregiver', 'cook']) {
      const idNumber = residentId();
      written.push(idNumber);
      const res = await fetch(`${server.url}/api/v1/facilities/${f.id}/staff`, {
        method: 'POST',
        headers: { ...bearer(owner), 'Content-Type': 'application/json' },
        body: JSON.stringify(staffBody(role, { idNumber, ...(role === 'caregiver' ? { classIds: [f.classId] } : {}) })),
      });
      expect(res.status).toBe(201);
      // Even to its own operator, the answer shows the number masked.
      const body = await res.text();
      expect(idNumbersIn(body)).toEqual([]);
    }
    // Touch every reading path once through the logged server: lists, compliance, alerts, the public pages.
    for (const path of [
      `/api/v1/facilities/${f.id}/staff`,
      `/api/v1/facilities/${f.id}/compliance`,
      `/api/v1/facilities/${f.id}/history`,
      '/api/v1/alerts',
      `/api/v1/public/facilities/${f.id}`,
      '/api/v1/public/register.csv',
    ]) {
      for (const user of [owner, regulator]) await fetch(`${server.url}${path}`, { headers: bearer(user) });
    }
    // A parent applies through the logged server, the operator lists its applicants and offers a place, the parent
    // reads and accepts: the child's label and birth month travel only between these two.
    parent = await registerParent(api);
    const post = (path: string, user: TestUser, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...bearer(user), 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
    const applied = await post('/api/v1/applications', parent, { ...CHILD, serviceType: 'full_day', choices: [f.id] });
    expect(applied.status).toBe(201);
    const application = (await applied.json()) as { id: string };
    const offered = await post(`/api/v1/applications/${application.id}/offers`, owner, {
      facilityId: f.id,
      classId: f.classId,
      expiresOn: inDays(5),
    });
    expect(offered.status).toBe(201);
    const offer = (await offered.json()) as { id: string };
    for (const [who, user, path] of [
      ['operator', owner, `/api/v1/applications?facilityId=${f.id}`],
      ['parent', parent, '/api/v1/applications'],
      ['regulator', regulator, `/api/v1/applications/${application.id}`],
    ] as const) {
      applicationAnswers.push({ who, text: await (await fetch(`${server.url}${path}`, { headers: bearer(user) })).text() });
    }
    expect((await post(`/api/v1/offers/${offer.id}/accept`, parent)).status).toBe(200);
    // Complaints with the complainant's phone, through the logged server, then every path that reads them.
    for (const body of [
      { facilityId: f.id, category: 'staff', description: '老师对孩子态度粗暴，多次大声呵斥。' },
      {
        location: { lat: 44.5, lng: 125.652 },
        providerName: '楼上的看护班',
        category: 'unregistered',
        description: '住宅里无证看护多名幼儿。',
      },
    ]) {
      const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      phones.push(phone);
      const res = await fetch(`${server.url}/api/v1/public/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, contact: { name: '李先生', phone } }),
      });
      expect(res.status).toBe(201);
      const text = await res.text();
      expect(text).not.toContain(phone);
      receipts.push((JSON.parse(text) as { receiptCode: string }).receiptCode);
    }
    const [{ id: complaintId }] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [receipts[0]]);
    for (const path of [
      '/api/v1/complaints',
      `/api/v1/complaints/${complaintId}`,
      '/api/v1/complaints/unregistered.geojson',
      ...receipts.map((r) => `/api/v1/public/complaints/${r}`),
    ]) {
      for (const user of [owner, regulator]) await fetch(`${server.url}${path}`, { headers: bearer(user) });
    }
    await fetch(`${server.url}/api/v1/complaints/${complaintId}/investigate`, {
      method: 'POST',
      headers: { ...bearer(regulator), 'Content-Type': 'application/json' },
      body: JSON.stringify({ agency: 'health', note: '约谈园长' }),
    });
    // The outbox events of these writes have been turned into jobs (and done) by the worker.
    await eventually(async () => {
      const [{ pending }] = await api.db.query(
        "SELECT count(*)::int AS pending FROM outbox WHERE done_at IS NULL AND (event->>'facilityId' = $1 OR event->>'type' = 'complaint.changed')",
        [f.id],
      );
      expect(pending).toBe(0);
    }, 20_000);
  } finally {
    await worker.close();
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await api?.close();
});

describe('children in applications (issue #17)', () => {
  const traces = (text: string) => [CHILD.child.label].filter((t) => text.includes(t));

  it('are answered to the parent and to the facility applied to, and to no one else', () => {
    const by = Object.fromEntries(applicationAnswers.map((a) => [a.who, a.text]));
    expect(by.operator).toContain(CHILD.child.label);
    expect(by.parent).toContain(CHILD.child.label);
    expect(traces(by.regulator!)).toEqual([]);
  });

  it('never appear in a log line, a public answer, an event, an audit entry or a job payload', async () => {
    expect(traces(server.output())).toEqual([]);
    for (const path of [`/api/v1/public/facilities/${facilityId}`, '/api/v1/public/regions', '/api/v1/public/register.geojson']) {
      expect(traces(await (await fetch(`${server.url}${path}`)).text())).toEqual([]);
    }
    const [{ n }] = await api.db.query(
      `SELECT (SELECT count(*) FROM outbox WHERE event::text LIKE $1 OR job_data::text LIKE $1)
            + (SELECT count(*) FROM audit_entries WHERE changes::text LIKE $1) AS n`,
      [`%${CHILD.child.label}%`],
    );
    expect(Number(n)).toBe(0);
    // Only the applications table keeps it.
    const [{ kept }] = await api.db.query('SELECT count(*)::int AS kept FROM applications WHERE child_label = $1', [CHILD.child.label]);
    expect(kept).toBe(1);
  });
});

describe('resident ID numbers', () => {
  it('are answered masked to the operator and to regulators', async () => {
    for (const user of [owner, regulator]) {
      const res = await api.http().get(`/api/v1/facilities/${facilityId}/staff`).set(bearer(user)).expect(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(5);
      for (const s of res.body.items) expect(s.idNumber).toMatch(/^\d{4}\*+[\dX]{4}$/);
      expect(idNumbersIn(res.text)).toEqual([]);
    }
  });

  it('never appear in a log line', () => {
    const log = server.output();
    expect(log).toContain('request completed'); // the request lines were written and are being read
    expect(idNumbersIn(log)).toEqual([]);
  });

  it('never appear in a plain database column', async () => {
    const columns: { table_name: string; column_name: string }[] = await api.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character', 'character varying', 'json', 'jsonb', 'ARRAY')
          AND NOT (table_name = 'staff' AND column_name = 'id_number_cipher')`,
    );
    expect(columns.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows: { v: string }[] = await api.db.query(
        `SELECT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}"::text ~ $1`,
        [SQL_ID_SHAPE],
      );
      for (const { v } of rows) for (const id of idNumbersIn(v)) found.push(`${table_name}.${column_name}: ${id}`);
    }
    expect(found).toEqual([]);
    // The numbers this suite wrote are stored, encrypted: the blind index finds them, the plain text does not.
    const [{ n }] = await api.db.query('SELECT count(*)::int AS n FROM staff WHERE facility_id = $1', [facilityId]);
    expect(n).toBeGreaterThanOrEqual(written.length);
  });

  it('never appear in a job payload in Redis', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const prefix = process.env.QUEUE_PREFIX ?? 'childcare';
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      expect(keys.length).toBeGreaterThan(0);
      let text = '';
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') text += JSON.stringify(await redis.hgetall(key));
        else if (type === 'string') text += await redis.get(key);
        else if (type === 'list') text += (await redis.lrange(key, 0, -1)).join('\n');
        else if (type === 'zset') text += (await redis.zrange(key, 0, -1)).join('\n');
        else if (type === 'set') text += (await redis.smembers(key)).join('\n');
        else if (type === 'stream') text += JSON.stringify(await redis.xrange(key, '-', '+'));
      }
      expect(text.length).toBeGreaterThan(0);
      expect(idNumbersIn(text)).toEqual([]);
      expect(text).not.toContain(CHILD.child.label);
    } finally {
      redis.disconnect();
    }
  });
});

describe('complainants’ phone numbers', () => {
  const anyPhone = (text: string) => phones.filter((p) => text.includes(p));

  it('are shown to regulators in reach only: never in a public answer or to the operator', async () => {
    const [{ id }] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [receipts[0]]);
    const reg = await api.http().get(`/api/v1/complaints/${id}`).set(bearer(regulator)).expect(200);
    expect(reg.body.contact.phone).toBe(phones[0]);
    const texts = [
      (await api.http().get(`/api/v1/complaints/${id}`).set(bearer(owner)).expect(200)).text,
      (await api.http().get('/api/v1/complaints?limit=100').set(bearer(owner)).expect(200)).text,
      (await api.http().get('/api/v1/complaints/unregistered.geojson').set(bearer(regulator)).expect(200)).text,
      (await api.http().get(`/api/v1/public/facilities/${facilityId}`).expect(200)).text,
      (await api.http().get('/api/v1/public/register.csv').expect(200)).text,
      (await api.http().get(`/api/v1/facilities/${facilityId}/history?limit=100`).set(bearer(regulator)).expect(200)).text,
      (await api.http().get('/api/v1/alerts?limit=100').set(bearer(regulator)).expect(200)).text,
      ...(await Promise.all(receipts.map(async (r) => (await api.http().get(`/api/v1/public/complaints/${r}`).expect(200)).text))),
    ];
    for (const text of texts) expect(anyPhone(text)).toEqual([]);
  });

  it('never appear in a log line', () => {
    expect(anyPhone(server.output())).toEqual([]);
  });

  it('never appear in a plain database column, only in complaints.contact_cipher, encrypted', async () => {
    const columns: { table_name: string; column_name: string }[] = await api.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character', 'character varying', 'json', 'jsonb', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }]: { n: number }[] = await api.db.query(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE ANY($1::text[])`,
        [phones.map((p) => `%${p}%`)],
      );
      if (n > 0) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);
    const rows: { c: string }[] = await api.db.query('SELECT contact_cipher AS c FROM complaints WHERE receipt_code = ANY($1)', [receipts]);
    expect(rows.map((r) => r.c)).toEqual([expect.stringMatching(/^v1:/), expect.stringMatching(/^v1:/)]);
  });

  it('never appear in a job payload in Redis', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const prefix = process.env.QUEUE_PREFIX ?? 'childcare';
      let text = '';
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          if (type === 'hash') text += JSON.stringify(await redis.hgetall(key));
          else if (type === 'string') text += await redis.get(key);
          else if (type === 'list') text += (await redis.lrange(key, 0, -1)).join('\n');
          else if (type === 'zset') text += (await redis.zrange(key, 0, -1)).join('\n');
          else if (type === 'stream') text += JSON.stringify(await redis.xrange(key, '-', '+'));
        }
      } while (cursor !== '0');
      expect(text.length).toBeGreaterThan(0);
      expect(anyPhone(text)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
