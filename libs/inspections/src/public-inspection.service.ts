import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { checklistVersion } from './checklists/index.js';
import { applyAmendments, evaluate } from './rules/outcome.js';
import { plainSummary } from './rules/summary.js';
import type { Domain, ItemAnswer, Outcome } from './inspection-rules.types.js';
import { InspectionAmendmentEntity, RectificationOrderEntity } from './inspection.entity.js';
import { config } from './inspection-support.js';

/** The public record of inspections, used by the parents' search (docs/api.md "Public (anonymous)"). */
@Injectable()
export class PublicInspectionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The latest effective outcome per domain of each facility and a plain-language summary of what failed
   * and whether it was put right. No inspector identities. `m`: where to read (the public reads' replica or the primary).
   */
  async publicRecord(facilityIds: string[], lang: 'zh' | 'en' = 'zh', m: EntityManager = this.dataSource.manager) {
    if (facilityIds.length === 0) return new Map<string, { domain: Domain; outcome: Outcome; inspectedAt: string; summary: string }[]>();
    const latest: {
      id: string;
      facility_id: string;
      domain: Domain;
      checklist_version: number;
      inspected_at: Date;
      outcome: Outcome;
      items: ItemAnswer[];
    }[] = await m.query(
      `SELECT DISTINCT ON (facility_id, domain) id, facility_id, domain, checklist_version, inspected_at, outcome, items
           FROM inspections WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, domain, inspected_at DESC`,
      [facilityIds],
    );
    const ids = latest.map((l) => l.id);
    const [amendments, unresolved] = ids.length
      ? await Promise.all([
          m.getRepository(InspectionAmendmentEntity).find({ where: { inspectionId: In(ids) }, order: { at: 'ASC' } }),
          m.getRepository(RectificationOrderEntity).find({ where: { inspectionId: In(ids), status: In(['open', 'responded']) } }),
        ])
      : [[], []];
    const out = new Map<string, { domain: Domain; outcome: Outcome; inspectedAt: string; summary: string }[]>();
    for (const l of latest) {
      const checklist = checklistVersion(l.domain, l.checklist_version);
      // What failed on the day (and by later amendments), and which of those still have an open order.
      const effective = applyAmendments(
        l.items,
        amendments.filter((a) => a.inspectionId === l.id),
      );
      const failedOnce = new Set(
        [...l.items, ...amendments.filter((a) => a.inspectionId === l.id).flatMap((a) => a.items)]
          .filter((i) => i.result === 'fail')
          .map((i) => i.code),
      );
      const stillFailing = new Set(evaluate(checklist, effective, config).failed.map((f) => f.code));
      const open = new Set(unresolved.filter((o) => o.inspectionId === l.id).map((o) => o.itemCode));
      const failed = [...failedOnce].filter((c) => stillFailing.has(c) || !open.has(c));
      const resolved = failed.filter((c) => !open.has(c));
      const summary = plainSummary(checklist, failed, resolved, lang);
      out.set(l.facility_id, [
        ...(out.get(l.facility_id) ?? []),
        { domain: l.domain, outcome: l.outcome, inspectedAt: l.inspected_at.toISOString(), summary },
      ]);
    }
    return out;
  }
}
