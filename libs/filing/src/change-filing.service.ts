import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, definedOnly, encodeCursor, registryConfig, type Page, type RegistryConfig } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import { FACILITY_HEADINGS_SQL, FacilityService, type ClassChange, type ClassEntity, type FacilityEntity } from '@lib/facilities';
import { StaffService, unassignClass } from '@lib/staff';
import {
  complianceChecks,
  filingViolations,
  MATERIAL_FACILITY_FIELDS,
  pastWorkingDayDeadline,
  todayInShanghai,
  type ComplianceCheck,
  type FacilityStatus,
} from '@lib/standards';
import { ChangeFilingEntity } from './change-filing.entity.js';
import { changesSomething, proposedState } from './change-filing.js';
import { changeInvalid, changeNotAllowed, changeNotFound, changePending, changeWrongState, filingRequirements } from './filing.errors.js';
import type {
  ChangeCheckDto,
  ChangeCheckView,
  ChangeFilingQuery,
  ChangeFilingView,
  CreateChangeFilingDto,
} from './dto/change-filing.dto.js';

/** Facilities that have been registered file changes (docs/api.md "Change filings (变更备案) and what counts"). */
const APPROVED: readonly FacilityStatus[] = ['registered', 'suspended'];

interface Row {
  id: string;
  facility_id: string;
  facility_name: string;
  region_code: string;
  status: ChangeFilingEntity['status'];
  reason: string;
  facility: Record<string, unknown>;
  classes: ClassChange[];
  before: Record<string, unknown>;
  submitted_at: Date;
  decided_at: Date | null;
  decision: ChangeFilingEntity['decision'];
}

const SELECT = `SELECT cf.id, cf.facility_id, f.name AS facility_name, f.region_code, cf.status, cf.reason, cf.facility, cf.classes,
                       cf.before, cf.submitted_at, cf.decided_at, cf.decision
                  FROM change_filings cf JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = cf.facility_id`;

/** A pending change filing as stored (the service after its checks, and the demo seed). Returns its id. */
export async function insertChangeFiling(
  m: EntityManager,
  row: {
    facilityId: string;
    /** The facility's unit now. */
    regionCode: string;
    reason: string;
    facility: Record<string, unknown>;
    classes: readonly unknown[];
    before: { facility: Record<string, unknown>; classes: readonly unknown[] };
    submittedBy: string;
    submittedAt?: Date;
  },
): Promise<string> {
  const inserted: { id: string }[] = await m.query(
    `INSERT INTO change_filings (facility_id, region_code, status, reason, facility, classes, before, submitted_by, submitted_at)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, COALESCE($8, now())) RETURNING id`,
    [
      row.facilityId,
      row.regionCode,
      row.reason,
      JSON.stringify(row.facility),
      JSON.stringify(row.classes),
      JSON.stringify(row.before),
      row.submittedBy,
      row.submittedAt ?? null,
    ],
  );
  return inserted[0]!.id;
}

@Injectable()
export class ChangeFilingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly staff: StaffService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(registryConfig.KEY) private readonly config: RegistryConfig,
  ) {}

  /**
   * Owner: files a change of a registered or suspended facility. Only the fields that differ are kept; the state
   * after the change must meet the filing requirements (422 listing every broken rule); one pending at a time (409).
   */
  async create(actor: Actor, facilityId: string, dto: CreateChangeFilingDto): Promise<ChangeFilingView> {
    const id = await this.dataSource.transaction(async (m) => {
      const f = await this.facilities.inReach(m, reachOf(actor), facilityId, true);
      if (!APPROVED.includes(f.status)) throw changeNotAllowed(f.status);
      const [pending] = await m.query(`SELECT 1 FROM change_filings WHERE facility_id = $1 AND status = 'pending'`, [facilityId]);
      if (pending) throw changePending();
      const current = this.facilities.view(f) as unknown as Record<string, unknown>;
      const proposed = definedOnly((dto.facility ?? {}) as Record<string, unknown>);
      const facility = Object.fromEntries(Object.entries(proposed).filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v)));
      const classes = (dto.classes ?? []).map((c) => definedOnly({ ...c }) as ClassChange);
      if (!changesSomething({ facility, classes })) {
        throw changeInvalid([
          { field: 'facility', code: 'required', message: { zh: '变更备案须至少修改一项内容', en: 'the filing changes nothing' } },
        ]);
      }
      await this.check(m, f, { facility, classes });
      const before = {
        facility: Object.fromEntries(MATERIAL_FACILITY_FIELDS.filter((k) => k in facility).map((k) => [k, current[k]])),
        classes: (await this.classesOf(m, facilityId)).map((c) => ({
          id: c.id,
          name: c.name,
          ageGroup: c.ageGroup,
          places: c.places,
          enrolled: c.enrolled,
        })),
      };
      const changeId = await insertChangeFiling(m, {
        facilityId,
        regionCode: f.regionCode,
        reason: dto.reason,
        facility,
        classes,
        before,
        submittedBy: actor.id,
      });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'change_filing.created',
        changes: { changeFilingId: changeId, reason: dto.reason, facility, classes },
      });
      await this.outbox.record(m, { type: 'change_filing.changed', facilityId, changeFilingId: changeId, status: 'pending' });
      return changeId;
    });
    return this.one(id);
  }

  /**
   * Owner: the filing requirements against the facility as it would be after the change, without filing anything
   * (the console's live check). Broken class references answer 400 as on create; a location outside every unit 422.
   */
  async checkChange(actor: Actor, facilityId: string, dto: ChangeCheckDto): Promise<ChangeCheckView> {
    const m = this.dataSource.manager;
    const f = await this.facilities.inReach(m, reachOf(actor), facilityId);
    if (!APPROVED.includes(f.status)) throw changeNotAllowed(f.status);
    const checks = await this.proposedChecks(m, f, {
      facility: definedOnly((dto.facility ?? {}) as Record<string, unknown>),
      classes: (dto.classes ?? []).map((c) => definedOnly({ ...c }) as ClassChange),
    });
    return { acceptable: filingViolations(checks).length === 0, checks };
  }

  /** A facility's change filings, newest first (owner, regulators in reach). */
  async listForFacility(actor: Actor, facilityId: string): Promise<ChangeFilingView[]> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE cf.facility_id = $1 ORDER BY cf.submitted_at DESC, cf.id DESC`, [
      facilityId,
    ]);
    return rows.map((r) => this.view(r));
  }

  /** The review queue: change filings of facilities in reach, oldest first (keyset on submitted_at, id). */
  async queue(actor: Actor, q: ChangeFilingQuery): Promise<Page<ChangeFilingView>> {
    const params: unknown[] = [];
    // The filing's own copy of the facility's unit (IDX_change_filings_region_status).
    const where = [reachPredicate(reachOf(actor), { unitCode: 'cf.region_code', ownerId: 'f.owner_id' }, params)];
    if (q.status) where.push(`cf.status = $${params.push(q.status)}`);
    if (q.regionCode) where.push(`cf.region_code = $${params.push(q.regionCode)}`);
    const after = decodeCursor(
      q.cursor,
      (v): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'),
    );
    if (after) where.push(`(cf.submitted_at, cf.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const limit = q.limit ?? 20;
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY cf.submitted_at, cf.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.view(r)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.submitted_at.toISOString(), last.id]) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ChangeFilingView> {
    const view = await this.one(id).catch(() => {
      throw changeNotFound();
    });
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), view.facilityId).catch(() => {
      throw changeNotFound();
    });
    return view;
  }

  /** Health regulator in reach: applies the change in one transaction (FacilityService.applyChange). */
  approve(actor: Actor, id: string, note?: string): Promise<ChangeFilingView> {
    return this.decide(actor, id, 'approved', note ? { note } : {}, async (m, f, filing) => {
      await this.check(m, f, { facility: filing.facility, classes: filing.classes });
      const { regionCode } = await this.facilities.applyChange(
        m,
        actor,
        f,
        { facility: filing.facility, classes: filing.classes },
        id,
        unassignClass,
      );
      // A move to another unit takes the facility's filings with it: their unit is always the facility's.
      if (regionCode !== f.regionCode) {
        await m.query('UPDATE change_filings SET region_code = $2 WHERE facility_id = $1', [f.id, regionCode]);
      }
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<ChangeFilingView> {
    return this.decide(actor, id, 'rejected', { reason });
  }

  /** Owner: withdraws its pending change filing. */
  withdraw(actor: Actor, id: string): Promise<ChangeFilingView> {
    return this.decide(actor, id, 'withdrawn', {});
  }

  private async decide(
    actor: Actor,
    id: string,
    to: 'approved' | 'rejected' | 'withdrawn',
    decision: { note?: string; reason?: string },
    apply?: (m: EntityManager, f: FacilityEntity, filing: ChangeFilingEntity) => Promise<void>,
  ): Promise<ChangeFilingView> {
    await this.dataSource.transaction(async (m) => {
      const peek = await m.getRepository(ChangeFilingEntity).findOneBy({ id });
      if (!peek) throw changeNotFound();
      // The facility first (the lock order of every facility write), then the filing.
      const f = await this.facilities.inReach(m, reachOf(actor), peek.facilityId, true).catch(() => {
        throw changeNotFound();
      });
      const filing = (await m.getRepository(ChangeFilingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }))!;
      if (filing.status !== 'pending') throw changeWrongState(filing.status);
      if (apply) {
        if (!APPROVED.includes(f.status)) throw changeNotAllowed(f.status);
        await apply(m, f, filing);
      }
      await m.update(ChangeFilingEntity, { id }, { status: to, decidedAt: new Date(), decidedBy: actor.id, decision });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: f.id,
        actor: { id: actor.id, role: actor.role },
        action: `change_filing.${to}`,
        changes: { changeFilingId: id, status: { from: 'pending', to }, ...decision },
      });
      await this.outbox.record(m, { type: 'change_filing.changed', facilityId: f.id, changeFilingId: id, status: to });
    });
    return this.one(id);
  }

  /** The filing requirements against the state after the change (422), and a new location inside a unit (422). */
  private async check(m: EntityManager, f: FacilityEntity, change: { facility: Record<string, unknown>; classes: ClassChange[] }) {
    const unmet = filingViolations(await this.proposedChecks(m, f, change));
    if (unmet.length > 0) throw filingRequirements(unmet.map((c) => ({ code: c.code, message: { zh: c.detail, en: c.detailEn } })));
  }

  /** Every rule against the facility and its classes as they would be after the change (400 for broken references). */
  private async proposedChecks(
    m: EntityManager,
    f: FacilityEntity,
    change: { facility: Record<string, unknown>; classes: ClassChange[] },
  ): Promise<ComplianceCheck[]> {
    const location = change.facility['location'] as { lat: number; lng: number } | undefined;
    if (location) await this.facilities.unitFor(m, location);
    const current = await this.classesOf(m, f.id);
    const proposed = proposedState(
      f,
      current.map((c) => ({ id: c.id, name: c.name, ageGroup: c.ageGroup, places: c.places, enrolled: c.enrolled })),
      { facility: change.facility, classes: change.classes },
    );
    if (proposed.invalid.length > 0) throw changeInvalid(proposed.invalid);
    const staff = (await this.staff.activeFactsFor(m, [f.id])).get(f.id) ?? [];
    return complianceChecks({ facility: proposed.facility, classes: proposed.classes, staff, today: todayInShanghai() });
  }

  private classesOf(m: EntityManager, facilityId: string): Promise<ClassEntity[]> {
    return this.facilities.classesIn(m, facilityId);
  }

  private async one(id: string): Promise<ChangeFilingView> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE cf.id = $1`, [id]);
    if (!rows[0]) throw changeNotFound();
    return this.view(rows[0]);
  }

  private view(r: Row): ChangeFilingView {
    const today = todayInShanghai();
    return {
      id: r.id,
      facilityId: r.facility_id,
      facilityName: r.facility_name,
      regionCode: r.region_code,
      status: r.status,
      reason: r.reason,
      facility: r.facility,
      classes: r.classes,
      before: r.before,
      submittedAt: r.submitted_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      decision: r.decision,
      overdue:
        r.status === 'pending' && pastWorkingDayDeadline(todayInShanghai(r.submitted_at), today, this.config.reviewDeadlineWorkingDays),
    };
  }
}
