import ExcelJS from 'exceljs';
import { todayInShanghai } from '@lib/standards';
import { FiguresService } from '@lib/targets';
import { refreshYearlyCounts } from '@lib/inspections';
import { answers, codesBySeverity, registeredFacility } from '../factories/registry.js';
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let api: TestApi;
let admin: TestUser;
let nanguanHealth: TestUser;

beforeAll(async () => {
  api = await startApi();
  admin = await createUser(api, 'admin');
  nanguanHealth = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220102' });
});
afterAll(() => api.close());

/** supertest's parser for a binary body. */
const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('annual report', () => {
  it('gives every unit and the city total, matching the live figures this year', async () => {
    // Live figures follow writes through the worker; bring them up to date first (as the nightly job does).
    await api.db.transaction((m) => api.app.get(FiguresService).recomputeAll(m));
    const res = await api.http().get('/api/v1/reports/annual').set(bearer(admin)).expect(200);
    const year = new Date().getFullYear();
    expect(res.body).toMatchObject({ year, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(res.body.rows).toHaveLength(15);
    const city = (await api.http().get('/api/v1/public/regions/220100').expect(200)).body;
    expect(res.body.total).toMatchObject({
      regionCode: '220100',
      placeCount: city.placeCount,
      facilityCount: city.facilityCount,
      population: city.population,
      placesPer1000: city.placesPer1000,
    });
    expect(res.body.total.target).toBe(4.5 + 0.35 * (year - 2025));
    const [{ n }] = await api.db.query(
      "SELECT count(*)::int AS n FROM inspections WHERE domain = 'fire' AND extract(year FROM inspected_on) = $1",
      [year],
    );
    const fire = res.body.total.inspectionsByDomain.fire;
    expect(fire.pass + fire.rectify + fire.fail).toBe(n);
    for (const r of res.body.rows) {
      expect(r.facilityCount).toBe(Object.values(r.facilitiesByKind as Record<string, number>).reduce((s, x) => s + x, 0));
      expect(r.caregiversCertifiedShare).toBeGreaterThanOrEqual(0);
      expect(r.caregiversCertifiedShare).toBeLessThanOrEqual(1);
    }
  });

  it('is for the admin and regulators of the region (404 for another region, 403 for operators)', async () => {
    const own = await api.http().get('/api/v1/reports/annual').set(bearer(nanguanHealth)).expect(200);
    expect(own.body.rows.map((r: { regionCode: string }) => r.regionCode)).toEqual(['220102']);
    await api.http().get('/api/v1/reports/annual?regionCode=220103').set(bearer(nanguanHealth)).expect(404);
    await api.http().get('/api/v1/reports/annual?regionCode=220100').set(bearer(nanguanHealth)).expect(404);
    await api
      .http()
      .get('/api/v1/reports/annual')
      .set(bearer(await createUser(api, 'operator')))
      .expect(403);
    await api.http().get('/api/v1/reports/annual').expect(401);
    await api.http().get('/api/v1/reports/annual?year=nineteen').set(bearer(admin)).expect(400);
  });

  it('comes as a CSV with a BOM and Chinese headers, and as an XLSX with one sheet per section, both matching the JSON', async () => {
    const json = (await api.http().get('/api/v1/reports/annual?year=2025').set(bearer(admin)).expect(200)).body;
    const csv = await api.http().get('/api/v1/reports/annual?year=2025').set(bearer(admin)).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(17);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['区域代码', '区域', '常住人口', '机构数']);
    const totalLine = lines[16]!.split(',');
    expect(Number(totalLine[header.indexOf('托位数')])).toBe(json.total.placeCount);

    const xlsx = await api
      .http()
      .get('/api/v1/reports/annual?year=2025')
      .set(bearer(admin))
      .set('Accept', XLSX)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    // Streamed as it is written: chunked, no length known up front (issue #19 item 7).
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['transfer-encoding']).toBe('chunked');
    expect(xlsx.headers['content-length']).toBeUndefined();
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="childcare-report-2025-220100.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['托位与目标', '机构类型', '监督检查', '整改']);
    const sheet = book.getWorksheet('托位与目标')!;
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(last[headers.indexOf('托位数')]).toBe(json.total.placeCount);
    expect(last[headers.indexOf('每千人口托位数')]).toBe(json.total.placesPer1000);
    // Shares are numbers shown as percentages (issue #18 item 12), the rest as plain numbers.
    const shareColumn = headers.indexOf('持证保育人员占比') + 1;
    expect(sheet.getRow(sheet.rowCount).getCell(shareColumn).value).toBe(json.total.caregiversCertifiedShare);
    expect(sheet.getRow(sheet.rowCount).getCell(shareColumn).numFmt).toBe('0.0%');
    expect(sheet.getRow(sheet.rowCount).getCell(headers.indexOf('普惠托位占比') + 1).numFmt).toBe('0.0%');
    expect(sheet.getRow(sheet.rowCount).getCell(headers.indexOf('托位数') + 1).numFmt).toBeUndefined();
    expect(sheet.rowCount).toBe(2 + 16);
  });

  it('keeps the report generated at its due date and answers a past year from it', async () => {
    const { ReportService } = await import('@lib/reports');
    await api.app.get(ReportService).generateAndKeep(2025);
    const [kept] = await api.db.query("SELECT generated_at, report FROM annual_reports WHERE year = 2025 AND region_code = '220100'");
    const res = await api.http().get('/api/v1/reports/annual?year=2025&regionCode=220100').set(bearer(admin)).expect(200);
    expect(res.body.generatedAt).toBe(kept.report.generatedAt);
    expect(res.body).toEqual(kept.report);
    const [{ n }] = await api.db.query('SELECT count(*)::int AS n FROM annual_reports WHERE year = 2025');
    expect(n).toBe(16);
  });

  it('keeps for every region, from one grouped statement, the report computed for that region alone', async () => {
    const { ReportService } = await import('@lib/reports');
    const year = Number(todayInShanghai().slice(0, 4));
    const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
    const f = await registeredFacility(api, await createUser(api, 'operator'), health, {}, { places: 15, enrolled: 12 });
    // Orders opened this year (one resolved this year), one opened last year and resolved this year, one opened and
    // resolved last year: the year's figures count each by its own Asia/Shanghai day.
    const [{ id: inspection }] = await api.db.query(
      `INSERT INTO inspections (facility_id, domain, checklist_version, inspected_at, inspected_on, items, original_outcome, original_score, outcome, score)
       VALUES ($1, 'fire', 1, now(), current_date, '[]', 'rectify', 70, 'rectify', 70) RETURNING id`,
      [f.id],
    );
    const jan1 = `${year}-01-01T00:30:00+08:00`; // the year's first half hour in Shanghai, still last year in UTC
    const lastYear = `${year - 1}-12-31T23:30:00+08:00`;
    await api.db.query(
      `INSERT INTO rectification_orders (facility_id, inspection_id, domain, item_code, severity, due_on, status, created_at, resolved_at)
       VALUES ($1, $2, 'fire', 'F1', 'minor', current_date, 'open', $3, NULL), ($1, $2, 'fire', 'F2', 'minor', current_date, 'resolved', $3, $3),
              ($1, $2, 'fire', 'F3', 'minor', current_date, 'resolved', $4, $3), ($1, $2, 'fire', 'F4', 'minor', current_date, 'resolved', $4, $4)`,
      [f.id, inspection, jan1, lastYear],
    );
    // Written behind the library's back: recount the facility as its writes do.
    await refreshYearlyCounts(api.db.manager, [f.id]);
    const [expected] = await api.db.query(
      `SELECT count(*) FILTER (WHERE (o.created_at AT TIME ZONE 'Asia/Shanghai')::date >= make_date($1, 1, 1))::int AS opened,
              count(*) FILTER (WHERE (o.resolved_at AT TIME ZONE 'Asia/Shanghai')::date >= make_date($1, 1, 1))::int AS resolved
         FROM rectification_orders o JOIN facilities f ON f.id = o.facility_id WHERE f.region_code = '220102'`,
      [year],
    );
    expect(expected.opened).toBeGreaterThanOrEqual(2);
    await api.app.get(ReportService).generateAndKeep(year);
    const kept: { region_code: string; report: { total: { placeCount: number } } }[] = await api.db.query(
      "SELECT region_code, report FROM annual_reports WHERE year = $1 AND region_code IN ('220100', '220102', '220173') ORDER BY region_code",
      [year],
    );
    expect(kept.map((k) => k.region_code)).toEqual(['220100', '220102', '220173']);
    expect(kept[0]!.report.total.placeCount).toBeGreaterThan(0);
    const nanguan = (kept[1]!.report as unknown as { total: { ordersOpened: number; ordersResolved: number } }).total;
    expect(nanguan).toMatchObject({ ordersOpened: expected.opened, ordersResolved: expected.resolved });
    // This year's report is always computed live, for the region on its own.
    for (const { region_code, report } of kept) {
      const live = (await api.http().get(`/api/v1/reports/annual?year=${year}&regionCode=${region_code}`).set(bearer(admin)).expect(200))
        .body;
      expect({ ...report, generatedAt: null }).toEqual({ ...live, generatedAt: null });
    }
  });

  it('follows inspections and orders written through the API: the year’s counts are always those of the rows', async () => {
    const year = Number(todayInShanghai().slice(0, 4));
    const fire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const owner = await createUser(api, 'operator');
    const f = await registeredFacility(api, owner, await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' }));
    const nanguan = async () =>
      (await api.http().get(`/api/v1/reports/annual?year=${year}&regionCode=220102`).set(bearer(admin)).expect(200)).body.total;
    /** The facility's kept counts against a count of its inspections and orders. */
    const countsMatchRows = async () => {
      const kept = await api.db.query(
        'SELECT year, domain, pass, rectify, fail, orders_opened, orders_resolved FROM inspection_year_counts WHERE facility_id = $1 ORDER BY 1, 2',
        [f.id],
      );
      const [{ inspections, opened, resolved }] = await api.db.query(
        `SELECT (SELECT count(*)::int FROM inspections WHERE facility_id = $1) AS inspections,
                (SELECT count(*)::int FROM rectification_orders WHERE facility_id = $1) AS opened,
                (SELECT count(*)::int FROM rectification_orders WHERE facility_id = $1 AND resolved_at IS NOT NULL) AS resolved`,
        [f.id],
      );
      const sum = (k: string) => kept.reduce((s: number, r: Record<string, number>) => s + r[k]!, 0);
      expect(sum('pass') + sum('rectify') + sum('fail')).toBe(inspections);
      expect({ opened: sum('orders_opened'), resolved: sum('orders_resolved') }).toEqual({ opened, resolved });
      return kept as {
        year: number;
        domain: string;
        pass: number;
        rectify: number;
        fail: number;
        orders_opened: number;
        orders_resolved: number;
      }[];
    };
    const before = await nanguan();
    const minor = (await codesBySeverity(api, fire, 'fire')).minor![0]!;
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items: await answers(api, fire, 'fire', [minor]) })
      .expect(201);
    const outcome = rec.body.outcome as 'rectify' | 'fail';
    expect(await countsMatchRows()).toEqual([
      {
        year,
        domain: 'fire',
        pass: 0,
        rectify: outcome === 'rectify' ? 1 : 0,
        fail: outcome === 'fail' ? 1 : 0,
        orders_opened: 1,
        orders_resolved: 0,
      },
    ]);
    let now = await nanguan();
    expect(now.inspectionsByDomain.fire[outcome]).toBe(before.inspectionsByDomain.fire[outcome] + 1);
    expect([now.ordersOpened, now.ordersResolved]).toEqual([before.ordersOpened + 1, before.ordersResolved]);

    // Answered and accepted: resolved this year.
    const orderId = rec.body.rectificationOrders[0].id as string;
    await api.http().post(`/api/v1/rectification-orders/${orderId}/response`).set(bearer(owner)).send({ note: '已整改' }).expect(200);
    await api.http().post(`/api/v1/rectification-orders/${orderId}/verify`).set(bearer(fire)).send({ accepted: true }).expect(200);
    await countsMatchRows();
    now = await nanguan();
    expect([now.ordersOpened, now.ordersResolved]).toEqual([before.ordersOpened + 1, before.ordersResolved + 1]);

    // An amendment: the first item passes after all, another fails; its order opens.
    const other = (await codesBySeverity(api, fire, 'fire')).major![0]!;
    const amended = await api
      .http()
      .post(`/api/v1/inspections/${rec.body.id}/amendments`)
      .set(bearer(fire))
      .send({
        reason: '复核发现',
        items: [
          { code: minor, result: 'pass' },
          { code: other, result: 'fail' },
        ],
      })
      .expect(201);
    const [row] = await countsMatchRows();
    expect(row).toMatchObject({ [amended.body.outcome]: 1, orders_opened: 2, orders_resolved: 1 });
    now = await nanguan();
    expect(now.inspectionsByDomain.fire[amended.body.outcome]).toBe(before.inspectionsByDomain.fire[amended.body.outcome] + 1);
    expect(now.ordersOpened).toBe(before.ordersOpened + 2);
  });
});
