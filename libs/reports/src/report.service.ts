/**
 * Read model: facilities and classes (owned by libs/facilities), staff (libs/staff), inspection_year_counts
 * (libs/inspections), regions and region_populations (libs/regions), applications and
 * application_choices (libs/applications) and region_figures (libs/targets), read for the annual report
 * (docs/architecture.md "Table ownership").
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { figuresConfig, type FiguresConfig } from '@lib/core';
import { inReach, reachOf, type Actor } from '@lib/auth';
import { FACILITY_KINDS, placesPer1000, targetFor, todayInShanghai } from '@lib/standards';
import { DOMAINS, OUTCOMES } from '@lib/inspections';
import { regionNotFound } from '@lib/regions';
import type { AnnualReportView, ReportRowView } from './dto/report.dto.js';
import { AnnualReportEntity } from './annual-report.entity.js';

const CAREGIVER_QUALIFICATIONS = ['nursery_teacher', 'childcare_worker', 'early_development_guide', 'teacher'];

/** Reports kept per statement: a city's report holds all its units' rows. */
const KEEP_BATCH = 500;

type Region = { code: string; level: string; name: string };

interface UnitRow {
  code: string;
  name: string;
  parent_code: string | null;
  population: number;
  by_kind: Record<string, number> | null;
  places: number;
  affordable: number;
  inspections: { domain: string; outcome: string; n: number }[] | null;
  opened: number;
  resolved: number;
  caregivers: number;
  certified: number;
  waiting: number;
}

/**
 * The annual report (docs/domain.md 9): per unit and for the region, figures as of the end of the year
 * (this year: as of today). Places and facilities of past years come from registration and closure
 * dates with today's places, as the figures' history does.
 */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(figuresConfig.KEY) private readonly config: FiguresConfig,
  ) {}

  async annual(actor: Actor, year?: number, regionCode?: string): Promise<AnnualReportView> {
    const today = todayInShanghai();
    const reportYear = year ?? Number(today.slice(0, 4));
    const code = regionCode ?? actor.regionCode ?? (await this.cityCode());
    const [region]: Region[] = await this.dataSource.query('SELECT code, level, name FROM regions WHERE code = $1', [code]);
    // Another region than the caller's answers as if it did not exist.
    if (!region || !inReach(reachOf(actor), { unitCode: region.code, ownerId: null })) throw regionNotFound();
    if (ReportService.asOf(reportYear, today) !== today) {
      const kept = await this.dataSource.getRepository(AnnualReportEntity).findOneBy({ year: reportYear, regionCode: region.code });
      if (kept) return kept.report as AnnualReportView;
    }
    return this.compute(region, reportYear, today);
  }

  /**
   * Generates the year's report of every region (each city and each unit) and keeps it (the job due at the end of
   * November): every unit's figures in one grouped statement, each region's report assembled from them, kept in
   * batches; 3,080 regions one statement each took 20 s at N (bench/RESULTS.md).
   */
  async generateAndKeep(year: number): Promise<number> {
    const today = todayInShanghai();
    const regions: Region[] = await this.dataSource.query('SELECT code, level, name FROM regions ORDER BY code');
    const units = await this.unitRows(null, year, today);
    // A region's rows are what unitRows(region.code) would give: the unit itself, or the units under it, by code.
    const rowsOf = new Map<string, UnitRow[]>();
    for (const u of units) {
      for (const key of [u.code, u.parent_code]) {
        if (!key) continue;
        const list = rowsOf.get(key);
        if (list) list.push(u);
        else rowsOf.set(key, [u]);
      }
    }
    const reports = regions.map((region) => this.assemble(region, rowsOf.get(region.code) ?? [], year, today));
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < reports.length; i += KEEP_BATCH) {
        const batch = reports.slice(i, i + KEEP_BATCH);
        await m.query(
          `INSERT INTO annual_reports (year, region_code, generated_at, report)
           SELECT $1, r.report->'total'->>'regionCode', (r.report->>'generatedAt')::timestamptz, r.report
             FROM jsonb_array_elements($2::jsonb) AS r(report)
           ON CONFLICT (year, region_code) DO UPDATE SET generated_at = EXCLUDED.generated_at, report = EXCLUDED.report`,
          [year, JSON.stringify(batch)],
        );
      }
    });
    return regions.length;
  }

  private async compute(region: Region, reportYear: number, today: string): Promise<AnnualReportView> {
    return this.assemble(region, await this.unitRows(region.code, reportYear, today), reportYear, today);
  }

  /** The end of the day the report describes: the year's last day, or today for this year. */
  private static asOf(reportYear: number, today: string): string {
    return `${reportYear}-12-31` < today ? `${reportYear}-12-31` : today;
  }

  /** The figures of each unit of `regionCode` (the unit itself, or a city's units), or of every unit when null. */
  private async unitRows(regionCode: string | null, reportYear: number, today: string): Promise<UnitRow[]> {
    const end = ReportService.asOf(reportYear, today);
    const current = end === today;
    return this.dataSource.query(
      `WITH units AS (
         SELECT code, name, parent_code FROM regions WHERE level <> 'city' AND ($1::text IS NULL OR code = $1 OR parent_code = $1)
       ),
       counted AS (
         SELECT f.id, f.region_code, f.kind, f.affordable_status = 'recognized' AS affordable FROM facilities f JOIN units u ON u.code = f.region_code
          WHERE f.kind = ANY($3) AND CASE WHEN $4 THEN f.status = 'registered'
                ELSE f.registered_at IS NOT NULL AND (f.registered_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
                 AND (f.closed_at IS NULL OR (f.closed_at AT TIME ZONE 'Asia/Shanghai')::date > $2::date) END
       ),
       kinds AS (SELECT region_code, jsonb_object_agg(kind, n) AS by_kind FROM (SELECT region_code, kind, count(*)::int AS n FROM counted GROUP BY 1, 2) k GROUP BY 1),
       places AS (
         SELECT c.region_code, coalesce(sum(cl.places), 0)::int AS places, coalesce(sum(cl.places) FILTER (WHERE c.affordable), 0)::int AS affordable
           FROM counted c LEFT JOIN classes cl ON cl.facility_id = c.id GROUP BY 1
       ),
       -- The year's inspections and orders from the counts libs/inspections keeps per facility and year (a year is
       -- counted whole: the current year's rows hold nothing after today).
       casework AS (
         SELECT f.region_code, y.domain, sum(y.pass)::int AS pass, sum(y.rectify)::int AS rectify, sum(y.fail)::int AS fail,
                sum(y.orders_opened)::int AS opened, sum(y.orders_resolved)::int AS resolved
           FROM inspection_year_counts y JOIN facilities f ON f.id = y.facility_id JOIN units u ON u.code = f.region_code
          WHERE y.year = $6
          GROUP BY 1, 2
       ),
       insp AS (
         SELECT region_code, jsonb_agg(jsonb_build_object('domain', domain, 'outcome', v.outcome, 'n', v.n)) AS inspections
           FROM casework CROSS JOIN LATERAL (VALUES ('pass', pass), ('rectify', rectify), ('fail', fail)) v(outcome, n)
          WHERE v.n > 0
          GROUP BY 1
       ),
       orders AS (SELECT region_code, sum(opened)::int AS opened, sum(resolved)::int AS resolved FROM casework GROUP BY 1),
       carers AS (
         SELECT c.region_code, count(*)::int AS caregivers,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM jsonb_array_elements(s.qualifications) q
                   WHERE q->>'type' = ANY($5) AND q->>'issuedOn' <= $2::text AND (q->>'expiresOn' IS NULL OR q->>'expiresOn' >= $2::text)))::int AS certified
           FROM counted c JOIN staff s ON s.facility_id = c.id
          WHERE s.role = 'caregiver' AND s.hired_on <= $2::date AND (s.ended_on IS NULL OR s.ended_on > $2::date)
          GROUP BY 1
       ),
       waiting AS (
         -- Children waiting at the end of the day described: applied by then and not yet placed or withdrawn then
         -- (an application's row changes only when it is placed or withdrawn), counted in the unit of the first choice.
         SELECT f.region_code, count(*)::int AS waiting
           FROM applications a
           JOIN application_choices ch ON ch.application_id = a.id AND ch.rank = 1
           JOIN facilities f ON f.id = ch.facility_id JOIN units u ON u.code = f.region_code
          WHERE (a.created_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
            AND (a.status = 'waiting' OR (a.updated_at AT TIME ZONE 'Asia/Shanghai')::date > $2::date)
          GROUP BY 1
       )
       SELECT u.code, u.name, u.parent_code,
              -- This year: the live figures' population; past years: that year's (the latest known not after it).
              coalesce(CASE WHEN $4 THEN (SELECT rf.population FROM region_figures rf WHERE rf.region_code = u.code)
                            ELSE (SELECT p.population FROM region_populations p WHERE p.region_code = u.code
                                   ORDER BY (p.year <= $6) DESC, CASE WHEN p.year <= $6 THEN -p.year ELSE p.year END LIMIT 1) END, 0) AS population,
              k.by_kind, coalesce(pl.places, 0) AS places, coalesce(pl.affordable, 0) AS affordable, i.inspections,
              coalesce(o.opened, 0) AS opened, coalesce(o.resolved, 0) AS resolved,
              coalesce(cr.caregivers, 0) AS caregivers, coalesce(cr.certified, 0) AS certified, coalesce(w.waiting, 0) AS waiting
         FROM units u
         LEFT JOIN kinds k ON k.region_code = u.code
         LEFT JOIN places pl ON pl.region_code = u.code
         LEFT JOIN insp i ON i.region_code = u.code
         LEFT JOIN orders o ON o.region_code = u.code
         LEFT JOIN carers cr ON cr.region_code = u.code
         LEFT JOIN waiting w ON w.region_code = u.code
        ORDER BY u.code`,
      [regionCode, end, this.config.countedKinds, current, CAREGIVER_QUALIFICATIONS, reportYear],
    );
  }

  /** A region's report from its units' rows: one row each, and their total. */
  private assemble(region: Region, units: UnitRow[], reportYear: number, today: string): AnnualReportView {
    const target = targetFor(reportYear);
    const rows = units.map((u) => row(u.code, u.name, u, target));
    const sum = (f: (u: UnitRow) => number) => units.reduce((s, u) => s + f(u), 0);
    const totalUnit: UnitRow = {
      code: region.code,
      name: region.name,
      parent_code: null,
      population: sum((u) => u.population),
      by_kind: Object.fromEntries(FACILITY_KINDS.map((k) => [k, sum((u) => u.by_kind?.[k] ?? 0)])),
      places: sum((u) => u.places),
      affordable: sum((u) => u.affordable),
      inspections: units.flatMap((u) => u.inspections ?? []),
      opened: sum((u) => u.opened),
      resolved: sum((u) => u.resolved),
      caregivers: sum((u) => u.caregivers),
      certified: sum((u) => u.certified),
      waiting: sum((u) => u.waiting),
    };
    return {
      year: reportYear,
      generatedAt: new Date().toISOString(),
      asOf: ReportService.asOf(reportYear, today),
      rows,
      total: row(region.code, region.name, totalUnit, target),
    };
  }

  private async cityCode(): Promise<string> {
    const [city]: { code: string }[] = await this.dataSource.query("SELECT code FROM regions WHERE level = 'city' ORDER BY code LIMIT 1");
    if (!city) throw regionNotFound();
    return city.code;
  }
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

function row(code: string, name: string, u: UnitRow, target: number): ReportRowView {
  const facilitiesByKind = Object.fromEntries(FACILITY_KINDS.map((k) => [k, u.by_kind?.[k] ?? 0]));
  const inspectionsByDomain = Object.fromEntries(
    DOMAINS.map((d) => [
      d,
      Object.fromEntries(
        OUTCOMES.map((o) => [o, (u.inspections ?? []).filter((i) => i.domain === d && i.outcome === o).reduce((s, i) => s + i.n, 0)]),
      ),
    ]),
  );
  return {
    regionCode: code,
    name,
    population: u.population,
    facilityCount: Object.values(facilitiesByKind).reduce((s, n) => s + n, 0),
    facilitiesByKind,
    placeCount: u.places,
    affordablePlaceCount: u.affordable,
    affordableShare: share(u.affordable, u.places),
    placesPer1000: placesPer1000(u.places, u.population),
    target,
    inspectionsByDomain,
    ordersOpened: u.opened,
    ordersResolved: u.resolved,
    caregiversCertifiedShare: share(u.certified, u.caregivers),
    waitingChildren: u.waiting,
  };
}
