import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, definedOnly, encodeCursor, registryConfig, type Page, type RegistryConfig } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { RegionService } from '@lib/regions';
import { reachOf, reachPredicate, type Actor, type Reach } from '@lib/auth';
import {
  classViolations,
  homeBasedLimitViolation,
  MATERIAL_FACILITY_FIELDS,
  pastWorkingDayDeadline,
  todayInShanghai,
  type AffordableDecision,
  type AgeGroupName,
  type FacilityStatus,
} from '@lib/standards';
import { ClassEntity, FacilityEntity } from './facility.entity.js';
import {
  classHeld,
  affordableFeeCeiling,
  affordableRules,
  changeFilingRequired,
  classNotFound,
  classRules,
  facilityNotFound,
  outsideJurisdiction,
  versionMismatch,
  versionRequired,
  wrongState,
} from './facility.errors.js';
import { publicOffset } from './public-location.js';
import { refreshClassSummaries } from './class-summary.js';
import { facilityListSql } from './facility-list.js';
import type { AffordableDecisionDto, CreateFacilityDto, FacilityListQuery, FacilityView, UpdateFacilityDto } from './dto/facility.dto.js';
import type { ClassView, CreateClassDto, UpdateClassDto } from './dto/class.dto.js';

/** Statuses in which the owner may edit the profile and the classes (docs/api.md). */
const EDITABLE: readonly FacilityStatus[] = ['draft', 'registered'];
/** Statuses of a facility that has been registered: material changes go through a change filing (docs/api.md "Change filings (变更备案) and what counts"). */
const APPROVED: readonly FacilityStatus[] = ['registered', 'suspended'];

/** A change filing's content as approved, applied by `applyChange` in the approval's transaction. */
export interface ApprovedChange {
  facility: Partial<Pick<CreateFacilityDto, (typeof MATERIAL_FACILITY_FIELDS)[number]>>;
  classes: ClassChange[];
}
export interface ClassChange {
  op: 'add' | 'update' | 'remove';
  classId?: string;
  name?: string;
  ageGroup?: AgeGroupName;
  places?: number;
  enrolled?: number;
}

/**
 * What else goes with a class when it is removed, in the removal's transaction: libs/staff takes it off the caregivers
 * assigned to it (unassignClass). The staff table is libs/staff's, which lies right of this library, so it is passed in.
 */
export type ClassRemoval = (m: EntityManager, facilityId: string, classId: string) => Promise<void>;

const actorRef = (a: Actor) => ({ id: a.id, role: a.role });

@Injectable()
export class FacilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly regions: RegionService,
    @Inject(registryConfig.KEY) private readonly config: RegistryConfig,
  ) {}

  /** The supervisory unit covering the point, or 422 outside_jurisdiction. */
  private async unitAt(m: EntityManager, lat: number, lng: number): Promise<string> {
    const code = await this.regions.unitAt(lat, lng, m);
    if (!code) throw outsideJurisdiction();
    return code;
  }

  async create(actor: Actor, dto: CreateFacilityDto): Promise<FacilityView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const regionCode = await this.unitAt(m, dto.location.lat, dto.location.lng);
      // A draft may be saved with its name and location only (issue #18, item 5): unticked flags, no documents yet.
      const facility = m.create(FacilityEntity, {
        ...dto,
        affordable: dto.affordable ?? false,
        medicalIntegrated: dto.medicalIntegrated ?? false,
        servesMeals: dto.servesMeals ?? false,
        surveillance: dto.surveillance ?? false,
        documents: dto.documents ?? [],
        id,
        ownerId: actor.id,
        location: point(dto.location.lng, dto.location.lat),
        publicLocation: point(dto.location.lng, dto.location.lat),
        regionCode,
        status: 'draft',
        affordableStatus: dto.affordable ? 'applied' : null,
      });
      await m.insert(FacilityEntity, facility as never);
      await setPublicLocation(m, id, dto.kind ?? null);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: id,
        actor: actorRef(actor),
        action: 'facility.created',
        changes: { ...dto },
      });
      await this.outbox.record(m, { type: 'facility.created', facilityId: id, regionCode });
    });
    return this.view(await this.load(this.dataSource.manager, id));
  }

  async list(actor: Actor, query: FacilityListQuery): Promise<Page<FacilityView>> {
    const after = decodeCursor(
      query.cursor,
      (v): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'),
    );
    const limit = query.limit ?? 20;
    const { text, values } = facilityListSql(reachOf(actor), {
      status: query.status,
      regionCode: query.regionCode,
      q: query.q,
      after,
      limit,
    });
    const ids: { id: string; created_at: Date }[] = await this.dataSource.query(text, values);
    const page = ids.slice(0, limit);
    const rows = page.length ? await this.dataSource.getRepository(FacilityEntity).findBy(page.map((r) => ({ id: r.id }))) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.view(byId.get(r.id)!)),
      nextCursor: ids.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<FacilityView> {
    return this.view(await this.inReach(this.dataSource.manager, reachOf(actor), id));
  }

  /** The facility if the caller may see it; 404 otherwise, exactly as for an absent one. */
  async inReach(manager: EntityManager, reach: Reach, id: string, lock = false): Promise<FacilityEntity> {
    const params: unknown[] = [id];
    const predicate = reachPredicate(reach, { unitCode: 'region_code', ownerId: 'owner_id' }, params);
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM facilities WHERE id = $1 AND ${predicate}${lock ? ' FOR UPDATE' : ''}`,
      params,
    );
    if (!rows[0]) throw facilityNotFound();
    return this.load(manager, id);
  }

  async update(actor: Actor, id: string, expectedVersion: number | undefined, dto: UpdateFacilityDto): Promise<FacilityView> {
    await this.dataSource.transaction(async (m) => {
      const facility = await this.inReach(m, reachOf(actor), id, true);
      checkVersion(facility.version, expectedVersion);
      const changes = diff(facility, dto);
      if (APPROVED.includes(facility.status)) {
        const material = MATERIAL_FACILITY_FIELDS.filter((f) => f in changes);
        if (material.length > 0) throw changeFilingRequired(material);
      }
      if (!EDITABLE.includes(facility.status)) throw wrongState(facility.status, { zh: '修改', en: 'edited' });
      if (dto.monthlyFee !== undefined) checkFeeCeiling(facility, dto.monthlyFee);
      const { location: _location, ...fields } = definedOnly(dto);
      const patch = { ...fields, version: facility.version + 1 } as Partial<FacilityEntity>;
      if ('affordable' in changes) Object.assign(patch, applicationPatch(facility, dto.affordable!));
      let regionCode = facility.regionCode;
      if (dto.location) {
        regionCode = await this.unitAt(m, dto.location.lat, dto.location.lng);
        Object.assign(patch, { location: point(dto.location.lng, dto.location.lat), regionCode });
      }
      await m.update(FacilityEntity, { id }, patch as never);
      if (dto.location || dto.kind) await setPublicLocation(m, id, dto.kind ?? facility.kind);
      await this.audit.record(m, { subjectType: 'facility', subjectId: id, actor: actorRef(actor), action: 'facility.updated', changes });
      await this.outbox.record(m, {
        type: 'facility.changed',
        facilityId: id,
        status: facility.status,
        regionCodes: [facility.regionCode, regionCode],
      });
    });
    return this.view(await this.load(this.dataSource.manager, id));
  }

  // --- classes ------------------------------------------------------------------

  async listClasses(actor: Actor, facilityId: string): Promise<ClassView[]> {
    await this.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const rows = await this.dataSource.getRepository(ClassEntity).find({ where: { facilityId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(classView);
  }

  /** A facility's classes in creation order, read inside the caller's transaction (change filings compare them). */
  classesIn(m: EntityManager, facilityId: string): Promise<ClassEntity[]> {
    return m.getRepository(ClassEntity).find({ where: { facilityId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async getClass(actor: Actor, classId: string): Promise<ClassView> {
    const cls = await this.dataSource.getRepository(ClassEntity).findOneBy({ id: classId });
    if (!cls) throw classNotFound();
    await this.inReach(this.dataSource.manager, reachOf(actor), cls.facilityId).catch(() => {
      throw classNotFound();
    });
    return classView(cls);
  }

  async addClass(actor: Actor, facilityId: string, dto: CreateClassDto): Promise<ClassView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const facility = await this.editable(m, actor, facilityId, { zh: '增加班级', en: 'given new classes' }, facilityNotFound, [
        'classes',
      ]);
      checkClass(facility, dto.ageGroup, dto.places, dto.enrolled, (await this.placesOf(m, facilityId)) + dto.places);
      await m.insert(ClassEntity, { id, facilityId, name: dto.name, ageGroup: dto.ageGroup, places: dto.places, enrolled: dto.enrolled });
      await refreshClassSummaries(m, [facilityId]);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: actorRef(actor),
        action: 'class.created',
        changes: { classId: id, ...dto },
      });
      await this.outbox.record(m, {
        type: 'class.changed',
        facilityId,
        classId: id,
        status: facility.status,
        regionCode: facility.regionCode,
      });
    });
    return classView((await this.dataSource.getRepository(ClassEntity).findOneBy({ id }))!);
  }

  async updateClass(actor: Actor, classId: string, expectedVersion: number | undefined, dto: UpdateClassDto): Promise<ClassView> {
    await this.dataSource.transaction(async (m) => {
      const cls = await m.getRepository(ClassEntity).findOne({ where: { id: classId }, lock: { mode: 'pessimistic_write' } });
      if (!cls) throw classNotFound();
      const raisesPlaces = dto.places !== undefined && dto.places > cls.places;
      const facility = await this.editable(
        m,
        actor,
        cls.facilityId,
        { zh: '修改班级', en: 'have its classes changed' },
        classNotFound,
        raisesPlaces ? ['places'] : [],
      );
      checkVersion(cls.version, expectedVersion);
      const next = { ...cls, ...definedOnly(dto) };
      checkClass(facility, next.ageGroup, next.places, next.enrolled, (await this.placesOf(m, facility.id)) - cls.places + next.places);
      if (next.enrolled + cls.held > next.places) throw classRules([heldPlaces(cls.held, next.places, next.enrolled)]);
      await m.update(ClassEntity, { id: classId }, { ...definedOnly(dto), version: cls.version + 1 });
      await refreshClassSummaries(m, [facility.id]);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facility.id,
        actor: actorRef(actor),
        action: 'class.updated',
        changes: { classId, ...diff(cls, dto) },
      });
      await this.outbox.record(m, {
        type: 'class.changed',
        facilityId: facility.id,
        classId,
        status: facility.status,
        regionCode: facility.regionCode,
      });
    });
    return classView((await this.dataSource.getRepository(ClassEntity).findOneBy({ id: classId }))!);
  }

  /** Deletes a class; `onRemove` runs first in the same transaction (StaffService.removeClass passes it). */
  async deleteClass(actor: Actor, classId: string, onRemove: ClassRemoval): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const cls = await m.getRepository(ClassEntity).findOne({ where: { id: classId }, lock: { mode: 'pessimistic_write' } });
      if (!cls) throw classNotFound();
      const facility = await this.editable(m, actor, cls.facilityId, { zh: '删除班级', en: 'have classes removed' }, classNotFound);
      if (cls.held > 0) throw classHeld(cls.held);
      // Caregivers assigned to the class lose the assignment with it.
      await onRemove(m, facility.id, classId);
      await m.delete(ClassEntity, { id: classId });
      await refreshClassSummaries(m, [facility.id]);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facility.id,
        actor: actorRef(actor),
        action: 'class.deleted',
        changes: { classId, name: cls.name },
      });
      await this.outbox.record(m, {
        type: 'class.changed',
        facilityId: facility.id,
        classId,
        status: facility.status,
        regionCode: facility.regionCode,
      });
    });
  }

  /** Locked, in reach, and in a state whose classes the owner may change. */
  private async editable(
    m: EntityManager,
    actor: Actor,
    facilityId: string,
    action: { zh: string; en: string },
    notFound = facilityNotFound,
    material: string[] = [],
  ): Promise<FacilityEntity> {
    const facility = await this.inReach(m, reachOf(actor), facilityId, true).catch(() => {
      throw notFound();
    });
    if (material.length > 0 && APPROVED.includes(facility.status)) throw changeFilingRequired(material);
    if (!EDITABLE.includes(facility.status)) throw wrongState(facility.status, action);
    return facility;
  }

  /** The places of a facility's classes, in all. */
  private async placesOf(m: EntityManager, facilityId: string): Promise<number> {
    const [row]: { places: number }[] = await m.query(
      'SELECT coalesce(sum(places), 0)::int AS places FROM classes WHERE facility_id = $1',
      [facilityId],
    );
    return row?.places ?? 0;
  }

  /** The supervisory unit of a proposed location (422 outside_jurisdiction), for change filings. */
  unitFor(m: EntityManager, location: { lat: number; lng: number }): Promise<string> {
    return this.unitAt(m, location.lat, location.lng);
  }

  /**
   * Applies an approved change filing in the caller's transaction (the facility locked by the caller): the material
   * fields (regionCode re-derived from a new location), the classes added, changed or removed, the class summary,
   * the public location; version + 1, audited as `facility.change_applied`, announced as `facility.changed`.
   * `onRemoveClass` runs before each class removed (libs/staff unassigns its caregivers).
   */
  async applyChange(
    m: EntityManager,
    actor: Actor,
    facility: FacilityEntity,
    change: ApprovedChange,
    filingId: string,
    onRemoveClass: ClassRemoval,
  ): Promise<{ regionCode: string }> {
    const dto = change.facility;
    const changes: Record<string, unknown> = diff(facility, dto);
    const { location: _location, ...fields } = definedOnly(dto);
    const patch = { ...fields, version: facility.version + 1 } as Partial<FacilityEntity>;
    if (dto.affordable !== undefined && dto.affordable !== facility.affordable)
      Object.assign(patch, applicationPatch(facility, dto.affordable));
    let regionCode = facility.regionCode;
    if (dto.location) {
      regionCode = await this.unitAt(m, dto.location.lat, dto.location.lng);
      Object.assign(patch, { location: point(dto.location.lng, dto.location.lat), regionCode });
    }
    await m.update(FacilityEntity, { id: facility.id }, patch as never);
    if (dto.location || dto.kind) await setPublicLocation(m, facility.id, dto.kind ?? facility.kind);
    const classChanges: unknown[] = [];
    for (const c of change.classes) {
      if (c.op === 'add') {
        const id = randomUUID();
        await m.insert(ClassEntity, {
          id,
          facilityId: facility.id,
          name: c.name!,
          ageGroup: c.ageGroup!,
          places: c.places!,
          enrolled: c.enrolled ?? 0,
        });
        classChanges.push({ op: 'add', classId: id, name: c.name, ageGroup: c.ageGroup, places: c.places, enrolled: c.enrolled ?? 0 });
      } else if (c.op === 'update') {
        const cls = await m
          .getRepository(ClassEntity)
          .findOne({ where: { id: c.classId!, facilityId: facility.id }, lock: { mode: 'pessimistic_write' } });
        if (!cls) throw classNotFound();
        const update = definedOnly({ name: c.name, ageGroup: c.ageGroup, places: c.places, enrolled: c.enrolled });
        await m.update(ClassEntity, { id: cls.id }, { ...update, version: cls.version + 1 });
        classChanges.push({ op: 'update', classId: cls.id, ...diff(cls, update) });
      } else {
        await onRemoveClass(m, facility.id, c.classId!);
        await m.delete(ClassEntity, { id: c.classId!, facilityId: facility.id });
        classChanges.push({ op: 'remove', classId: c.classId });
      }
    }
    if (change.classes.length > 0) await refreshClassSummaries(m, [facility.id]);
    await this.audit.record(m, {
      subjectType: 'facility',
      subjectId: facility.id,
      actor: actorRef(actor),
      action: 'facility.change_applied',
      changes: { changeFilingId: filingId, ...changes, ...(classChanges.length ? { classes: classChanges } : {}) },
    });
    await this.outbox.record(m, {
      type: 'facility.changed',
      facilityId: facility.id,
      status: facility.status,
      regionCodes: [facility.regionCode, regionCode],
    });
    return { regionCode };
  }

  /**
   * 普惠 recognition by a health regulator in reach (docs/api.md "Affordable (普惠) recognition"): recognise with a ceiling (at most the city's) and an
   * expiry, reject, or revoke. The facility's own fee must be within the ceiling it is recognised with.
   */
  async decideAffordable(actor: Actor, id: string, dto: AffordableDecisionDto): Promise<FacilityView> {
    await this.dataSource.transaction(async (m) => {
      const f = await this.inReach(m, reachOf(actor), id, true);
      if (f.status === 'closed') throw wrongState(f.status, { zh: '认定普惠', en: 'recognised as affordable' });
      const patch = recognitionPatch(f, dto, this.config.affordableMaxMonthlyFee, todayInShanghai());
      await m.update(FacilityEntity, { id }, { ...patch, version: f.version + 1 } as never);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: id,
        actor: actorRef(actor),
        action: `affordable.${dto.decision}`,
        changes: {
          affordableStatus: { from: f.affordableStatus, to: patch.affordableStatus },
          ...definedOnly({ maxMonthlyFee: dto.maxMonthlyFee, validUntil: dto.validUntil, reason: dto.reason }),
        },
      });
      await this.outbox.record(m, { type: 'facility.changed', facilityId: id, status: f.status, regionCodes: [f.regionCode] });
    });
    return this.get(actor, id);
  }

  /**
   * The daily job (with the alert scan, in its transaction): recognitions whose `validUntil` has passed become
   * `expired` (audited, figures follow). Returns the facilities expired.
   */
  async expireAffordable(m: EntityManager, today: string): Promise<string[]> {
    {
      const rows: { id: string; region_code: string; status: FacilityStatus }[] = await m.query(
        `WITH expired AS (
           UPDATE facilities SET affordable_status = 'expired', version = version + 1, updated_at = now()
            WHERE affordable_status = 'recognized' AND affordable_valid_until < $1::date
            RETURNING id, region_code, status)
         SELECT id, region_code, status FROM expired`,
        [today],
      );
      for (const r of rows) {
        await this.audit.record(m, {
          subjectType: 'facility',
          subjectId: r.id,
          actor: { id: null, role: 'system' },
          action: 'affordable.expired',
          changes: { affordableStatus: { from: 'recognized', to: 'expired' } },
        });
        await this.outbox.record(m, { type: 'facility.changed', facilityId: r.id, status: r.status, regionCodes: [r.region_code] });
      }
      return rows.map((r) => r.id);
    }
  }

  private load(manager: EntityManager, id: string): Promise<FacilityEntity> {
    return manager.getRepository(FacilityEntity).findOneByOrFail({ id });
  }

  view(f: FacilityEntity): FacilityView {
    return {
      id: f.id,
      name: f.name,
      creditCode: f.creditCode,
      kind: f.kind,
      ownership: f.ownership,
      affordable: f.affordable,
      affordableRecognition: f.affordableStatus
        ? {
            status: f.affordableStatus,
            maxMonthlyFee: f.affordableMaxMonthlyFee,
            validUntil: f.affordableValidUntil,
            decidedAt: f.affordableDecidedAt?.toISOString() ?? null,
            reason: f.affordableReason,
          }
        : null,
      medicalIntegrated: f.medicalIntegrated,
      servesMeals: f.servesMeals,
      serviceTypes: f.serviceTypes,
      address: f.address,
      location: { lat: f.location.coordinates[1], lng: f.location.coordinates[0] },
      floors: f.floors,
      indoorAreaM2: f.indoorAreaM2,
      outdoorAreaM2: f.outdoorAreaM2,
      monthlyFee: f.monthlyFee,
      phone: f.phone,
      openingHours: f.openingHours,
      exitCount: f.exitCount,
      surveillance: f.surveillance,
      documents: f.documents,
      regionCode: f.regionCode,
      status: f.status,
      registrationNo: f.registrationNo,
      rejectionReason: f.rejectionReason,
      statusReason: f.statusReason,
      submittedAt: f.submittedAt?.toISOString() ?? null,
      // Waiting for review longer than the deadline (the same rule as the alert filing_review_overdue).
      reviewOverdue:
        f.status === 'submitted' &&
        f.submittedAt !== null &&
        pastWorkingDayDeadline(todayInShanghai(f.submittedAt), todayInShanghai(), this.config.reviewDeadlineWorkingDays),
      version: f.version,
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
      ...(f.status === 'closed' && f.placementPlan ? { placementPlan: f.placementPlan } : {}),
    };
  }
}

function point(lng: number, lat: number) {
  return { type: 'Point' as const, coordinates: [lng, lat] as [number, number] };
}

/** Home-based points get their stable approximate public point; other kinds show the true one. */
/** The public location: the true one, or for a home-based point a stable point 100–300 m away (`kind` null: a draft's, the true one). */
async function setPublicLocation(m: EntityManager, id: string, kind: string | null): Promise<void> {
  const { distanceM, bearingDeg } = publicOffset(id);
  await m.query(
    `UPDATE facilities SET public_location = CASE WHEN $2 = 'family' THEN ST_Project(location, $3, radians($4)) ELSE location END WHERE id = $1`,
    [id, kind, distanceM, bearingDeg],
  );
}

export function checkVersion(current: number, expected: number | undefined): void {
  if (expected === undefined) throw versionRequired();
  if (expected !== current) throw versionMismatch();
}

function checkClass(
  facility: FacilityEntity,
  ageGroup: ClassEntity['ageGroup'],
  places: number,
  enrolled: number,
  totalPlaces: number,
): void {
  const broken = classViolations(facility.kind, { ageGroup, places, enrolled });
  const homeBased = homeBasedLimitViolation(facility.kind, totalPlaces);
  if (homeBased) broken.push(homeBased);
  if (broken.length > 0) throw classRules(broken.map((v) => ({ field: v.field, code: v.code, message: { zh: v.detail, en: v.detailEn } })));
}

/** Places held by open offers count against the class's places like enrolled children. */
function heldPlaces(held: number, places: number, enrolled: number) {
  return {
    field: 'enrolled',
    code: 'over_capacity',
    message: {
      zh: `在托${enrolled}人加上录取保留的${held}个托位，超过托位数${places}`,
      en: `${enrolled} enrolled and ${held} places held by open offers exceed the ${places} places`,
    },
  };
}

function classView(c: ClassEntity): ClassView {
  return {
    id: c.id,
    facilityId: c.facilityId,
    name: c.name,
    ageGroup: c.ageGroup,
    places: c.places,
    enrolled: c.enrolled,
    held: c.held,
    vacancies: c.places - c.enrolled - c.held,
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** What changed, as { field: { from, to } }, for the audit trail. */
function diff(before: object, patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    let from = (before as Record<string, unknown>)[k];
    if (k === 'location' && from && typeof from === 'object' && 'coordinates' in from) {
      const [lng, lat] = (from as { coordinates: [number, number] }).coordinates;
      from = { lat, lng };
    }
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from: from ?? null, to };
  }
  return out;
}

/** A fee above a recognised facility's 普惠 ceiling is refused (422 affordable_fee_ceiling). */
function checkFeeCeiling(f: FacilityEntity, fee: number): void {
  if (f.affordableStatus === 'recognized' && f.affordableMaxMonthlyFee != null && fee > f.affordableMaxMonthlyFee) {
    throw affordableFeeCeiling(fee, f.affordableMaxMonthlyFee);
  }
}

/** The operator applies for (or gives up) 普惠 status: a recognised facility keeps its recognition until decided. */
function applicationPatch(f: FacilityEntity, affordable: boolean): Partial<FacilityEntity> {
  if (affordable) return f.affordableStatus === 'recognized' ? {} : { affordableStatus: 'applied', affordableReason: null };
  return {
    affordableStatus: null,
    affordableMaxMonthlyFee: null,
    affordableValidUntil: null,
    affordableDecidedAt: null,
    affordableReason: null,
  };
}

/** The columns a 普惠 decision writes, or 422 naming every missing or wrong field. Pure. */
export function recognitionPatch(
  f: Pick<FacilityEntity, 'monthlyFee' | 'affordableStatus'>,
  dto: { decision: AffordableDecision; maxMonthlyFee?: number; validUntil?: string; reason?: string },
  cityCeiling: number,
  today: string,
): Partial<FacilityEntity> {
  const decidedAt = new Date();
  if (dto.decision === 'recognize') {
    const broken = [];
    if (dto.maxMonthlyFee === undefined)
      broken.push({ field: 'maxMonthlyFee', code: 'required', message: { zh: '认定普惠须填写收费上限', en: 'required to recognise' } });
    else if (dto.maxMonthlyFee > cityCeiling)
      broken.push({
        field: 'maxMonthlyFee',
        code: 'affordable_fee_ceiling',
        message: { zh: `不得高于全市普惠收费上限${cityCeiling}元/月`, en: `at most the city ceiling of ${cityCeiling} yuan a month` },
      });
    if (dto.validUntil === undefined)
      broken.push({ field: 'validUntil', code: 'required', message: { zh: '认定普惠须填写有效期', en: 'required to recognise' } });
    else if (dto.validUntil < today)
      broken.push({ field: 'validUntil', code: 'invalid', message: { zh: '有效期不能早于今天', en: 'must not be in the past' } });
    if (broken.length > 0) throw affordableRules(broken);
    if (f.monthlyFee !== null && f.monthlyFee > dto.maxMonthlyFee!) throw affordableFeeCeiling(f.monthlyFee, dto.maxMonthlyFee!);
    return {
      affordableStatus: 'recognized',
      affordableMaxMonthlyFee: dto.maxMonthlyFee!,
      affordableValidUntil: dto.validUntil!,
      affordableDecidedAt: decidedAt,
      affordableReason: dto.reason ?? null,
    };
  }
  if (dto.decision === 'revoke' && f.affordableStatus !== 'recognized') {
    throw affordableRules([
      { field: 'decision', code: 'invalid', message: { zh: '只能撤销已认定的普惠资格', en: 'only a recognised facility can be revoked' } },
    ]);
  }
  if (!dto.reason) throw affordableRules([{ field: 'reason', code: 'required', message: { zh: '须说明理由', en: 'required' } }]);
  return {
    affordableStatus: dto.decision === 'reject' ? 'rejected' : 'revoked',
    affordableDecidedAt: decidedAt,
    affordableReason: dto.reason,
  };
}
