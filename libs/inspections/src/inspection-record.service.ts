import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, type Actor } from '@lib/auth';
import { todayInShanghai } from '@lib/standards';
import { FacilityService } from '@lib/facilities';
import { checklistVersion, currentChecklist } from './checklists/index.js';
import { refreshLatestInspections } from './latest-inspections.js';
import { refreshYearlyCounts } from './yearly-counts.js';
import { PlanItemsService } from './plan-items.js';
import { applyAmendments, dueOn, evaluate, reopenDueOn, validateAnswers, validateCorrections } from './rules/outcome.js';
import { inspectionDateViolation } from './rules/inspection-date.js';
import { DOMAINS, type Domain, type Outcome } from './inspection-rules.types.js';
import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
import { InspectionError, InspectionErrorCode, implausibleDate, incidentMismatch, inspectionNotFound } from './inspection.errors.js';
import { cleanAnswer, config, INSPECTABLE, inspectionViews, mayRecord, refuseItems } from './inspection-support.js';
import type { AmendmentDto, ChecklistView, CreateInspectionDto, InspectionView, ListQuery } from './dto/inspection.dto.js';

/** The Asia/Shanghai date of an instant. */
const shanghaiDate = (at: Date) => todayInShanghai(at);

/** Recording inspections and their amendments (docs/api.md "Inspections and rectification orders", docs/inspections.md). */
@Injectable()
export class InspectionRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly planItems: PlanItemsService,
  ) {}

  /** Each domain's checklist in force on `on` (YYYY-MM-DD, Asia/Shanghai; today when absent). */
  checklists(on: string = todayInShanghai()): ChecklistView[] {
    return DOMAINS.map((d) => {
      const c = currentChecklist(d, on);
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
      await refreshLatestInspections(m, [facilityId]);
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
      await refreshYearlyCounts(m, [facilityId]);
      if (failed.length > 0) await this.outbox.record(m, { type: 'order.changed', facilityId, orderId: inspection.id });
      // The plan follows the inspection when it is recorded, not when the worker gets to it.
      await this.planItems.refresh(m, [facilityId]);
      return inspection.id;
    });
    return (await inspectionViews(this.dataSource.manager, [id]))[0]!;
  }

  async get(actor: Actor, id: string): Promise<InspectionView> {
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOneBy({ id });
    if (!inspection) throw inspectionNotFound();
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), inspection.facilityId).catch(() => {
      throw inspectionNotFound();
    });
    return (await inspectionViews(this.dataSource.manager, [id]))[0]!;
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
    const items = await inspectionViews(
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
      await refreshLatestInspections(m, [inspection.facilityId]);

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
      await refreshYearlyCounts(m, [inspection.facilityId]);
      await this.outbox.record(m, { type: 'order.changed', facilityId: inspection.facilityId, orderId: id });
      await this.planItems.refresh(m, [inspection.facilityId]);
    });
    return (await inspectionViews(this.dataSource.manager, [id]))[0]!;
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
}

/**
 * 422 unless the incident is one of this facility: read from `incident_facts`, the read model libs/incidents owns
 * (a view over its table), since this library may not import incidents.
 */
async function refuseForeignIncident(m: EntityManager, incidentId: string, facilityId: string): Promise<void> {
  const rows: unknown[] = await m.query('SELECT 1 FROM incident_facts WHERE id = $1 AND facility_id = $2', [incidentId, facilityId]);
  if (rows.length === 0) throw incidentMismatch();
}
