import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '@lib/core';
import { reachOf, type Actor, type Reach } from '@lib/auth';
import { isCityLevel } from '@lib/standards';
import type { Domain } from './inspection-rules.types.js';
import type { StoredReason } from './plan-items.js';
import type { PlanItemView, PlanQuery } from './dto/inspection.dto.js';

export type PlanCursor = [rank: number, name: string, domain: string, facilityId: string];
const isPlanCursor = (v: unknown): v is PlanCursor =>
  Array.isArray(v) &&
  v.length === 4 &&
  Number.isInteger(v[0]) &&
  typeof v[1] === 'string' &&
  typeof v[2] === 'string' &&
  typeof v[3] === 'string' &&
  /^[0-9a-f-]{36}$/i.test(v[3]);

export interface PlanCriteria {
  regionCode?: string;
  domain?: Domain;
  dueOnly: boolean;
  after: PlanCursor | null;
  limit: number;
}

/**
 * A page of the plan in its order, within the reach (an operator's is refused before), as parameterised SQL (the plan
 * test explains it). The reach picks the index: a city's units by `city_code`, a unit by `region_code`, else all.
 */
export function planItemsSql(reach: Exclude<Reach, { kind: 'owner' }>, c: PlanCriteria): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where: string[] = [];
  if (reach.kind === 'region') {
    where.push(
      isCityLevel(reach.regionCode)
        ? `p.city_code = $${values.push(reach.regionCode.slice(0, 4))}`
        : `p.region_code = $${values.push(reach.regionCode)}`,
    );
  }
  if (c.regionCode) where.push(`p.region_code = $${values.push(c.regionCode)}`);
  if (c.domain) where.push(`p.domain = $${values.push(c.domain)}`);
  if (c.dueOnly) where.push('p.due');
  if (c.after) {
    const [rank, name, domain, facilityId] = c.after;
    where.push(
      `(p.rank, p.name, p.domain, p.facility_id) > ($${values.push(rank)}::smallint, $${values.push(name)}::text, $${values.push(domain)}::text, $${values.push(facilityId)}::uuid)`,
    );
  }
  return {
    text: `SELECT p.facility_id, p.name, p.region_code, p.domain, p.risk_score, p.due, p.rank, p.reasons, p.last_inspected_at
             FROM inspection_plan_items p
            ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY p.rank, p.name, p.domain, p.facility_id
            LIMIT $${values.push(c.limit)}`,
    values,
  };
}

/**
 * The risk-ordered inspection plan (docs/api.md "Inspections and rectification orders", docs/domain.md "Risk score"):
 * a page of `inspection_plan_items`, kept by PlanItemsService, in its order (risk descending, due first, name in the zh
 * collation, domain, facility) with a keyset cursor. Each reach has its own index (the migration InspectionPlanItems):
 * every page, the first or a deep one, is an index range read.
 */
@Injectable()
export class InspectionPlanService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async plan(actor: Actor, query: PlanQuery): Promise<Page<PlanItemView>> {
    const reach = reachOf(actor);
    if (reach.kind === 'owner') return { items: [], nextCursor: null };
    const { text, values } = planItemsSql(reach, {
      regionCode: query.regionCode,
      domain: query.domain,
      dueOnly: query.dueOnly === true,
      after: decodeCursor(query.cursor, isPlanCursor),
      limit: query.limit + 1,
    });
    const rows: {
      facility_id: string;
      name: string;
      region_code: string;
      domain: Domain;
      risk_score: number;
      due: boolean;
      rank: number;
      reasons: StoredReason[];
      last_inspected_at: Date | null;
    }[] = await this.dataSource.query(text, values);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        facilityId: r.facility_id,
        name: r.name,
        regionCode: r.region_code,
        domain: r.domain,
        riskScore: r.risk_score,
        reasons: r.reasons.map((x) => x.text),
        reasonsEn: r.reasons.map((x) => x.textEn),
        lastInspectedAt: r.last_inspected_at ? r.last_inspected_at.toISOString() : null,
        due: r.due,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.rank, last.name, last.domain, last.facility_id]) : null,
    };
  }
}
