import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '@lib/core';
import { reachOf, type Actor } from '@lib/auth';
import { addDays, todayInShanghai } from '@lib/standards';
import { facilitiesInScope } from '@lib/facilities';
import { facilitiesWithMultiListedStaff } from '@lib/staff';
import { FilingService } from '@lib/filing';
import { inspectionDue, riskScore } from './rules/risk.js';
import { orderOverdueSql } from './order-deadlines-sql.js';
import { DOMAINS, type Domain, type Outcome } from './inspection-rules.types.js';
import { config, INSPECTABLE } from './inspection-support.js';
import type { PlanItemView, PlanQuery } from './dto/inspection.dto.js';

/** The risk-ordered inspection plan (docs/api.md "Inspections and rectification orders", docs/domain.md "Risk score"). */
@Injectable()
export class InspectionPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: FilingService,
  ) {}

  async plan(actor: Actor, query: PlanQuery): Promise<Page<PlanItemView>> {
    const m = this.dataSource.manager;
    const today = todayInShanghai();
    const facilities = await facilitiesInScope(m, reachOf(actor), INSPECTABLE, query.regionCode);
    const ids = facilities.map((f) => f.id);
    const domains = query.domain ? [query.domain] : [...DOMAINS];
    const [latest, orders, multiListed, failures, incidents] = await Promise.all([
      m.query(
        `SELECT DISTINCT ON (facility_id, domain) facility_id, domain, inspected_at, to_char(inspected_on, 'YYYY-MM-DD') AS inspected_on, outcome
           FROM inspections WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, domain, inspected_at DESC`,
        [ids],
      ) as Promise<{ facility_id: string; domain: Domain; inspected_at: Date; inspected_on: string; outcome: Outcome }[]>,
      m.query(
        `SELECT o.facility_id, o.domain, count(*)::int AS open, count(*) FILTER (WHERE ${orderOverdueSql('o', '$2')})::int AS overdue
           FROM rectification_orders o WHERE o.facility_id = ANY($1::uuid[]) AND o.status <> 'resolved' GROUP BY o.facility_id, o.domain`,
        [ids, today],
      ) as Promise<{ facility_id: string; domain: Domain; open: number; overdue: number }[]>,
      // The facility that entered the later record only: a competitor cannot raise another's risk with an ID number.
      facilitiesWithMultiListedStaff(m, ids, 'enteredLater'),
      this.filing.failureCounts(m, ids),
      // Incidents of the last 12 months, from the read model libs/incidents publishes for this (docs/incidents.md):
      // a view, because incidents lie right of inspections in the library order.
      m.query(
        `SELECT facility_id, count(*) FILTER (WHERE severity = 'minor')::int AS minor,
                count(*) FILTER (WHERE severity = 'serious')::int AS serious, count(*) FILTER (WHERE severity = 'critical')::int AS critical
           FROM incident_facts
          WHERE facility_id = ANY($1::uuid[]) AND occurred_on > $2::date - interval '12 months'
            AND (finding IS NULL OR finding = 'substantiated')
          GROUP BY facility_id`,
        [ids, today],
      ) as Promise<{ facility_id: string; minor: number; serious: number; critical: number }[]>,
    ]);
    const incidentsBy = new Map(incidents.map((r) => [r.facility_id, r]));
    const key = (f: string, d: string) => `${f}:${d}`;
    const latestBy = new Map(latest.map((l) => [key(l.facility_id, l.domain), l]));
    const ordersBy = new Map(orders.map((o) => [key(o.facility_id, o.domain), o]));
    const soon = addDays(today, 30);

    const items: PlanItemView[] = [];
    for (const f of facilities) {
      const expiringDocuments = f.documents.filter((d) => d.expiresOn && d.expiresOn <= soon).length;
      for (const domain of domains) {
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
        if (query.dueOnly && !due) continue;
        items.push({
          facilityId: f.id,
          name: f.name,
          regionCode: f.regionCode,
          domain,
          riskScore: risk.score,
          reasons: risk.reasons.map((r) => r.text),
          reasonsEn: risk.reasons.map((r) => r.textEn),
          lastInspectedAt: last ? last.inspected_at.toISOString() : null,
          due,
        });
      }
    }
    items.sort(
      (a, b) =>
        b.riskScore - a.riskScore ||
        Number(b.due) - Number(a.due) ||
        a.name.localeCompare(b.name, 'zh') ||
        a.domain.localeCompare(b.domain),
    );
    const offset = decodeCursor(query.cursor, (v): v is number => Number.isInteger(v) && (v as number) >= 0) ?? 0;
    const page = items.slice(offset, offset + query.limit);
    return { items: page, nextCursor: offset + query.limit < items.length ? encodeCursor(offset + query.limit) : null };
  }
}
