import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, type Actor } from '@lib/auth';
import {
  awaitsProfile,
  complianceChecks,
  filingViolations,
  missingProfileFields,
  PROFILE_FIELD_LABELS,
  todayInShanghai,
  type FacilityStatus,
  type RuleCheck,
} from '@lib/standards';
import {
  classesOf,
  facilitiesByIds,
  FacilityService,
  receivingClassesNear,
  wrongState,
  writeLifecycleStep,
  type ClassEntity,
  type FacilityEntity,
  type FacilityView,
  type LifecycleFields,
} from '@lib/facilities';
import { multiListingSideFor, StaffService, type MultiListingSide } from '@lib/staff';
import { filingRequirements, incidentMismatch } from './filing.errors.js';
import { transition, type LifecycleAction } from './lifecycle.js';
import { planPlacements, type PlacementPlan } from './placement.js';
import { nextRegistrationNo } from './registration-numbers.js';
import type { ComplianceView, HistoryView, PlacementPlanView } from './dto/filing.dto.js';

/** Receiving classes may be this far from a closing facility (docs/domain.md 5). */
const PLACEMENT_RADIUS_M = 5000;

const ACTION_WORDS: Record<LifecycleAction, { zh: string; en: string }> = {
  submit: { zh: '提交备案', en: 'submitted' },
  approve: { zh: '批准备案', en: 'approved' },
  reject: { zh: '退回', en: 'rejected' },
  suspend: { zh: '暂停', en: 'suspended' },
  reinstate: { zh: '恢复', en: 'reinstated' },
  close: { zh: '关闭', en: 'closed' },
};

@Injectable()
export class FilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly staff: StaffService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async compliance(actor: Actor, facilityId: string): Promise<ComplianceView> {
    const facility = await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    // An operator sees its own side of a multi-listing only (libs/staff multi-listing.ts).
    const checks = await this.checks(this.dataSource.manager, facility, multiListingSideFor(actor.role));
    return { ok: checks.every((c) => c.ok), checks };
  }

  /** Owner: draft → submitted, or 422 listing every unmet filing requirement at once. */
  submit(actor: Actor, id: string): Promise<FacilityView> {
    return this.act(actor, id, 'submit', async (m, f) => {
      const unmet = filingViolations(await this.checks(m, f));
      if (unmet.length > 0) {
        // A draft saved incomplete: each empty field by name (`required`), then every other rule not met (those that
        // wait for an empty field are checked once it is given).
        const missing = missingProfileFields(f);
        const empty = missing.map((field) => ({
          field,
          code: 'required',
          message: {
            zh: `提交备案前须填写${PROFILE_FIELD_LABELS[field].zh}`,
            en: `The ${PROFILE_FIELD_LABELS[field].en} must be given before submission`,
          },
        }));
        const rules = unmet
          .filter((c) => c.code !== 'profile_complete' && !awaitsProfile(c.code, missing))
          .map((c) => ({ code: c.code, message: { zh: c.detail, en: c.detailEn } }));
        throw filingRequirements([...empty, ...rules]);
      }
      return { patch: { submittedAt: new Date(), rejectionReason: null } };
    });
  }

  approve(actor: Actor, id: string, note?: string): Promise<FacilityView> {
    return this.act(actor, id, 'approve', async (m, f) => {
      const year = Number(todayInShanghai().slice(0, 4));
      const registrationNo = await nextRegistrationNo(m, f.regionCode, year);
      return { patch: { registrationNo, registeredAt: new Date() }, changes: { registrationNo, ...(note ? { note } : {}) } };
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<FacilityView> {
    return this.act(actor, id, 'reject', async () => ({ patch: { rejectionReason: reason }, changes: { reason } }));
  }

  /** `incidentId`: the incident of this facility that led to it, kept in the audit entry (the incident shows it). */
  suspend(actor: Actor, id: string, reason: string, incidentId?: string): Promise<FacilityView> {
    return this.act(actor, id, 'suspend', async (m) => {
      if (incidentId) await refuseForeignIncident(m, incidentId, id);
      return { patch: { statusReason: reason }, changes: { reason, ...(incidentId ? { incidentId } : {}) } };
    });
  }

  reinstate(actor: Actor, id: string): Promise<FacilityView> {
    return this.act(actor, id, 'reinstate', async () => ({ patch: { statusReason: null } }));
  }

  /** Closure stores the emergency placement plan computed at that moment. */
  close(actor: Actor, id: string, reason: string, incidentId?: string): Promise<FacilityView> {
    return this.act(actor, id, 'close', async (m, f) => {
      if (incidentId) await refuseForeignIncident(m, incidentId, id);
      const plan = await this.computePlan(m, f.id);
      return {
        patch: { statusReason: reason, closedAt: new Date(), placementPlan: plan },
        changes: { reason, unplacedTotal: plan.unplacedTotal, ...(incidentId ? { incidentId } : {}) },
      };
    });
  }

  /** The plan stored at closure, or before closure a live preview. */
  async placementPlan(actor: Actor, id: string): Promise<PlacementPlanView> {
    const f = await this.facilities.inReach(this.dataSource.manager, reachOf(actor), id);
    if (f.status === 'closed' && f.placementPlan) return { ...(f.placementPlan as PlacementPlan), stored: true };
    return { ...(await this.computePlan(this.dataSource.manager, id)), stored: false };
  }

  /** The facility's audit trail, oldest first, paginated by entry number. */
  async history(actor: Actor, id: string, limit: number, cursor?: string): Promise<HistoryView> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), id);
    const after = decodeCursor(cursor, (v): v is number => Number.isInteger(v)) ?? 0;
    const rows = await this.audit.history('facility', id, limit + 1, after);
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ seq: _seq, ...entry }) => entry),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.seq) : null,
    };
  }

  /**
   * One lifecycle step: lock the facility in reach, check the transition (409), run the step's own
   * rule and changes, write, audit and announce, all in one transaction.
   */
  private async act(
    actor: Actor,
    id: string,
    action: LifecycleAction,
    step: (m: EntityManager, f: FacilityEntity) => Promise<{ patch: LifecycleFields; changes?: Record<string, unknown> }>,
  ): Promise<FacilityView> {
    await this.dataSource.transaction(async (m) => {
      const f = await this.facilities.inReach(m, reachOf(actor), id, true);
      const to = transition(f.status, action);
      if (!to) throw wrongState(f.status, ACTION_WORDS[action]);
      const { patch, changes } = await step(m, f);
      await writeLifecycleStep(m, f, to, patch);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: id,
        actor: { id: actor.id, role: actor.role },
        action: `facility.${action}`,
        changes: { status: { from: f.status, to }, ...changes },
      });
      await this.outbox.record(m, {
        type: 'facility.status_changed',
        facilityId: id,
        regionCode: f.regionCode,
        from: f.status,
        to: to as FacilityStatus,
      });
    });
    return this.facilities.get(actor, id);
  }

  private async checks(m: EntityManager, f: FacilityEntity, side: MultiListingSide = 'either'): Promise<RuleCheck[]> {
    return (await this.checksFor(m, [f], side)).get(f.id)!;
  }

  /**
   * Failed compliance checks per facility, for many facilities at once (risk scores). A multi-listing counts against
   * the facility that entered the later record only: a competitor cannot raise another's risk with an ID number.
   */
  async failureCounts(m: EntityManager, facilityIds: string[] | FacilityEntity[]): Promise<Map<string, number>> {
    if (facilityIds.length === 0) return new Map();
    // Given the facilities already read (the inspection plan's refresh), they are not read again.
    const facilities =
      typeof facilityIds[0] === 'string' ? await facilitiesByIds(m, facilityIds as string[]) : (facilityIds as FacilityEntity[]);
    const checks = await this.checksFor(m, facilities, 'enteredLater');
    return new Map([...checks].map(([id, list]) => [id, list.filter((c) => !c.ok).length]));
  }

  /** The compliance checks of many facilities at once (alerts, risk scores). */
  async checksByFacility(m: EntityManager, facilityIds: string[]): Promise<Map<string, RuleCheck[]>> {
    if (facilityIds.length === 0) return new Map();
    return this.checksFor(m, await facilitiesByIds(m, facilityIds));
  }

  /** Compliance of several facilities with two queries (classes, active staff), whatever their number. */
  private async checksFor(
    m: EntityManager,
    facilities: FacilityEntity[],
    side: MultiListingSide = 'either',
  ): Promise<Map<string, RuleCheck[]>> {
    const ids = facilities.map((f) => f.id);
    const classes = await classesOf(m, ids);
    const staff = await this.staff.activeFactsFor(m, ids, side);
    const byFacility = new Map<string, ClassEntity[]>();
    for (const c of classes) byFacility.set(c.facilityId, [...(byFacility.get(c.facilityId) ?? []), c]);
    const today = todayInShanghai();
    return new Map(
      facilities.map((f) => [
        f.id,
        complianceChecks({
          facility: f,
          classes: (byFacility.get(f.id) ?? []).map((c) => ({
            id: c.id,
            name: c.name,
            ageGroup: c.ageGroup,
            places: c.places,
            enrolled: c.enrolled,
          })),
          staff: staff.get(f.id) ?? [],
          today,
        }),
      ]),
    );
  }

  /** Classes of registered facilities within 5 km with room (IDX_facilities_location_registered), then the pure allocation. */
  private async computePlan(m: EntityManager, facilityId: string): Promise<PlacementPlan> {
    const closing = await classesOf(m, [facilityId]);
    const receiving = await receivingClassesNear(m, facilityId, PLACEMENT_RADIUS_M);
    return planPlacements(
      closing.map((c) => ({ classId: c.id, ageGroup: c.ageGroup, enrolled: c.enrolled })),
      receiving,
    );
  }
}

/**
 * 422 unless the incident is one of this facility: read from `incident_facts`, the read model libs/incidents owns
 * (this library lies left of incidents and may not import it).
 */
async function refuseForeignIncident(m: EntityManager, incidentId: string, facilityId: string): Promise<void> {
  const rows: unknown[] = await m.query('SELECT 1 FROM incident_facts WHERE id = $1 AND facility_id = $2', [incidentId, facilityId]);
  if (rows.length === 0) throw incidentMismatch();
}
