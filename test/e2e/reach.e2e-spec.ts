// Reach (issue #8, part 1): every operation of the OpenAPI document × every role, against one operator's facility
// and everything under it (class, staff, inspection, rectification order, incident). Generated from the document, so a new
// and everything under it (class, staff, inspection, rectification order, a parent's application and its offer). Generated from the document, so a new
// route is in the matrix by itself (and a path parameter the matrix does not know fails it). The rules per cell:
// the anonymous get 401 outside /public; another operator and a regulator of another unit never read the objects
// (404 or 403, and no id of them in any collection they list) and never change them; the owner, the regulator of
// the unit and the admin read them (200, or 403 where their role may not use the route). Reads are tried by every
// role, writes by the anonymous and the outsiders.
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { answers, PLACES, registeredFacility, staffBody } from '../factories/registry.js';
import { applyFor, inDays, registerParent } from '../factories/applications.js';

let api: TestApi;
let roles: Record<string, TestUser | null>;
let objects: Record<string, string>;
let receiptCode: string;
let operations: { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string }[];

// Parents (issue #17): the parent of the application to the facility is an insider of its application and offer
// (and reaches nothing else of the tree: 403); another parent is an outsider of everything.
const OUTSIDERS = ['otherOperator', 'healthOtherUnit', 'otherParent'];
const INSIDERS = ['owner', 'healthInUnit', 'admin', 'parent'];

beforeAll(async () => {
  api = await startApi();
  const owner = await createUser(api, 'operator');
  const healthInUnit = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  const fireCity = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
  roles = {
    anonymous: null,
    owner,
    otherOperator: await createUser(api, 'operator'),
    healthInUnit,
    healthOtherUnit: await createUser(api, 'regulator', { agency: 'health', regionCode: '220103' }),
    fireCity,
    marketCity: await createUser(api, 'regulator', { agency: 'market', regionCode: '220100' }),
    housingCity: await createUser(api, 'regulator', { agency: 'housing', regionCode: '220100' }),
    admin: await createUser(api, 'admin'),
    parent: await registerParent(api),
    otherParent: await registerParent(api),
  };
  const f = await registeredFacility(api, owner, healthInUnit, { location: PLACES.nanguan2 });
  const staff = await api.http().post(`/api/v1/facilities/${f.id}/staff`).set(bearer(owner)).send(staffBody('cook')).expect(201);
  const checklist = (await api.http().get('/api/v1/inspection-checklists').set(bearer(fireCity)).expect(200)).body.items.find(
    (c: { domain: string }) => c.domain === 'fire',
  );
  const failed = checklist.items.find((i: { severity: string }) => i.severity === 'minor').code;
  const inspection = await api
    .http()
    .post(`/api/v1/facilities/${f.id}/inspections`)
    .set(bearer(fireCity))
    .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items: await answers(api, fireCity, 'fire', [failed]) })
    .expect(201);
  const [order] = await api.db.query('SELECT id FROM rectification_orders WHERE inspection_id = $1', [inspection.body.id]);
  const incident = await api
    .http()
    .post(`/api/v1/facilities/${f.id}/incidents`)
    .set(bearer(owner))
    .send({
      kind: 'injury',
      severity: 'minor',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      childrenAffected: 1,
      hospitalized: 0,
      description: '擦伤',
      actionsTaken: '已处理',
    });
  const application = await applyFor(api, roles.parent!, [f.id]);
  const offer = await api
    .http()
    .post(`/api/v1/applications/${application.id}/offers`)
    .set(bearer(owner))
    .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(7) })
    .expect(201);
  const change = await api
    .http()
    .post(`/api/v1/facilities/${f.id}/changes`)
    .set(bearer(owner))
    .send({ reason: '增设安全出口', facility: { exitCount: 3 } })
    .expect(201);
  const receipt = await api
    .http()
    .post('/api/v1/public/complaints')
    .send({ facilityId: f.id, category: 'fees', description: '收费与公示不一致，多收了餐费。', contact: { phone: '13900001234' } })
    .expect(201);
  const [complaint] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [receipt.body.receiptCode]);
  const penalty = await api
    .http()
    .post(`/api/v1/facilities/${f.id}/penalties`)
    .set(bearer(healthInUnit))
    .send({ kind: 'warning', decisionNo: 'REACH-1', decidedOn: '2026-01-05', legalBasis: '《托育机构管理规范（试行）》' })
    .expect(201);
  const [{ credit_code: code }] = await api.db.query('SELECT credit_code FROM facilities WHERE id = $1', [f.id]);
  receiptCode = receipt.body.receiptCode;
  objects = {
    complaints: complaint.id,
    penalties: penalty.body.id,
    credit: code,
    facilities: f.id,
    classes: f.classId,
    staff: staff.body.id,
    inspections: inspection.body.id,
    'rectification-orders': order.id,
    incidents: incident.body.id,
    applications: application.id,
    offers: offer.body.id,
    'change-filings': change.body.id,
  };
  const doc = (await api.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method as 'get' | 'post' | 'put' | 'patch' | 'delete', path })),
  );
}, 60_000);

afterAll(async () => {
  await api?.close();
});

/** The operation's path with its parameters filled from the facility's tree; null for one the matrix does not know. */
function concrete(path: string): string | null {
  let unknown = false;
  const filled = path.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_, collection: string, name: string) => {
    if (name === 'code') return `/${collection}/220102`;
    if (name === 'receiptCode') return `/${collection}/${receiptCode}`;
    if (collection === 'users') return `/users/${roles.owner!.id}`;
    const id = objects[collection];
    if (!id) unknown = true;
    return `/${collection}/${id}`;
  });
  return unknown ? null : filled;
}

async function fingerprint(): Promise<string> {
  const [row] = await api.db.query(
    `SELECT (SELECT md5(f::text) FROM facilities f WHERE id = $1) AS facility,
            (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM classes c WHERE facility_id = $1) AS classes,
            (SELECT md5(string_agg(s::text, '|' ORDER BY s.id)) FROM staff s WHERE facility_id = $1) AS staff,
            (SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) FROM inspections i WHERE facility_id = $1) AS inspections,
            (SELECT md5(string_agg(o::text, '|' ORDER BY o.id)) FROM rectification_orders o WHERE facility_id = $1) AS orders,
            (SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) FROM incidents i WHERE facility_id = $1) AS incidents,
            (SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) FROM incident_updates u
              WHERE incident_id IN (SELECT id FROM incidents WHERE facility_id = $1)) AS incident_updates,
            (SELECT md5(string_agg(d::text, '|' ORDER BY d.id)) FROM drills d WHERE facility_id = $1) AS drills,
            (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM applications a
              WHERE id IN (SELECT application_id FROM application_choices WHERE facility_id = $1)) AS applications,
            (SELECT md5(string_agg(o::text, '|' ORDER BY o.id)) FROM offers o WHERE facility_id = $1) AS offers,
            (SELECT md5(string_agg(cf::text, '|' ORDER BY cf.id)) FROM change_filings cf WHERE facility_id = $1) AS changes`,
    [objects.facilities],
  );
  return JSON.stringify(row);
}

describe('the reach matrix', () => {
  it('knows every path parameter of the API', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((op) => concrete(op.path) === null).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it('gives every cell its rule: no cross-tenant read or write, 401 for the anonymous outside /public', async () => {
    const before = await fingerprint();
    const broken: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const path = concrete(op.path)!;
      // anyone, by design; a logout would end the outsider's own tokens for every later cell
      if (['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/auth/logout'].includes(path)) continue;
      for (const [role, user] of Object.entries(roles)) {
        // Writes are sent by those who must be refused (the other suites cover writes within reach), so that the
        // facility's records stay as they were and every later cell sees the same objects.
        if (op.method !== 'get' && user !== null && !OUTSIDERS.includes(role)) continue;
        cells++;
        let req = api.http()[op.method](path);
        if (user) req = req.set(bearer(user));
        if (op.method === 'patch' || op.method === 'put') req = req.set('If-Match', '"1"');
        const res = op.method === 'get' || op.method === 'delete' ? await req : await req.send({});
        const cell = `${op.method.toUpperCase()} ${op.path} as ${role}: ${res.status}`;
        const isPublic = op.path.startsWith('/api/v1/public/') || op.path === '/health' || op.path.startsWith('/health/');
        const onObject = /\{(id|creditCode)\}/.test(op.path) && !op.path.startsWith('/api/v1/users') && !isPublic;
        if (res.status >= 500) broken.push(cell);
        if (!user && !isPublic && op.path !== '/api/v1/admin/queues-session' && res.status !== 401) broken.push(`${cell} (expected 401)`);
        if (OUTSIDERS.includes(role) && onObject) {
          if (res.status < 400) broken.push(`${cell} (an outsider reached it)`);
          if (op.method === 'get' && ![403, 404].includes(res.status)) broken.push(`${cell} (expected 404 or 403)`);
        }
        if (OUTSIDERS.includes(role) && op.method === 'get' && !isPublic && res.status === 200) {
          for (const [kind, id] of Object.entries(objects)) if (res.text.includes(id)) broken.push(`${cell} (lists the ${kind})`);
        }
        if (INSIDERS.includes(role) && onObject && op.method === 'get' && ![200, 403].includes(res.status)) {
          broken.push(`${cell} (expected 200 or 403)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(cells).toBeGreaterThan(250);
    // Nothing the outsiders (or the empty bodies) sent changed the facility's records.
    expect(await fingerprint()).toBe(before);
  }, 180_000);
});
