import { addDays, todayInShanghai } from '@lib/standards';
import { bearer, eventually, type TestApi, type TestUser } from '../helpers/app.js';
import { people, withApiAndWorker } from '../helpers/people.js';
import { answers, codesBySeverity, compliantFacility, creditCode, registeredFacility } from '../factories/registry.js';

let api: TestApi;
const cast = people('owner', 'otherOwner', 'nanguanHealth', 'nanguanMarket', 'kuanchengHealth', 'cityFire');
const { owner, otherOwner, nanguanHealth, nanguanMarket, kuanchengHealth, cityFire } = cast;
withApiAndWorker((started) => (api = started), cast);

const today = todayInShanghai();
const fine = (extra: Record<string, unknown> = {}) => ({
  kind: 'fine',
  amountYuan: 20000,
  decisionNo: `长南市监罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
  decidedOn: addDays(today, -10),
  legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  ...extra,
});
const penalize = (user: TestUser, facilityId: string, body: Record<string, unknown>) =>
  api.http().post(`/api/v1/facilities/${facilityId}/penalties`).set(bearer(user)).send(body);
const creditOf = async (code: string, user: TestUser = nanguanHealth) =>
  (await api.http().get(`/api/v1/credit/${code}`).set(bearer(user)).expect(200)).body as {
    level: string;
    reasons: string[];
    penalties: number;
    substantiatedComplaints: number;
    substantiatedIncidents: number;
    facilities: string[];
  };
/** An incident reported by the owner and closed by health with a finding (libs/incidents), as credit reads it. */
const closedIncident = async (facilityId: string, over: Record<string, unknown>, finding: string) => {
  const reported = await api
    .http()
    .post(`/api/v1/facilities/${facilityId}/incidents`)
    .set(bearer(owner))
    .send({
      kind: 'injury',
      severity: 'serious',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      childrenAffected: 1,
      hospitalized: 1,
      description: '滑梯摔伤，送医缝合',
      actionsTaken: '已送医并通知家长',
      ...over,
    })
    .expect(201);
  await api
    .http()
    .post(`/api/v1/incidents/${reported.body.id}/close`)
    .set(bearer(nanguanHealth))
    .send({ finding, note: '调查结论' })
    .expect(200);
};

describe('penalties', () => {
  it('are recorded by a regulator in reach with decision number, legal basis and amount, listed, and in the facility’s history', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const res = await penalize(nanguanMarket, f.id, fine({ note: '后厨无健康证人员' })).expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      facilityId: f.id,
      agency: 'market',
      kind: 'fine',
      amountYuan: 20000,
      decidedOn: addDays(today, -10),
      legalBasis: expect.stringContaining('食品安全法'),
      revoked: false,
      revokedAt: null,
    });
    for (const user of [owner, nanguanHealth, cityFire]) {
      const list = await api.http().get(`/api/v1/facilities/${f.id}/penalties`).set(bearer(user)).expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    }
    await api.http().get(`/api/v1/facilities/${f.id}/penalties`).set(bearer(otherOwner)).expect(404);
    await api.http().get(`/api/v1/facilities/${f.id}/penalties`).set(bearer(kuanchengHealth)).expect(404);
    await api.http().get(`/api/v1/facilities/${f.id}/penalties`).expect(401);
    const history = await api.http().get(`/api/v1/facilities/${f.id}/history?limit=100`).set(bearer(owner)).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'penalty.recorded',
      changes: { penaltyId: res.body.id, kind: 'fine', amountYuan: 20000 },
    });
  });

  it('refuse a fine without an amount, an amount on a warning, a future decision date, outsiders and operators', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    expect((await penalize(nanguanMarket, f.id, fine({ amountYuan: undefined })).expect(400)).body.errors[0].field).toBe('amountYuan');
    expect((await penalize(nanguanMarket, f.id, fine({ kind: 'warning' })).expect(400)).body.errors[0].field).toBe('amountYuan');
    expect((await penalize(nanguanMarket, f.id, fine({ decidedOn: addDays(today, 2) })).expect(400)).body.errors[0].field).toBe(
      'decidedOn',
    );
    await penalize(nanguanMarket, f.id, fine({ kind: 'jail' })).expect(400);
    await penalize(nanguanMarket, f.id, { ...fine(), legalBasis: '' }).expect(400);
    await penalize(kuanchengHealth, f.id, fine()).expect(404);
    await penalize(owner, f.id, fine()).expect(403);
    await penalize(nanguanMarket, f.id, fine({ kind: 'warning', amountYuan: undefined })).expect(201);
  });

  it('are never edited: the database refuses updates and deletes; a revocation is recorded once by the same agency with a reason', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const p = (await penalize(nanguanMarket, f.id, fine()).expect(201)).body;
    await expect(api.db.query('UPDATE penalties SET amount_yuan = 1 WHERE id = $1', [p.id])).rejects.toThrow(/never edited/);
    await expect(api.db.query('DELETE FROM penalties WHERE id = $1', [p.id])).rejects.toThrow(/never edited/);
    await api.http().post(`/api/v1/penalties/${p.id}/revoke`).set(bearer(nanguanHealth)).send({ reason: '复议撤销' }).expect(403);
    await api.http().post(`/api/v1/penalties/${p.id}/revoke`).set(bearer(nanguanMarket)).send({}).expect(400);
    await api.http().post(`/api/v1/penalties/${p.id}/revoke`).set(bearer(owner)).send({ reason: 'x' }).expect(403);
    const revoked = await api
      .http()
      .post(`/api/v1/penalties/${p.id}/revoke`)
      .set(bearer(nanguanMarket))
      .send({ reason: '行政复议决定撤销' })
      .expect(200);
    expect(revoked.body).toMatchObject({
      id: p.id,
      revoked: true,
      revocationReason: '行政复议决定撤销',
      amountYuan: 20000,
      decisionNo: p.decisionNo,
    });
    await api.http().post(`/api/v1/penalties/${p.id}/revoke`).set(bearer(nanguanMarket)).send({ reason: 'again' }).expect(409);
    await api
      .http()
      .post('/api/v1/penalties/00000000-0000-4000-8000-000000000000/revoke')
      .set(bearer(nanguanMarket))
      .send({ reason: 'x' })
      .expect(404);
    const history = await api.http().get(`/api/v1/facilities/${f.id}/history?limit=100`).set(bearer(owner)).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'penalty.revoked',
      changes: { penaltyId: p.id, reason: '行政复议决定撤销' },
    });
  });
});

describe('credit', () => {
  it('moves A → C → D through the worker as fines are recorded, bars a new filing at D (422 credit_barred), and lifts the bar on revocation', async () => {
    const code = creditCode();
    const f = await registeredFacility(api, owner, nanguanHealth, { creditCode: code });
    expect(await creditOf(code)).toMatchObject({ creditCode: code, level: 'A', reasons: [], facilities: [f.id], penalties: 0 });

    const first = (await penalize(nanguanMarket, f.id, fine()).expect(201)).body;
    await eventually(async () => expect((await creditOf(code)).level).toBe('C'));
    expect((await creditOf(code)).reasons).toEqual(['12 个月内被罚款']);
    const en = await api.http().get(`/api/v1/credit/${code}`).set(bearer(nanguanHealth)).set('Accept-Language', 'en').expect(200);
    expect(en.body.reasons).toEqual(['A fine within 12 months']);

    await penalize(nanguanMarket, f.id, fine({ decidedOn: addDays(today, -400) })).expect(201);
    await eventually(async () => expect((await creditOf(code)).level).toBe('D'));
    expect(await creditOf(code)).toMatchObject({ penalties: 2, reasons: expect.arrayContaining(['24 个月内被罚款 2 次及以上']) });
    const barredList = await api.http().get('/api/v1/credit?level=D&limit=100').set(bearer(nanguanHealth)).expect(200);
    expect(barredList.body.items.map((c: { creditCode: string }) => c.creditCode)).toContain(code);

    // The same operator files another facility with the barred credit code.
    const second = await compliantFacility(api, owner, { creditCode: code });
    const refused = await api.http().post(`/api/v1/facilities/${second.id}/submit`).set(bearer(owner)).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', code: 'credit_barred' })]);
    expect((await api.http().get(`/api/v1/facilities/${second.id}`).set(bearer(owner)).expect(200)).body.status).toBe('draft');

    await api.http().post(`/api/v1/penalties/${first.id}/revoke`).set(bearer(nanguanMarket)).send({ reason: '复议撤销' }).expect(200);
    // One fine left, 400 days ago: outside the 12-month window, so A.
    await eventually(async () => expect((await creditOf(code)).level).toBe('A'));
    await api.http().post(`/api/v1/facilities/${second.id}/submit`).set(bearer(owner)).expect(200);
  });

  it('is D after a revocation, B after a substantiated complaint, C after a failed inspection', async () => {
    const revoked = creditCode();
    const r = await registeredFacility(api, owner, nanguanHealth, { creditCode: revoked });
    await penalize(nanguanHealth, r.id, {
      kind: 'revocation',
      decisionNo: '长南卫撤〔2026〕1号',
      decidedOn: today,
      legalBasis: '《托育机构登记和备案办法（试行）》',
    }).expect(201);
    await eventually(async () => expect((await creditOf(revoked)).level).toBe('D'));

    const complained = creditCode();
    const c = await registeredFacility(api, owner, nanguanHealth, { creditCode: complained });
    const receipt = (
      await api
        .http()
        .post('/api/v1/public/complaints')
        .send({ facilityId: c.id, category: 'fees', description: '乱收费，额外收取兴趣班费用。' })
        .expect(201)
    ).body.receiptCode;
    const [{ id }] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [receipt]);
    await api
      .http()
      .post(`/api/v1/complaints/${id}/close`)
      .set(bearer(nanguanHealth))
      .send({ finding: 'substantiated', reply: '属实，已责令退费' })
      .expect(200);
    await eventually(async () => expect(await creditOf(complained)).toMatchObject({ level: 'B', substantiatedComplaints: 1 }));

    const inspected = creditCode();
    const i = await registeredFacility(api, owner, nanguanHealth, { creditCode: inspected });
    const critical = (await codesBySeverity(api, cityFire, 'fire')).critical![0]!;
    await api
      .http()
      .post(`/api/v1/facilities/${i.id}/inspections`)
      .set(bearer(cityFire))
      .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items: await answers(api, cityFire, 'fire', [critical]) })
      .expect(201);
    await eventually(async () => expect((await creditOf(inspected)).level).toBe('C'));
    expect((await creditOf(inspected)).reasons).toEqual(['12 个月内检查结果为不合格']);
  });

  it('counts incidents through the worker: C after a substantiated serious one, D after a substantiated abuse allegation (credit_barred)', async () => {
    const code = creditCode();
    const f = await registeredFacility(api, owner, nanguanHealth, { creditCode: code });
    // Neither a minor substantiated incident nor a serious one found without fault counts.
    await closedIncident(f.id, { severity: 'minor', hospitalized: 0 }, 'substantiated');
    await closedIncident(f.id, {}, 'no_fault');
    await eventually(async () => expect(await creditOf(code)).toMatchObject({ level: 'A', substantiatedIncidents: 1 }));

    await closedIncident(f.id, {}, 'substantiated');
    await eventually(async () => expect(await creditOf(code)).toMatchObject({ level: 'C', substantiatedIncidents: 2 }));
    expect((await creditOf(code)).reasons).toEqual(['12 个月内发生经查属实的严重突发事件']);

    await closedIncident(f.id, { kind: 'abuse_allegation', severity: 'minor', hospitalized: 0 }, 'substantiated');
    await eventually(async () => expect((await creditOf(code)).level).toBe('D'));
    expect((await creditOf(code)).reasons[0]).toBe('虐待儿童的指控经查属实');
    const second = await compliantFacility(api, owner, { creditCode: code });
    const refused = await api.http().post(`/api/v1/facilities/${second.id}/submit`).set(bearer(owner)).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', code: 'credit_barred' })]);
  });

  it('refuses a change filing to a credit code at level D (422 credit_barred), and follows an approved change of code', async () => {
    const barred = creditCode();
    const b = await registeredFacility(api, owner, nanguanHealth, { creditCode: barred });
    await penalize(nanguanHealth, b.id, {
      kind: 'revocation',
      decisionNo: '长南卫撤〔2026〕2号',
      decidedOn: today,
      legalBasis: '《托育机构登记和备案办法（试行）》',
    }).expect(201);
    await eventually(async () => expect((await creditOf(barred)).level).toBe('D'));

    const from = creditCode();
    const f = await registeredFacility(api, otherOwner, nanguanHealth, { creditCode: from });
    const changeTo = (code: string) =>
      api
        .http()
        .post(`/api/v1/facilities/${f.id}/changes`)
        .set(bearer(otherOwner))
        .send({ reason: '变更举办者', facility: { creditCode: code } });
    const refused = await changeTo(barred).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'facility.creditCode', code: 'credit_barred' })]);

    // A substantiated complaint about the facility puts its code at B; approved, a change of code takes it along.
    const receipt = (
      await api
        .http()
        .post('/api/v1/public/complaints')
        .send({ facilityId: f.id, category: 'fees', description: '乱收费，额外收取兴趣班费用。' })
        .expect(201)
    ).body.receiptCode;
    const [{ id }] = await api.db.query('SELECT id FROM complaints WHERE receipt_code = $1', [receipt]);
    await api
      .http()
      .post(`/api/v1/complaints/${id}/close`)
      .set(bearer(nanguanHealth))
      .send({ finding: 'substantiated', reply: '属实，已责令退费' })
      .expect(200);
    await eventually(async () => expect((await creditOf(from)).level).toBe('B'));
    const to = creditCode();
    const change = await changeTo(to).expect(201);
    await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(nanguanHealth)).send({}).expect(200);
    await eventually(async () => expect(await creditOf(to)).toMatchObject({ level: 'B', facilities: [f.id], substantiatedComplaints: 1 }));
  });

  it('is for regulators in reach only: 404 for a code with no facility in reach or a malformed one, 403 for operators', async () => {
    const code = creditCode();
    await registeredFacility(api, owner, nanguanHealth, { creditCode: code });
    await api.http().get(`/api/v1/credit/${code}`).set(bearer(kuanchengHealth)).expect(404);
    await api.http().get(`/api/v1/credit/${creditCode()}`).set(bearer(nanguanHealth)).expect(404);
    await api.http().get('/api/v1/credit/not-a-code').set(bearer(nanguanHealth)).expect(404);
    await api.http().get(`/api/v1/credit/${code}`).set(bearer(owner)).expect(403);
    await api.http().get(`/api/v1/credit/${code}`).expect(401);
    await api.http().get('/api/v1/credit?level=E').set(bearer(nanguanHealth)).expect(400);
  });

  it('shows on the public facility page: the level and the last 3 years’ penalties, revoked ones left out', async () => {
    const code = creditCode();
    const f = await registeredFacility(api, owner, nanguanHealth, { creditCode: code });
    await penalize(nanguanMarket, f.id, {
      kind: 'warning',
      decisionNo: 'W-1',
      decidedOn: addDays(today, -30),
      legalBasis: '依据甲',
    }).expect(201);
    await penalize(nanguanMarket, f.id, {
      kind: 'warning',
      decisionNo: 'W-2',
      decidedOn: addDays(today, -4 * 366),
      legalBasis: '依据乙',
    }).expect(201);
    const gone = (await penalize(nanguanMarket, f.id, fine({ legalBasis: '依据丙' })).expect(201)).body;
    await api.http().post(`/api/v1/penalties/${gone.id}/revoke`).set(bearer(nanguanMarket)).send({ reason: '撤销' }).expect(200);
    await eventually(async () => {
      const pub = await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200);
      expect(pub.body.credit).toEqual({
        level: 'A',
        penalties: [{ kind: 'warning', decidedOn: addDays(today, -30), legalBasis: '依据甲' }],
      });
    });
    await penalize(nanguanMarket, f.id, fine({ legalBasis: '依据丁' })).expect(201);
    await eventually(async () =>
      expect((await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200)).body.credit.level).toBe('C'),
    );
    const pub = await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200);
    expect(pub.body.credit.penalties.map((p: { legalBasis: string }) => p.legalBasis)).toEqual(['依据丁', '依据甲']);
    expect(JSON.stringify(pub.body.credit)).not.toMatch(/decisionNo|amountYuan|note/);
  });
});
