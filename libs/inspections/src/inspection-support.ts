import { In, type EntityManager } from 'typeorm';
import type { Violation } from '@lib/core';
import type { Actor } from '@lib/auth';
import { todayInShanghai, type FacilityStatus } from '@lib/standards';
import { DEFAULT_INSPECTION_CONFIG } from './rules/inspection-config.js';
import { orderOverdue, verificationDueOn, type OrderTimes } from './rules/order-deadlines.js';
import { DOMAIN_AGENCY, type Domain, type ItemAnswer } from './inspection-rules.types.js';
import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
import { InspectionError, InspectionErrorCode, notRegulator, wrongAgency } from './inspection.errors.js';
import type { InspectionView, OrderView } from './dto/inspection.dto.js';

/** What the inspection services share: the rule figures, the agency check, the answers' clean-up and the views. */
export const config = DEFAULT_INSPECTION_CONFIG;

/** The statuses in which a facility is inspected, and planned for. */
export const INSPECTABLE: readonly FacilityStatus[] = ['submitted', 'registered', 'suspended'];

/**
 * Only a regulator of the domain's agency records or amends it (health records hygiene). Called once the facility is
 * known to be in reach, so that a caller who may not see it learns nothing (404 first).
 */
export function mayRecord(actor: Actor, domain: Domain): void {
  if (actor.role !== 'regulator') throw notRegulator();
  if (actor.agency !== DOMAIN_AGENCY[domain]) throw wrongAgency(domain);
}

export function cleanAnswer(a: ItemAnswer): ItemAnswer {
  return { code: a.code, result: a.result, ...(a.note ? { note: a.note } : {}) };
}

/** 400 naming missing, unknown and repeated item codes, if any. */
export function refuseItems(problems: { missing?: string[]; unknown: string[]; duplicate: string[] }): void {
  const words = {
    missing: { zh: '缺少检查项', en: 'missing items' },
    unknown: { zh: '未知检查项', en: 'unknown items' },
    duplicate: { zh: '重复检查项', en: 'repeated items' },
  };
  const violations: Violation[] = (['missing', 'unknown', 'duplicate'] as const)
    .filter((k) => (problems[k]?.length ?? 0) > 0)
    .map((k) => ({
      field: 'items',
      code: k,
      message: { zh: `${words[k].zh}：${problems[k]!.join('、')}`, en: `${words[k].en}: ${problems[k]!.join(', ')}` },
    }));
  if (violations.length) {
    throw new InspectionError(
      InspectionErrorCode.InvalidItems,
      { zh: '检查项不完整或有误', en: 'The checklist answers are incomplete or wrong' },
      violations,
    );
  }
}

/** Inspections as the API answers them, in the order of `ids`, with their amendments and orders. */
export async function inspectionViews(m: EntityManager, ids: string[]): Promise<InspectionView[]> {
  if (ids.length === 0) return [];
  const [inspections, amendments, orders] = await Promise.all([
    m.getRepository(InspectionEntity).findBy({ id: In(ids) }),
    m.getRepository(InspectionAmendmentEntity).find({ where: { inspectionId: In(ids) }, order: { at: 'ASC' } }),
    m.getRepository(RectificationOrderEntity).find({ where: { inspectionId: In(ids) }, order: { createdAt: 'ASC', itemCode: 'ASC' } }),
  ]);
  const byId = new Map(inspections.map((i) => [i.id, i]));
  return ids.map((id) => {
    const i = byId.get(id)!;
    return {
      id: i.id,
      facilityId: i.facilityId,
      domain: i.domain,
      checklistVersion: i.checklistVersion,
      inspectedAt: i.inspectedAt.toISOString(),
      outcome: i.outcome,
      score: i.score,
      originalOutcome: i.originalOutcome,
      originalScore: i.originalScore,
      items: i.items,
      summary: i.summary,
      incidentId: i.incidentId,
      amendments: amendments
        .filter((a) => a.inspectionId === id)
        .map((a) => ({ at: a.at.toISOString(), reason: a.reason, items: a.items })),
      rectificationOrders: orders
        .filter((o) => o.inspectionId === id)
        .map((o) => ({ id: o.id, itemCode: o.itemCode, severity: o.severity, dueOn: o.dueOn, status: o.status })),
    };
  });
}

/** The order's times as the deadline rules read them (the response's day in Asia/Shanghai). */
export function orderTimes(o: RectificationOrderEntity): OrderTimes {
  return { status: o.status, dueOn: o.dueOn, respondedOn: o.response ? todayInShanghai(new Date(o.response.at)) : null };
}

export function orderView(o: RectificationOrderEntity): OrderView {
  const times = orderTimes(o);
  return {
    id: o.id,
    facilityId: o.facilityId,
    inspectionId: o.inspectionId,
    domain: o.domain,
    itemCode: o.itemCode,
    severity: o.severity,
    dueOn: o.dueOn,
    status: o.status,
    overdue: orderOverdue(times, todayInShanghai()),
    ...(o.status === 'responded' && times.respondedOn
      ? { verificationDueOn: verificationDueOn(times.respondedOn, config.verificationWorkingDays) }
      : {}),
    ...(o.response ? { response: { note: o.response.note, at: o.response.at } } : {}),
    ...(o.verification
      ? {
          verification: {
            accepted: o.verification.accepted,
            ...(o.verification.note ? { note: o.verification.note } : {}),
            at: o.verification.at,
          },
        }
      : {}),
  };
}
