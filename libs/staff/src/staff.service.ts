import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, definedOnly, encodeCursor, identityConfig, type IdentityConfig, type Page } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import { maskIdNumber, todayInShanghai, type StaffFacts } from '@lib/standards';
import { countClassesOf, FACILITY_HEADINGS_SQL, FacilityService, type FacilityEntity } from '@lib/facilities';
import { IdNumberCipher } from './id-number-cipher.js';
import { StaffEntity } from './staff.entity.js';
import { unassignClass } from './staff-sql.js';
import { notMultiListed, StaffError, StaffErrorCode, staffNotFound } from './staff.errors.js';
import { multiListingSideFor, multiListedSql, type MultiListingSide } from './multi-listing.js';
import type { CreateStaffDto, EndListingDto, StaffQuery, StaffView, UpdateStaffDto } from './dto/staff.dto.js';

type StaffRow = StaffEntity & { multiListed: boolean };
type OtherListing = { staffId: string; facilityId: string; facilityName: string; hiredOn: string };

@Injectable()
export class StaffService {
  private readonly cipher: IdNumberCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(identityConfig.KEY) identity: IdentityConfig,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.cipher = new IdNumberCipher(identity.encryptionKey, identity.blindIndexKey);
  }

  async add(actor: Actor, facilityId: string, dto: CreateStaffDto): Promise<StaffView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const facility = await this.writable(m, actor, facilityId);
      await this.checkClasses(m, facility.id, dto.classIds ?? []);
      const { idNumber, ...rest } = dto;
      const masked = maskIdNumber(idNumber.toUpperCase());
      await m.insert(StaffEntity, {
        ...rest,
        ...backgroundCheck(dto.backgroundChecked, dto.backgroundCheckedOn, null),
        employer: dto.employer ?? null,
        id,
        facilityId,
        idNumberCipher: this.cipher.encrypt(idNumber),
        idNumberMasked: masked,
        idNumberIndex: this.cipher.blindIndex(idNumber),
        phone: dto.phone ?? null,
        education: dto.education ?? null,
        experienceYears: dto.experienceYears ?? null,
        classIds: dto.classIds ?? [],
      } as never);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'staff.added',
        changes: { staffId: id, name: dto.name, role: dto.role, idNumber: masked },
      });
      await this.outbox.record(m, { type: 'staff.changed', facilityId, staffId: id });
    });
    return this.view(actor, id);
  }

  async list(actor: Actor, facilityId: string, query: StaffQuery): Promise<Page<StaffView>> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const params: unknown[] = [facilityId];
    const where = ['s.facility_id = $1'];
    if (query.active === true) where.push('s.ended_on IS NULL');
    if (query.active === false) where.push('s.ended_on IS NOT NULL');
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(s.created_at, s.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await this.rows(
      `${where.join(' AND ')} ORDER BY s.created_at, s.id LIMIT $${params.push(query.limit + 1)}`,
      params,
      multiListingSideFor(actor.role),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const others = await this.otherListings(actor, page);
    return {
      items: page.map((r) => toView(r, others.get(r.id) ?? [])),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async update(actor: Actor, staffId: string, dto: UpdateStaffDto): Promise<StaffView> {
    await this.dataSource.transaction(async (m) => {
      const staff = await this.locked(m, actor, staffId);
      if (dto.classIds) await this.checkClasses(m, staff.facilityId, dto.classIds);
      const check =
        dto.backgroundChecked !== undefined || dto.backgroundCheckedOn !== undefined
          ? backgroundCheck(dto.backgroundChecked ?? staff.backgroundChecked, dto.backgroundCheckedOn, staff.backgroundCheckedOn)
          : {};
      await m.update(StaffEntity, { id: staffId }, { ...definedOnly(dto), ...check } as never);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: staff.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'staff.updated',
        changes: { staffId, fields: Object.keys(definedOnly(dto)) },
      });
      await this.outbox.record(m, { type: 'staff.changed', facilityId: staff.facilityId, staffId });
    });
    return this.view(actor, staffId);
  }

  /** Ends employment today; the record is kept. */
  async end(actor: Actor, staffId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const staff = await this.locked(m, actor, staffId);
      if (staff.endedOn) return;
      const endedOn = todayInShanghai();
      await m.update(StaffEntity, { id: staffId }, { endedOn });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: staff.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'staff.ended',
        changes: { staffId, name: staff.name, endedOn },
      });
      await this.outbox.record(m, { type: 'staff.changed', facilityId: staff.facilityId, staffId });
    });
  }

  /**
   * A regulator settles a multi-listing: this record's employment ends today, with the reason in the audit trail.
   * Health (which reviews filings) in reach of the record's facility; 409 unless the record is multi-listed.
   */
  async endListing(actor: Actor, staffId: string, dto: EndListingDto): Promise<StaffView> {
    await this.dataSource.transaction(async (m) => {
      const staff = await this.locked(m, actor, staffId);
      const [{ multi, facilities }]: { multi: boolean; facilities: string[] }[] = await m.query(
        `SELECT ${multiListedSql('s', 'either')} AS multi,
                ARRAY(SELECT DISTINCT o.facility_id FROM staff o WHERE o.id_number_index = s.id_number_index AND o.ended_on IS NULL) AS facilities
           FROM staff s WHERE s.id = $1`,
        [staffId],
      );
      if (staff.endedOn || !multi) throw notMultiListed(staff.name);
      const endedOn = todayInShanghai();
      await m.update(StaffEntity, { id: staffId }, { endedOn });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: staff.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'staff.listing_ended',
        changes: { staffId, name: staff.name, endedOn, reason: dto.reason },
      });
      // Both sides' alerts and compliance change: the other facilities learn it too.
      for (const facilityId of facilities) await this.outbox.record(m, { type: 'staff.changed', facilityId, staffId });
    });
    return this.view(actor, staffId);
  }

  /**
   * Deletes a class (libs/facilities owns it) and, in the same transaction, takes it off the caregivers assigned to it
   * (DELETE /classes/{id}).
   */
  async removeClass(actor: Actor, classId: string): Promise<void> {
    await this.facilities.deleteClass(actor, classId, unassignClass);
  }

  /** Active staff of a facility as the compliance rules read them, on the given side of a multi-listing (multi-listing.ts). */
  async activeFacts(manager: EntityManager, facilityId: string, side: MultiListingSide = 'either'): Promise<StaffFacts[]> {
    return (await this.activeFactsFor(manager, [facilityId], side)).get(facilityId) ?? [];
  }

  /** Active staff of many facilities at once (one query), by facility id. */
  async activeFactsFor(
    manager: EntityManager,
    facilityIds: string[],
    side: MultiListingSide = 'either',
  ): Promise<Map<string, StaffFacts[]>> {
    const rows = await this.rows(
      's.facility_id = ANY($1::uuid[]) AND s.ended_on IS NULL ORDER BY s.created_at, s.id',
      [facilityIds],
      side,
      manager,
    );
    const out = new Map<string, StaffFacts[]>();
    for (const r of rows) {
      const list = out.get(r.facilityId) ?? [];
      list.push(toFacts(r));
      out.set(r.facilityId, list);
    }
    return out;
  }

  /** One staff record, if its facility is in the caller's reach (404 otherwise, as for an absent one). */
  async get(actor: Actor, staffId: string): Promise<StaffView> {
    const facilityId = (await this.dataSource.getRepository(StaffEntity).findOne({ where: { id: staffId }, select: { facilityId: true } }))
      ?.facilityId;
    if (!facilityId) throw staffNotFound();
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId).catch(() => {
      throw staffNotFound();
    });
    return this.view(actor, staffId);
  }

  private async view(actor: Actor, id: string): Promise<StaffView> {
    const [row] = await this.rows('s.id = $1', [id], multiListingSideFor(actor.role));
    if (!row) throw staffNotFound();
    return toView(row, (await this.otherListings(actor, [row])).get(row.id) ?? []);
  }

  /**
   * For regulators, where each multi-listed record's person is also active, among the facilities in their reach (an
   * out-of-reach facility is never named). Operators get nothing: they never learn where else a person works.
   */
  private async otherListings(actor: Actor, rows: StaffRow[]): Promise<Map<string, OtherListing[]>> {
    const out = new Map<string, OtherListing[]>();
    const listed = rows.filter((r) => r.multiListed).map((r) => r.id);
    if (multiListingSideFor(actor.role) === 'enteredLater' || listed.length === 0) return out;
    const params: unknown[] = [listed];
    const found: { id: string; staff_id: string; facility_id: string; name: string; hired_on: string }[] = await this.dataSource.query(
      `SELECT s.id, o.id AS staff_id, o.facility_id, f.name, to_char(o.hired_on, 'YYYY-MM-DD') AS hired_on
         FROM staff s
         JOIN staff o ON o.id_number_index = s.id_number_index AND o.facility_id <> s.facility_id AND o.ended_on IS NULL
         JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = o.facility_id AND f.status <> 'closed'
        WHERE s.id = ANY($1::uuid[]) AND ${reachPredicate(reachOf(actor), { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, params)}
        ORDER BY o.created_at, o.id`,
      params,
    );
    for (const r of found) {
      out.set(r.id, [
        ...(out.get(r.id) ?? []),
        { staffId: r.staff_id, facilityId: r.facility_id, facilityName: r.name, hiredOn: r.hired_on },
      ]);
    }
    return out;
  }

  private async rows(
    whereAndOrder: string,
    params: unknown[],
    side: MultiListingSide,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StaffRow[]> {
    const raw: Record<string, unknown>[] = await manager.query(
      `SELECT s.id, s.facility_id, s.name, s.role, s.id_number_masked, s.phone, to_char(s.hired_on, 'YYYY-MM-DD') AS hired_on,
              to_char(s.ended_on, 'YYYY-MM-DD') AS ended_on, s.full_time, s.education, s.experience_years, s.class_ids,
              s.health_certificate, s.qualifications, s.background_checked,
              to_char(s.background_checked_on, 'YYYY-MM-DD') AS background_checked_on, s.employer, s.created_at, ${multiListedSql('s', side)} AS multi_listed
         FROM staff s WHERE ${whereAndOrder}`,
      params,
    );
    return raw.map((r) => ({
      id: r.id as string,
      facilityId: r.facility_id as string,
      name: r.name as string,
      role: r.role,
      idNumberMasked: r.id_number_masked as string,
      phone: r.phone as string | null,
      hiredOn: r.hired_on as string,
      endedOn: r.ended_on as string | null,
      fullTime: r.full_time as boolean,
      education: r.education,
      experienceYears: r.experience_years as number | null,
      classIds: r.class_ids as string[],
      healthCertificate: r.health_certificate,
      qualifications: r.qualifications,
      backgroundChecked: r.background_checked as boolean,
      backgroundCheckedOn: r.background_checked_on as string | null,
      employer: r.employer as string | null,
      createdAt: r.created_at as Date,
      multiListed: r.multi_listed as boolean,
    })) as StaffRow[];
  }

  /** The staff member, locked, at a facility in the caller's reach that is not closed. */
  private async locked(m: EntityManager, actor: Actor, staffId: string): Promise<StaffEntity> {
    const staff = await m.getRepository(StaffEntity).findOne({ where: { id: staffId }, lock: { mode: 'pessimistic_write' } });
    if (!staff) throw staffNotFound();
    await this.writable(m, actor, staff.facilityId).catch((e: unknown) => {
      throw e instanceof StaffError ? e : staffNotFound();
    });
    return staff;
  }

  private async writable(m: EntityManager, actor: Actor, facilityId: string): Promise<FacilityEntity> {
    const facility = await this.facilities.inReach(m, reachOf(actor), facilityId);
    if (facility.status === 'closed') {
      throw new StaffError(StaffErrorCode.Closed, {
        zh: '机构已关闭，人员名册不能再修改',
        en: 'The facility is closed: its roster cannot change',
      });
    }
    return facility;
  }

  private async checkClasses(m: EntityManager, facilityId: string, classIds: string[]): Promise<void> {
    if (classIds.length === 0) return;
    if ((await countClassesOf(m, facilityId, classIds)) !== classIds.length) {
      throw new StaffError(
        StaffErrorCode.UnknownClass,
        { zh: '所选班级不属于本机构', en: 'A chosen class is not one of this facility’s' },
        [{ field: 'classIds', code: 'invalid', message: { zh: '班级不属于本机构', en: 'not a class of this facility' } }],
      );
    }
  }
}

/**
 * The stored background check: checked on the date given, or (no date) kept if it was checked already, else the day
 * it is recorded; not checked clears the date. A date in the future is refused (400 naming the field).
 */
export function backgroundCheck(
  checked: boolean,
  on: string | null | undefined,
  previous: string | null,
  today: string = todayInShanghai(),
): { backgroundChecked: boolean; backgroundCheckedOn: string | null } {
  if (on && on > today) {
    throw new StaffError(
      StaffErrorCode.Invalid,
      { zh: '背景审查日期不能晚于今天', en: 'The background check cannot be dated in the future' },
      [{ field: 'backgroundCheckedOn', code: 'future_date', message: { zh: '不能晚于今天', en: 'must not be after today' } }],
    );
  }
  if (on) return { backgroundChecked: true, backgroundCheckedOn: on };
  if (!checked) return { backgroundChecked: false, backgroundCheckedOn: null };
  return { backgroundChecked: true, backgroundCheckedOn: previous ?? today };
}

function toFacts(r: StaffRow): StaffFacts {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    fullTime: r.fullTime,
    education: r.education,
    experienceYears: r.experienceYears,
    classIds: r.classIds,
    healthCertificate: r.healthCertificate,
    qualifications: r.qualifications,
    backgroundChecked: r.backgroundChecked,
    backgroundCheckedOn: r.backgroundCheckedOn,
    employer: r.employer,
    multiListed: r.multiListed,
  };
}

function toView(r: StaffRow, alsoListedAt: OtherListing[]): StaffView {
  return {
    ...toFacts(r),
    alsoListedAt,
    backgroundCheckedOn: r.backgroundCheckedOn ?? null,
    employer: r.employer ?? null,
    education: r.education ?? null,
    experienceYears: r.experienceYears ?? null,
    facilityId: r.facilityId,
    idNumber: r.idNumberMasked,
    phone: r.phone,
    hiredOn: r.hiredOn,
    endedOn: r.endedOn,
  };
}
