import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page, type Violation } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import { addDays, todayInShanghai } from '@lib/standards';
import { FacilityEntity, FacilityService } from '@lib/facilities';
import { FilingService } from '@lib/filing';
import { multiListedSql } from '@lib/staff';
import { checklistVersion, currentChecklist } from './checklists/index.js';
import { DEFAULT_INSPECTION_CONFIG } from './rules/inspection-config.js';
import { applyAmendments, dueOn, evaluate, reopenDueOn, validateAnswers, validateCorrections } from './rules/outcome.js';
import { inspectionDateViolation } from './rules/inspection-date.js';
import { inspectionDue, riskScore } from './rules/risk.js';
import { plainSummary } from './rules/summary.js';
import { DOMAINS, DOMAIN_AGENCY, type Domain, type ItemAnswer, type Outcome } from './inspection-rules.types.js';
import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
import {
  InspectionError,
  InspectionErrorCode,
  implausibleDate,
  incidentMismatch,
  inspectionNotFound,
  notRegulator,
  orderNotFound,
  wrongAgency,
} from './inspection.errors.js';
import type {
  AmendmentDto,
  ChecklistView,
  CreateInspectionDto,
  InspectionView,
  ListQuery,
  OrderListQuery,
  OrderView,
  PlanItemView,
  PlanQuery,
} from './dto/inspection.dto.js';

const INSPECTABLE = ['submitted', 'registered', 'suspended'];
const config = DEFAULT_INSPECTION_CONFIG;

/** The Asia/Shanghai date of an instant. */
const shanghaiDate = (at: Date) => todayInShanghai(at);

@Injectable()
export class InspectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly filing: FilingService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  checklists(today = todayInShanghai()): ChecklistView[] {
    return DOMAINS.map((d) => {
      const c = currentChecklist(d, today);
      return { domain: d, version: c.version, items: c.items };
    });
  }

  /** Records an inspection with its outcome, score and an order per failed item, all or nothing. */
  async record(actor: Actor, facilityId: string, dto: CreateInspectionDto): Promise<InspectionView> {
    const id = await this.dataSource.transaction(async (m) => {
      const facility = await this.facilities.inReach(m, reachOf(actor), facilityId, true);
      mayRecord(actor, dto.domain);
      if (!INSPECTABLE.includes(facility.status)) {
        throw new InspectionError(InspectionErrorCode.WrongState, {
          zh: `机构状态为「${facility.status}」，不能检查`,
          en: `The facility is ${facility.status}: it cannot be inspected`,
        });
      }
      if (dto.incidentId) await refuseForeignIncident(m, dto.incidentId, facilityId);
      const inspectedAt = new Date(dto.inspectedAt);
      const inspectedOn = shanghaiDate(inspectedAt);
      const dateViolation = inspectionDateViolation(inspectedAt, inspectedOn, shanghaiDate(facility.createdAt), new Date(), config);
      if (dateViolation) throw implausibleDate(dateViolation);
      const checklist = currentChecklist(dto.domain, inspectedOn);
      // Every item of the checklist answered exactly once.
      refuseItems(validateAnswers(checklist, dto.items));
      const { outcome, score, failed } = evaluate(checklist, dto.items, config);
      const inspection = await m.save(
        m.create(InspectionEntity, {
          facilityId,
          domain: dto.domain,
          checklistVersion: checklist.version,
          inspectedAt,
          inspectedOn,
          inspectorId: actor.id,
          items: dto.items.map(cleanAnswer),
          summary: dto.summary ?? null,
          incidentId: dto.incidentId ?? null,
          originalOutcome: outcome,
          originalScore: score,
          outcome,
          score,
        }),
      );
      if (failed.length > 0) {
        await m.insert(
          RectificationOrderEntity,
          failed.map((f) => ({
            facilityId,
            inspectionId: inspection.id,
            domain: dto.domain,
            itemCode: f.code,
            severity: f.severity,
            dueOn: dueOn(inspectedOn, f.severity, config),
          })),
        );
      }
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'inspection.recorded',
        changes: {
          inspectionId: inspection.id,
          domain: dto.domain,
          outcome,
          score,
          failed: failed.map((f) => f.code),
          ...(dto.incidentId ? { incidentId: dto.incidentId } : {}),
        },
      });
      if (failed.length > 0) await this.outbox.record(m, { type: 'order.changed', facilityId, orderId: inspection.id });
      return inspection.id;
    });
    return this.view(this.dataSource.manager, id);
  }

  async get(actor: Actor, id: string): Promise<InspectionView> {
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOneBy({ id });
    if (!inspection) throw inspectionNotFound();
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), inspection.facilityId).catch(() => {
      throw inspectionNotFound();
    });
    return this.view(this.dataSource.manager, id);
  }

  /** A facility's inspections in all four domains, newest first. */
  async list(actor: Actor, facilityId: string, query: ListQuery): Promise<Page<InspectionView>> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    const params: unknown[] = [facilityId];
    const keyset = after ? `AND (inspected_at, id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : '';
    const rows: { id: string; inspected_at: Date }[] = await this.dataSource.query(
      `SELECT id, inspected_at FROM inspections WHERE facility_id = $1 ${keyset} ORDER BY inspected_at DESC, id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const items = await this.views(
      this.dataSource.manager,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.inspected_at.toISOString(), last.id]) : null };
  }

  /**
   * Amendments append; the effective outcome and score are recomputed from the original answers with
   * every amendment applied. Items that now fail get orders; orders of items that now pass are resolved.
   */
  async amend(actor: Actor, id: string, dto: AmendmentDto): Promise<InspectionView> {
    await this.dataSource.transaction(async (m) => {
      const inspection = await m.getRepository(InspectionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inspection) throw inspectionNotFound();
      await this.facilities.inReach(m, reachOf(actor), inspection.facilityId).catch(() => {
        throw inspectionNotFound();
      });
      mayRecord(actor, inspection.domain);
      const checklist = checklistVersion(inspection.domain, inspection.checklistVersion);
      // Corrections name items of the inspection's checklist version, each once.
      refuseItems(validateCorrections(checklist, dto.items));
      const earlier = await m.getRepository(InspectionAmendmentEntity).find({ where: { inspectionId: id }, order: { at: 'ASC' } });
      const effective = applyAmendments(inspection.items, [...earlier, { items: dto.items }]);
      const { outcome, score, failed } = evaluate(checklist, effective, config);
      await m.insert(InspectionAmendmentEntity, {
        inspectionId: id,
        actorId: actor.id,
        reason: dto.reason,
        items: dto.items.map(cleanAnswer),
      });
      await m.update(InspectionEntity, { id }, { outcome, score });

      const today = todayInShanghai();
      const failing = new Set(failed.map((f) => f.code));
      const unresolved = await m
        .getRepository(RectificationOrderEntity)
        .find({ where: { inspectionId: id, status: In(['open', 'responded']) } });
      for (const order of unresolved.filter((o) => !failing.has(o.itemCode))) {
        await m.update(
          RectificationOrderEntity,
          { id: order.id },
          {
            status: 'resolved',
            resolvedAt: new Date(),
            verification: { accepted: true, note: `amended: ${dto.reason}`, at: new Date().toISOString(), by: actor.id },
          },
        );
      }
      const covered = new Set(unresolved.map((o) => o.itemCode));
      const fresh = failed.filter((f) => !covered.has(f.code));
      if (fresh.length > 0) {
        await m.insert(
          RectificationOrderEntity,
          fresh.map((f) => ({
            facilityId: inspection.facilityId,
            inspectionId: id,
            domain: inspection.domain,
            itemCode: f.code,
            severity: f.severity,
            dueOn: reopenDueOn(today, f.severity, config),
          })),
        );
      }
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: inspection.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'inspection.amended',
        changes: {
          inspectionId: id,
          reason: dto.reason,
          outcome: { from: inspection.outcome, to: outcome },
          score: { from: inspection.score, to: score },
        },
      });
      await this.outbox.record(m, { type: 'order.changed', facilityId: inspection.facilityId, orderId: id });
    });
    return this.view(this.dataSource.manager, id);
  }

  // --- rectification orders --------------------------------------------------------

  async orders(actor: Actor, query: OrderListQuery): Promise<Page<OrderView>> {
    const params: unknown[] = [];
    const where = [reachPredicate(reachOf(actor), { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params)];
    if (query.facilityId) where.push(`o.facility_id = $${params.push(query.facilityId)}`);
    if (query.status === 'overdue') where.push(`o.status <> 'resolved' AND o.due_on < $${params.push(todayInShanghai())}`);
    else if (query.status) where.push(`o.status = $${params.push(query.status)}`);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(o.due_on, o.id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
    // Most urgent first.
    const rows: { id: string; due_on: string }[] = await this.dataSource.query(
      `SELECT o.id, to_char(o.due_on, 'YYYY-MM-DD') AS due_on FROM rectification_orders o JOIN facilities f ON f.id = o.facility_id
        WHERE ${where.join(' AND ')} ORDER BY o.due_on, o.id LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const orders = page.length
      ? await this.dataSource.getRepository(RectificationOrderEntity).findBy({ id: In(page.map((r) => r.id)) })
      : [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => orderView(byId.get(r.id)!)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_on, last.id]) : null,
    };
  }

  /** The owner answers an open order: → responded. */
  respond(actor: Actor, orderId: string, note: string): Promise<OrderView> {
    return this.orderStep(actor, orderId, 'open', async (m, order) => {
      await m.update(
        RectificationOrderEntity,
        { id: order.id },
        { status: 'responded', response: { note, at: new Date().toISOString(), by: actor.id } },
      );
      return { action: 'order.responded', changes: { orderId: order.id, itemCode: order.itemCode, note } };
    });
  }

  /**
   * A regulator of the order's agency (or health) verifies a response: accepted → resolved; refused →
   * open again with a new due date counted from today.
   */
  verify(actor: Actor, orderId: string, accepted: boolean, note?: string): Promise<OrderView> {
    return this.orderStep(actor, orderId, 'responded', async (m, order) => {
      if (actor.agency !== 'health' && actor.agency !== DOMAIN_AGENCY[order.domain]) throw wrongAgency(order.domain);
      const verification = { accepted, ...(note ? { note } : {}), at: new Date().toISOString(), by: actor.id };
      await m.update(
        RectificationOrderEntity,
        { id: order.id },
        accepted
          ? { status: 'resolved', resolvedAt: new Date(), verification }
          : { status: 'open', dueOn: reopenDueOn(todayInShanghai(), order.severity, config), verification },
      );
      return {
        action: accepted ? 'order.resolved' : 'order.reopened',
        changes: { orderId: order.id, itemCode: order.itemCode, accepted, note },
      };
    });
  }

  private async orderStep(
    actor: Actor,
    orderId: string,
    from: RectificationOrderEntity['status'],
    step: (m: EntityManager, order: RectificationOrderEntity) => Promise<{ action: string; changes: Record<string, unknown> }>,
  ): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await m
        .getRepository(RectificationOrderEntity)
        .findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw orderNotFound();
      await this.facilities.inReach(m, reachOf(actor), order.facilityId).catch(() => {
        throw orderNotFound();
      });
      if (order.status !== from) {
        throw new InspectionError(InspectionErrorCode.WrongState, {
          zh: `整改通知状态为「${order.status}」，不能执行此操作`,
          en: `The order is ${order.status}: this step does not apply`,
        });
      }
      const { action, changes } = await step(m, order);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: order.facilityId,
        actor: { id: actor.id, role: actor.role },
        action,
        changes,
      });
      await this.outbox.record(m, { type: 'order.changed', facilityId: order.facilityId, orderId: order.id });
    });
    return orderView((await this.dataSource.getRepository(RectificationOrderEntity).findOneBy({ id: orderId }))!);
  }

  // --- risk-ordered inspection plan -------------------------------------------------------

  async plan(actor: Actor, query: PlanQuery): Promise<Page<PlanItemView>> {
    const m = this.dataSource.manager;
    const today = todayInShanghai();
    const params: unknown[] = [];
    const where = [
      "f.status IN ('submitted', 'registered', 'suspended')",
      reachPredicate(reachOf(actor), { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params),
    ];
    if (query.regionCode) where.push(`f.region_code = $${params.push(query.regionCode)}`);
    const inScope: { id: string }[] = await m.query(`SELECT f.id FROM facilities f WHERE ${where.join(' AND ')}`, params);
    const ids = inScope.map((r) => r.id);
    const facilities = ids.length ? await m.getRepository(FacilityEntity).findBy({ id: In(ids) }) : [];
    const domains = query.domain ? [query.domain] : [...DOMAINS];
    const [latest, orders, multi, failures, incidents] = await Promise.all([
      m.query(
        `SELECT DISTINCT ON (facility_id, domain) facility_id, domain, inspected_at, to_char(inspected_on, 'YYYY-MM-DD') AS inspected_on, outcome
           FROM inspections WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, domain, inspected_at DESC`,
        [ids],
      ) as Promise<{ facility_id: string; domain: Domain; inspected_at: Date; inspected_on: string; outcome: Outcome }[]>,
      m.query(
        `SELECT facility_id, domain, count(*)::int AS open, count(*) FILTER (WHERE due_on < $2)::int AS overdue
           FROM rectification_orders WHERE facility_id = ANY($1::uuid[]) AND status <> 'resolved' GROUP BY facility_id, domain`,
        [ids, today],
      ) as Promise<{ facility_id: string; domain: Domain; open: number; overdue: number }[]>,
      m.query(
        `SELECT DISTINCT s.facility_id FROM staff s
          WHERE s.facility_id = ANY($1::uuid[]) AND s.ended_on IS NULL
            AND ${multiListedSql('s', 'enteredLater')}`,
        [ids],
      ) as Promise<{ facility_id: string }[]>,
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
    const multiListed = new Set(multi.map((r) => r.facility_id));
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

  /** The inspections recorded with each of these incidents (libs/incidents shows them on the incident). */
  async byIncidents(incidentIds: string[]): Promise<Map<string, { id: string; domain: Domain; outcome: Outcome; inspectedAt: string }[]>> {
    const out = new Map<string, { id: string; domain: Domain; outcome: Outcome; inspectedAt: string }[]>();
    if (incidentIds.length === 0) return out;
    const rows = await this.dataSource
      .getRepository(InspectionEntity)
      .find({ where: { incidentId: In(incidentIds) }, order: { inspectedAt: 'ASC', id: 'ASC' } });
    for (const r of rows) {
      out.set(r.incidentId!, [
        ...(out.get(r.incidentId!) ?? []),
        { id: r.id, domain: r.domain, outcome: r.outcome, inspectedAt: r.inspectedAt.toISOString() },
      ]);
    }
    return out;
  }

  // --- public side (used by the parents' search) ------------------------------------------

  /**
   * The latest effective outcome per domain of each facility and a plain-language summary of what failed
   * and whether it was put right. No inspector identities.
   */
  async publicRecord(facilityIds: string[], lang: 'zh' | 'en' = 'zh') {
    if (facilityIds.length === 0) return new Map<string, { domain: Domain; outcome: Outcome; inspectedAt: string; summary: string }[]>();
    const latest: {
      id: string;
      facility_id: string;
      domain: Domain;
      checklist_version: number;
      inspected_at: Date;
      outcome: Outcome;
      items: ItemAnswer[];
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (facility_id, domain) id, facility_id, domain, checklist_version, inspected_at, outcome, items
           FROM inspections WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, domain, inspected_at DESC`,
      [facilityIds],
    );
    const ids = latest.map((l) => l.id);
    const [amendments, unresolved] = ids.length
      ? await Promise.all([
          this.dataSource.getRepository(InspectionAmendmentEntity).find({ where: { inspectionId: In(ids) }, order: { at: 'ASC' } }),
          this.dataSource
            .getRepository(RectificationOrderEntity)
            .find({ where: { inspectionId: In(ids), status: In(['open', 'responded']) } }),
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

  private async view(m: EntityManager, id: string): Promise<InspectionView> {
    return (await this.views(m, [id]))[0]!;
  }

  private async views(m: EntityManager, ids: string[]): Promise<InspectionView[]> {
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
}

/** Only a regulator of the domain's agency records or amends it (health records hygiene). */
/** Called once the facility is known to be in reach, so that a caller who may not see it learns nothing (404 first). */
function mayRecord(actor: Actor, domain: Domain): void {
  if (actor.role !== 'regulator') throw notRegulator();
  if (actor.agency !== DOMAIN_AGENCY[domain]) throw wrongAgency(domain);
}

/**
 * 422 unless the incident is one of this facility: read from `incident_facts`, the read model libs/incidents owns
 * (a view over its table), since this library may not import incidents.
 */
async function refuseForeignIncident(m: EntityManager, incidentId: string, facilityId: string): Promise<void> {
  const rows: unknown[] = await m.query('SELECT 1 FROM incident_facts WHERE id = $1 AND facility_id = $2', [incidentId, facilityId]);
  if (rows.length === 0) throw incidentMismatch();
}

function cleanAnswer(a: ItemAnswer): ItemAnswer {
  return { code: a.code, result: a.result, ...(a.note ? { note: a.note } : {}) };
}

/** 400 naming missing, unknown and repeated item codes, if any. */
function refuseItems(problems: { missing?: string[]; unknown: string[]; duplicate: string[] }): void {
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

function orderView(o: RectificationOrderEntity): OrderView {
  return {
    id: o.id,
    facilityId: o.facilityId,
    inspectionId: o.inspectionId,
    domain: o.domain,
    itemCode: o.itemCode,
    severity: o.severity,
    dueOn: o.dueOn,
    status: o.status,
    overdue: o.status !== 'resolved' && o.dueOn < todayInShanghai(),
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
