import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, todayInShanghai } from '@lib/standards';
import { facilitiesByIds, facilityIdsWithStatus, facilityInStatusesSql } from '@lib/facilities';
import { facilitiesSharingStaff, facilitiesWithMultiListedStaff } from '@lib/staff';
import { FilingService } from '@lib/filing';
import { inspectionDue, riskScore, type RiskReason } from './rules/risk.js';
import { orderOverdueSql } from './order-deadlines-sql.js';
import { DOMAINS, type Domain, type Outcome } from './inspection-rules.types.js';
import { config, INSPECTABLE } from './inspection-support.js';

/** The stored reasons: what rules/risk.ts gave, in both languages. */
export type StoredReason = Pick<RiskReason, 'code' | 'points' | 'text' | 'textEn'>;

/** One row of `inspection_plan_items`: a facility in one domain as the plan lists it (docs/domain.md "Risk score"). */
export interface PlanItemRow {
  facility_id: string;
  domain: Domain;
  region_code: string;
  city_code: string;
  name: string;
  risk_score: number;
  due: boolean;
  rank: number;
  reasons: StoredReason[];
  last_inspected_at: string | null;
  /** The day the row last changed (a row whose values stay the same is not rewritten). */
  computed_on: string;
}

/** Risk descending, then due first, as one ascending number (the migration's CHECK says the same). */
export const planRank = (riskScore: number, due: boolean): number => (100 - riskScore) * 2 + (due ? 0 : 1);

/** How many facilities the full refresh recomputes per transaction (and per set of advisory locks). */
export const REFRESH_CHUNK = 500;

/**
 * Keeps `inspection_plan_items` (owned here): each facility's rows recomputed from source with the one rule
 * (rules/risk.ts), so a rerun or a retry gives the same rows.
 *
 * - In the transaction of every inspection and order write of this library (the plan is fresh when the write returns);
 * - by the worker's `refresh-plan-items` job for the events of other libraries that change an input (staff, classes,
 *   filing, incidents, the facility's name, region, documents and status; docs/architecture.md);
 * - by the nightly `refresh-all-plan-items` job for what changes with the date alone (a cycle running out, an order
 *   falling overdue, documents coming within 30 days of expiry, an incident leaving the 12 months), and at worker start
 *   unless one finished today (`inspection_plan_refreshed`, also owned here).
 *
 * A facility's refresh holds an advisory lock on it until commit, taken before it reads: two refreshes of one facility
 * (a write and the nightly chunk) run one after the other, the second reading what the first committed with.
 */
@Injectable()
export class PlanItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: FilingService,
  ) {}

  /**
   * Recomputes these facilities' rows in the caller's transaction: inspectable facilities get one row per domain,
   * the others none. Returns how many rows were written.
   */
  async refresh(m: EntityManager, facilityIds: readonly string[], today = todayInShanghai()): Promise<number> {
    const ids = [...new Set(facilityIds)].sort();
    if (ids.length === 0) return 0;
    await m.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT hashtextextended('plan-items:' || id, 0) AS k FROM unnest($1::uuid[]) id ORDER BY 1) l`,
      [ids],
    );
    const rows = await this.compute(m, ids, today);
    // Rows that did not change are not written (most of them, nightly): no dead tuples, no index entries to replace.
    if (rows.length > 0) {
      await m.query(
        `INSERT INTO inspection_plan_items AS p
           (facility_id, domain, region_code, city_code, name, risk_score, due, rank, reasons, last_inspected_at, computed_on)
         SELECT facility_id, domain, region_code, city_code, name, risk_score, due, rank, reasons, last_inspected_at, computed_on
           FROM jsonb_to_recordset($1::jsonb) AS r (facility_id uuid, domain text, region_code text, city_code text, name text,
                risk_score smallint, due boolean, rank smallint, reasons jsonb, last_inspected_at timestamptz, computed_on date)
         ON CONFLICT (facility_id, domain) DO UPDATE
            SET region_code = excluded.region_code, city_code = excluded.city_code, name = excluded.name,
                risk_score = excluded.risk_score, due = excluded.due, rank = excluded.rank, reasons = excluded.reasons,
                last_inspected_at = excluded.last_inspected_at, computed_on = excluded.computed_on
          WHERE (p.region_code, p.name, p.risk_score, p.due, p.reasons, p.last_inspected_at)
                IS DISTINCT FROM (excluded.region_code, excluded.name, excluded.risk_score, excluded.due, excluded.reasons, excluded.last_inspected_at)`,
        [JSON.stringify(rows)],
      );
    }
    // Facilities no longer inspectable (or gone) keep no rows.
    const kept = [...new Set(rows.map((r) => r.facility_id))];
    await m.query('DELETE FROM inspection_plan_items WHERE facility_id = ANY($1::uuid[]) AND NOT (facility_id = ANY($2::uuid[]))', [
      ids,
      kept,
    ]);
    return rows.length;
  }

  /**
   * One facility changed (the worker's job): its rows, and those of the facilities sharing a person with it, whose
   * multi-listing (and so risk) a staff record or a closure here can start or end.
   */
  async refreshFacility(m: EntityManager, facilityId: string): Promise<number> {
    return this.refresh(m, [facilityId, ...(await facilitiesSharingStaff(m, facilityId))]);
  }

  /**
   * Every facility, REFRESH_CHUNK per transaction, then the rows of facilities no longer inspectable go and the day
   * is recorded as done. The nightly job, the worker's start-up catch-up and the bench generator. Returns the rows written.
   */
  async refreshAll(today = todayInShanghai(), chunk = REFRESH_CHUNK): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let written = 0;
    for (;;) {
      const ids = await facilityIdsWithStatus(this.dataSource.manager, INSPECTABLE, after, chunk);
      if (ids.length === 0) break;
      written += await this.dataSource.transaction((m) => this.refresh(m, ids, today));
      after = ids[ids.length - 1]!;
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM inspection_plan_items p WHERE NOT ${facilityInStatusesSql('p.facility_id', '$1::text[]')}`, [INSPECTABLE]);
      // Only now: a refresh cut short (a crash, a deploy) is not counted as done.
      await m.query(
        `INSERT INTO inspection_plan_refreshed (refreshed_on) VALUES ($1) ON CONFLICT (one) DO UPDATE SET refreshed_on = excluded.refreshed_on`,
        [today],
      );
    });
    return written;
  }

  /** Whether a full refresh (refreshAll) finished for `day`: every facility's rows then are as of that day. */
  async refreshedAllOn(day = todayInShanghai()): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM inspection_plan_refreshed WHERE refreshed_on = $1', [day]);
    return rows.length > 0;
  }

  /** The rows of these facilities (those inspectable), every domain, from the same inputs the rule names. */
  private async compute(m: EntityManager, ids: string[], today: string): Promise<PlanItemRow[]> {
    const facilities = (await facilitiesByIds(m, ids)).filter((f) => INSPECTABLE.includes(f.status));
    if (facilities.length === 0) return [];
    const inspectable = facilities.map((f) => f.id);
    const [latest, orders, multiListed, failures, incidents] = await Promise.all([
      m.query(
        `SELECT l.facility_id, l.domain, l.inspected_at, to_char(i.inspected_on, 'YYYY-MM-DD') AS inspected_on, l.outcome
           FROM latest_inspections l JOIN inspections i ON i.id = l.inspection_id
          WHERE l.facility_id = ANY($1::uuid[])`,
        [inspectable],
      ) as Promise<{ facility_id: string; domain: Domain; inspected_at: Date; inspected_on: string; outcome: Outcome }[]>,
      m.query(
        `SELECT o.facility_id, o.domain, count(*)::int AS open, count(*) FILTER (WHERE ${orderOverdueSql('o', '$2')})::int AS overdue
           FROM rectification_orders o WHERE o.facility_id = ANY($1::uuid[]) AND o.status <> 'resolved' GROUP BY o.facility_id, o.domain`,
        [inspectable, today],
      ) as Promise<{ facility_id: string; domain: Domain; open: number; overdue: number }[]>,
      // The facility that entered the later record only: a competitor cannot raise another's risk with an ID number.
      facilitiesWithMultiListedStaff(m, inspectable, 'enteredLater'),
      this.filing.failureCounts(m, facilities),
      // Incidents of the last 12 months, from the read model libs/incidents publishes for this (docs/incidents.md):
      // a view, because incidents lie right of inspections in the library order.
      m.query(
        `SELECT facility_id, count(*) FILTER (WHERE severity = 'minor')::int AS minor,
                count(*) FILTER (WHERE severity = 'serious')::int AS serious, count(*) FILTER (WHERE severity = 'critical')::int AS critical
           FROM incident_facts
          WHERE facility_id = ANY($1::uuid[]) AND occurred_on > $2::date - interval '12 months'
            AND (finding IS NULL OR finding = 'substantiated')
          GROUP BY facility_id`,
        [inspectable, today],
      ) as Promise<{ facility_id: string; minor: number; serious: number; critical: number }[]>,
    ]);
    const incidentsBy = new Map(incidents.map((r) => [r.facility_id, r]));
    const key = (f: string, d: string) => `${f}:${d}`;
    const latestBy = new Map(latest.map((l) => [key(l.facility_id, l.domain), l]));
    const ordersBy = new Map(orders.map((o) => [key(o.facility_id, o.domain), o]));
    const soon = addDays(today, 30);

    const rows: PlanItemRow[] = [];
    for (const f of facilities) {
      const expiringDocuments = f.documents.filter((d) => d.expiresOn && d.expiresOn <= soon).length;
      for (const domain of DOMAINS) {
        const last = latestBy.get(key(f.id, domain));
        const o = ordersBy.get(key(f.id, domain));
        const risk = riskScore(
          {
            domain,
            today,
            lastInspection: last ? { inspectedOn: last.inspected_on, outcome: last.outcome } : null,
            openOrders: o?.open ?? 0,
            overdueOrders: o?.overdue ?? 0,
            complianceFailures: failures.get(f.id) ?? 0,
            multiListed: multiListed.has(f.id),
            expiringDocuments,
            incidents: incidentsBy.get(f.id) ?? { minor: 0, serious: 0, critical: 0 },
          },
          config,
        );
        const due = inspectionDue(last?.inspected_on ?? null, today, risk.score >= config.highRiskScore, config);
        rows.push({
          facility_id: f.id,
          domain,
          region_code: f.regionCode,
          city_code: f.regionCode.slice(0, 4),
          name: f.name,
          risk_score: risk.score,
          due,
          rank: planRank(risk.score, due),
          reasons: risk.reasons.map((r) => ({ code: r.code, points: r.points, text: r.text, textEn: r.textEn })),
          last_inspected_at: last ? last.inspected_at.toISOString() : null,
          computed_on: today,
        });
      }
    }
    return rows;
  }
}
