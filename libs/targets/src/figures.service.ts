/**
 * Read model: facilities and classes (owned by libs/facilities), regions and region_populations (libs/regions),
 * applications and application_choices (libs/applications), read to compute the figures this library owns
 * (docs/architecture.md "Table ownership").
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { figuresConfig, type FiguresConfig } from '@lib/core';
import { regionNotFound } from '@lib/regions';
import { placesPer1000, targetFor, todayInShanghai } from '@lib/standards';
import { deriveFigures } from './figures.js';
import type { RegionHistoryView, RegionView, WaitingByAgeGroup } from './dto/region.view.js';

interface FigureRow {
  code: string;
  name: string;
  name_en: string;
  level: 'city' | 'district' | 'zone';
  parent_code: string | null;
  facility_count: number | null;
  place_count: number | null;
  affordable_place_count: number | null;
  population: number | null;
  population_year: number | null;
  waiting_children: number | null;
  waiting_by_age_group: Record<string, number> | null;
  updated_at: Date | null;
  boundary?: string;
}

const SELECT_REGIONS = `
  SELECT r.code, r.name, r.name_en, r.level, r.parent_code,
         f.facility_count, f.place_count, f.affordable_place_count, f.population, f.population_year, f.waiting_children, f.waiting_by_age_group, f.updated_at
    FROM regions r
    LEFT JOIN region_figures f ON f.region_code = r.code`;

@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(figuresConfig.KEY) private readonly config: FiguresConfig,
  ) {}

  /** The city first, then its units by code. */
  async list(): Promise<RegionView[]> {
    const rows: FigureRow[] = await this.dataSource.query(`${SELECT_REGIONS} ORDER BY (r.level = 'city') DESC, r.code`);
    return rows.map(toView);
  }

  async get(code: string): Promise<RegionView> {
    const rows: FigureRow[] = await this.dataSource.query(`${SELECT_REGIONS} WHERE r.code = $1`, [code]);
    if (!rows[0]) throw regionNotFound();
    return toView(rows[0]);
  }

  /** The units as a GeoJSON FeatureCollection with their figures, for the choropleth. */
  async boundaries(): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
    const rows: FigureRow[] = await this.dataSource.query(
      `SELECT r.code, r.name, r.name_en, r.level, r.parent_code,
              f.facility_count, f.place_count, f.affordable_place_count, f.population, f.population_year, f.waiting_children, f.waiting_by_age_group, f.updated_at,
              ST_AsGeoJSON(r.boundary, 5) AS boundary
         FROM regions r
         LEFT JOIN region_figures f ON f.region_code = r.code
        WHERE r.level <> 'city'
        ORDER BY r.code`,
    );
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({ type: 'Feature', id: r.code, properties: toView(r), geometry: JSON.parse(r.boundary!) })),
    };
  }

  /**
   * Recomputes a unit's counts from source tables, then its city's as the sum of the city's units.
   * Set-based and idempotent: running it twice gives the same rows. Answers the regions whose counts the alerts read
   * (places, population, waiting children) changed, so the caller can have the alerts rescanned after this commits.
   */
  async recomputeUnit(manager: EntityManager, unitCode: string): Promise<string[]> {
    const [unit]: { code: string; parent_code: string | null; level: string }[] = await manager.query(
      'SELECT code, parent_code, level FROM regions WHERE code = $1',
      [unitCode],
    );
    if (!unit) return [];
    if (unit.level === 'city') return this.recomputeCities(manager, [unit.code]);
    const changed = await this.recomputeUnits(manager, [unit.code]);
    return unit.parent_code ? [...changed, ...(await this.recomputeCities(manager, [unit.parent_code]))] : changed;
  }

  /**
   * The answer of a population change: the region as stored, with the new population when its year is the latest
   * (docs/api.md "Regions and targets": `population` is the latest year's) and the figures derived from it. The stored figures follow through
   * the worker's job, as every figure does.
   */
  async withPopulation(code: string, year: number, population: number): Promise<RegionView> {
    const view = await this.get(code);
    if (view.populationYear !== null && year < view.populationYear) return view;
    const counts = {
      facilityCount: view.facilityCount,
      placeCount: view.placeCount,
      affordablePlaceCount: view.affordablePlaceCount,
      population,
    };
    return { ...view, population, populationYear: year, ...deriveFigures(counts) };
  }

  /** Every unit, then every city: the nightly repair of any drift. */
  async recomputeAll(manager: EntityManager): Promise<void> {
    const units: { code: string }[] = await manager.query("SELECT code FROM regions WHERE level <> 'city'");
    await this.recomputeUnits(
      manager,
      units.map((u) => u.code),
    );
    const cities: { code: string }[] = await manager.query("SELECT code FROM regions WHERE level = 'city' ORDER BY code");
    await this.recomputeCities(
      manager,
      cities.map((c) => c.code),
    );
  }

  /** Today's (or `day`'s) observed counts of every region, from region_figures; a rerun overwrites the day. */
  async snapshot(manager: EntityManager, day: string): Promise<void> {
    await manager.query(
      `INSERT INTO region_figure_snapshots (region_code, day, facility_count, place_count, affordable_place_count, population, derived)
       SELECT region_code, $1::date, facility_count, place_count, affordable_place_count, population, false FROM region_figures
       ON CONFLICT (region_code, day) DO UPDATE SET facility_count = EXCLUDED.facility_count, place_count = EXCLUDED.place_count,
         affordable_place_count = EXCLUDED.affordable_place_count, population = EXCLUDED.population, derived = false`,
      [day],
    );
  }

  /**
   * Days without a snapshot, reconstructed from the facilities' registration and closure dates (Asia/Shanghai)
   * and today's places of their classes, with the population of the day's year (the latest known year not
   * after it, else the earliest). Derived days are recomputed on every run; observed snapshots are never overwritten.
   *
   * Each counted facility is a change on the day it was registered (or the range's first day) and on the day it
   * closed; a unit's figure on a day is the running sum of its changes. Joining every facility to every day instead
   * read days × facilities × classes rows (330 million at N for three years) and never finished within the
   * statement timeout; this reads each facility once, whatever the range. A batch job: the caller sets its timeout.
   */
  async deriveHistory(manager: EntityManager, from: string, to: string): Promise<void> {
    await manager.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') d),
       units AS (SELECT code, parent_code FROM regions WHERE level <> 'city'),
       counted AS (
         SELECT f.region_code, f.affordable_status = 'recognized' AS affordable,
                greatest((f.registered_at AT TIME ZONE 'Asia/Shanghai')::date, $1::date) AS from_day,
                (f.closed_at AT TIME ZONE 'Asia/Shanghai')::date AS until_day,
                coalesce((SELECT sum(c.places) FROM classes c WHERE c.facility_id = f.id), 0)::int AS places
           FROM facilities f
          WHERE f.kind = ANY($3) AND f.registered_at IS NOT NULL
            AND (f.registered_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
            AND (f.closed_at IS NULL OR (f.closed_at AT TIME ZONE 'Asia/Shanghai')::date > $1::date)
       ),
       changes AS (
         SELECT region_code, day, sum(n)::int AS n, sum(places)::int AS places, sum(affordable_places)::int AS affordable_places
           FROM (SELECT region_code, from_day AS day, 1 AS n, places, CASE WHEN affordable THEN places ELSE 0 END AS affordable_places
                   FROM counted
                 UNION ALL
                 SELECT region_code, until_day, -1, -places, CASE WHEN affordable THEN -places ELSE 0 END
                   FROM counted WHERE until_day <= $2::date) x
          GROUP BY 1, 2
       ),
       unit_years AS (
         SELECT u.code, y.year,
                coalesce((SELECT p.population FROM region_populations p WHERE p.region_code = u.code
                           ORDER BY (p.year <= y.year) DESC, CASE WHEN p.year <= y.year THEN -p.year ELSE p.year END
                           LIMIT 1), 0) AS population
           FROM units u
          CROSS JOIN generate_series(extract(year FROM $1::date)::int, extract(year FROM $2::date)::int) AS y(year)
       ),
       unit_days AS (
         SELECT u.code, d.day,
                (sum(coalesce(c.n, 0)) OVER w)::int AS facility_count,
                (sum(coalesce(c.places, 0)) OVER w)::int AS place_count,
                (sum(coalesce(c.affordable_places, 0)) OVER w)::int AS affordable_place_count,
                uy.population
           FROM units u
          CROSS JOIN days d
           JOIN unit_years uy ON uy.code = u.code AND uy.year = extract(year FROM d.day)
           LEFT JOIN changes c ON c.region_code = u.code AND c.day = d.day
         WINDOW w AS (PARTITION BY u.code ORDER BY d.day)
       ),
       all_days AS (
         SELECT code AS region_code, day, facility_count, place_count, affordable_place_count, population FROM unit_days
         UNION ALL
         SELECT u.parent_code, ud.day, sum(ud.facility_count)::int, sum(ud.place_count)::int, sum(ud.affordable_place_count)::int, sum(ud.population)::int
           FROM unit_days ud JOIN units u ON u.code = ud.code WHERE u.parent_code IS NOT NULL
          GROUP BY u.parent_code, ud.day
       )
       INSERT INTO region_figure_snapshots (region_code, day, facility_count, place_count, affordable_place_count, population, derived)
       SELECT region_code, day, facility_count, place_count, affordable_place_count, population, true FROM all_days
       ON CONFLICT (region_code, day) DO UPDATE SET facility_count = EXCLUDED.facility_count, place_count = EXCLUDED.place_count,
         affordable_place_count = EXCLUDED.affordable_place_count, population = EXCLUDED.population
        WHERE region_figure_snapshots.derived
          AND (region_figure_snapshots.facility_count, region_figure_snapshots.place_count,
               region_figure_snapshots.affordable_place_count, region_figure_snapshots.population)
              IS DISTINCT FROM (EXCLUDED.facility_count, EXCLUDED.place_count, EXCLUDED.affordable_place_count, EXCLUDED.population)`,
      [from, to, this.config.countedKinds],
    );
  }

  /**
   * A region's figures per day with the target of each day's year (a trend chart's data). Today, when asked for, is
   * the live figures the region's own answer gives (the nightly snapshot of today is hours old): one "now" for the
   * table and the trend.
   */
  async history(code: string, from: string, to: string): Promise<RegionHistoryView> {
    const now = await this.get(code);
    const rows: {
      day: string;
      facility_count: number;
      place_count: number;
      affordable_place_count: number;
      population: number;
      derived: boolean;
    }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, facility_count, place_count, affordable_place_count, population, derived
           FROM region_figure_snapshots WHERE region_code = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
      [code, from, to],
    );
    const today = todayInShanghai();
    if (from <= today && today <= to) {
      const live = {
        day: today,
        facility_count: now.facilityCount,
        place_count: now.placeCount,
        affordable_place_count: now.affordablePlaceCount,
        population: now.population,
        derived: false,
      };
      rows.splice(0, rows.length, ...rows.filter((r) => r.day !== today), live);
    }
    return {
      code,
      items: rows.map((r) => ({
        day: r.day,
        facilityCount: r.facility_count,
        placeCount: r.place_count,
        affordablePlaceCount: r.affordable_place_count,
        population: r.population,
        placesPer1000: placesPer1000(r.place_count, r.population),
        target: targetFor(Number(r.day.slice(0, 4))),
        derived: r.derived,
      })),
    };
  }

  /** Upserts the units' rows; answers the units whose places, population or waiting children changed. */
  private async recomputeUnits(manager: EntityManager, codes: string[]): Promise<string[]> {
    const rows: { region_code: string }[] = await manager.query(
      `WITH latest_population AS (
         SELECT DISTINCT ON (region_code) region_code, year, population
           FROM region_populations
          WHERE region_code = ANY($1)
          ORDER BY region_code, year DESC
       ),
       unit_places AS (
         -- Registered facilities of the counted kinds (configuration) and their places: the class summary kept on
         -- the facility row in the transaction of every class change, so no join with classes.
         SELECT f.region_code,
                count(*)::int AS facility_count,
                coalesce(sum(f.place_count), 0)::int AS place_count,
                coalesce(sum(f.place_count) FILTER (WHERE f.affordable_status = 'recognized'), 0)::int AS affordable_place_count
           FROM facilities f
          WHERE f.status = 'registered' AND f.kind = ANY($2) AND f.region_code = ANY($1)
          GROUP BY f.region_code
       ),
       unit_waiting_groups AS (
         -- Waiting children: waiting applications whose first choice lies in the unit, per queue age group
         -- (docs/applications.md); the unit of the facility as it is now.
         SELECT f.region_code, a.age_group, count(*)::int AS n
           FROM application_choices c
           JOIN applications a ON a.id = c.application_id AND a.status = 'waiting'
           JOIN facilities f ON f.id = c.facility_id
          WHERE c.rank = 1 AND f.region_code = ANY($1)
          GROUP BY f.region_code, a.age_group
       ),
       unit_waiting AS (
         SELECT region_code, sum(n)::int AS waiting_children, jsonb_object_agg(age_group, n) AS by_group
           FROM unit_waiting_groups GROUP BY region_code
       ),
       ${PREVIOUS}
       upserted AS (
       INSERT INTO region_figures (region_code, facility_count, place_count, affordable_place_count, population, population_year,
                                   waiting_children, waiting_by_age_group, updated_at)
       SELECT r.code, coalesce(p.facility_count, 0), coalesce(p.place_count, 0), coalesce(p.affordable_place_count, 0),
              coalesce(l.population, 0), l.year, coalesce(w.waiting_children, 0), coalesce(w.by_group, '{}'), now()
         FROM regions r
         LEFT JOIN latest_population l ON l.region_code = r.code
         LEFT JOIN unit_places p ON p.region_code = r.code
         LEFT JOIN unit_waiting w ON w.region_code = r.code
        WHERE r.code = ANY($1)
       ON CONFLICT (region_code) DO UPDATE SET
         facility_count = EXCLUDED.facility_count, place_count = EXCLUDED.place_count,
         affordable_place_count = EXCLUDED.affordable_place_count, population = EXCLUDED.population,
         population_year = EXCLUDED.population_year, waiting_children = EXCLUDED.waiting_children,
         waiting_by_age_group = EXCLUDED.waiting_by_age_group, updated_at = EXCLUDED.updated_at
       RETURNING ${RETURNED})
       ${CHANGED}`,
      [codes, this.config.countedKinds],
    );
    return rows.map((r) => r.region_code);
  }

  /** Cities as the sums of their units, in one statement (2,800 units in some 300 cities at national scale). */
  private async recomputeCities(manager: EntityManager, cityCodes: string[]): Promise<string[]> {
    // Held to commit, taken in code order (no deadlock between two jobs): the last job to sum a city sees every
    // unit committed before it.
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('figures:city:' || code, 0)) FROM unnest($1::text[]) AS code ORDER BY code`,
      [cityCodes],
    );
    const rows: { region_code: string }[] = await manager.query(
      `WITH ${PREVIOUS}
       upserted AS (
       INSERT INTO region_figures (region_code, facility_count, place_count, affordable_place_count, population, population_year,
                                   waiting_children, waiting_by_age_group, updated_at)
       SELECT c.code, coalesce(sum(f.facility_count), 0), coalesce(sum(f.place_count), 0), coalesce(sum(f.affordable_place_count), 0),
              coalesce(sum(f.population), 0), max(f.population_year), coalesce(sum(f.waiting_children), 0),
              coalesce((SELECT jsonb_object_agg(g.key, g.n) FROM (
                          SELECT e.key, sum(e.value::int)::int AS n
                            FROM regions u2 JOIN region_figures f2 ON f2.region_code = u2.code, jsonb_each_text(f2.waiting_by_age_group) e
                           WHERE u2.parent_code = c.code GROUP BY e.key) g), '{}'),
              now()
         FROM unnest($1::text[]) AS c(code)
         LEFT JOIN regions u ON u.parent_code = c.code
         LEFT JOIN region_figures f ON f.region_code = u.code
        GROUP BY c.code
       ON CONFLICT (region_code) DO UPDATE SET
         facility_count = EXCLUDED.facility_count, place_count = EXCLUDED.place_count,
         affordable_place_count = EXCLUDED.affordable_place_count, population = EXCLUDED.population,
         population_year = EXCLUDED.population_year, waiting_children = EXCLUDED.waiting_children,
         waiting_by_age_group = EXCLUDED.waiting_by_age_group, updated_at = EXCLUDED.updated_at
       RETURNING ${RETURNED})
       ${CHANGED}`,
      [cityCodes],
    );
    return rows.map((r) => r.region_code);
  }
}

/*
 * What the alerts read of a region's figures (region_below_target, demand_exceeds_vacancies), before and after an
 * upsert of its row ($1: the regions written): a statement's CTEs all see the rows as they were before it.
 */
const ALERT_INPUTS = 'place_count, population, waiting_by_age_group';
const PREVIOUS = `previous AS (SELECT region_code, ${ALERT_INPUTS} FROM region_figures WHERE region_code = ANY($1)),`;
const RETURNED = `region_code, ${ALERT_INPUTS}`;
const CHANGED = `SELECT u.region_code FROM upserted u LEFT JOIN previous p ON p.region_code = u.region_code
  WHERE p.region_code IS NULL
     OR (p.place_count, p.population, p.waiting_by_age_group) IS DISTINCT FROM (u.place_count, u.population, u.waiting_by_age_group)`;

function toView(r: FigureRow): RegionView {
  const counts = {
    facilityCount: r.facility_count ?? 0,
    placeCount: r.place_count ?? 0,
    affordablePlaceCount: r.affordable_place_count ?? 0,
    population: r.population ?? 0,
  };
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    level: r.level,
    parentCode: r.parent_code,
    ...counts,
    populationYear: r.population_year,
    ...deriveFigures(counts),
    waitingChildren: r.waiting_children ?? 0,
    waitingByAgeGroup: waitingByGroup(r.waiting_by_age_group),
    updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
  };
}

/** Every queue age group, zero where none wait. */
function waitingByGroup(raw: Record<string, number> | null): WaitingByAgeGroup {
  return { infant: raw?.infant ?? 0, toddler: raw?.toddler ?? 0, preschool: raw?.preschool ?? 0 };
}
