/**
 * Read model: facilities (owned by libs/facilities), only read here: the name of a complaint's facility and, for an
 * operator's reach, the facilities it owns. Complaints (this library's table) are written here.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, FieldCipher, identityConfig, type IdentityConfig, type Page, type Violation } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import { COMPLAINT_CATEGORY_LABELS, todayInShanghai, type ComplaintFinding, type ComplaintStatus } from '@lib/standards';
import { RegionService } from '@lib/regions';
import { FacilityService } from '@lib/facilities';
import { complaintNotFound, invalidSubject, outsideJurisdiction, wrongAgency, wrongState } from './complaint.errors.js';
import {
  dueDates,
  mayClose,
  newReceiptCode,
  overdue,
  RECEIPT_SHAPE,
  transition,
  UNREGISTERED_ALERT_REPORTS,
  UNREGISTERED_GROUP_M,
} from './complaint.rules.js';
import type {
  CloseComplaintDto,
  ComplaintListQuery,
  ComplaintReceiptView,
  ComplaintView,
  CreateComplaintDto,
  InvestigateComplaintDto,
  PublicComplaintView,
  UnregisteredQuery,
} from './dto/complaint.dto.js';

/** Facilities the public may complain about (docs/api.md "Complaints (投诉举报)": a registered or suspended facility). */
const PUBLIC_STATUSES = ['registered', 'suspended'];
const OPEN: ComplaintStatus[] = ['received', 'investigating'];

/** An alert the targets library opens for a complaint (same shape as its AlertCause). */
export interface ComplaintAlertCause {
  kind: 'complaint_overdue' | 'unregistered_provider';
  subjectType: 'complaint';
  subjectId: string;
  facilityId: string | null;
  regionCode: string | null;
  agencies: string[];
  message: string;
  messageEn: string;
  dueOn: string | null;
}

/** A closed complaint's finding about a facility, as credit reads it. */
export interface ComplaintFact {
  facilityId: string;
  category: string;
  finding: ComplaintFinding;
  closedOn: string;
}

const SELECT = `c.id, c.receipt_code, c.facility_id, c.address, c.provider_name, c.region_code, c.category, c.description,
  c.status, c.agency, c.investigation_note, c.finding, c.reply, to_char(c.acknowledge_due_on, 'YYYY-MM-DD') AS acknowledge_due_on,
  to_char(c.close_due_on, 'YYYY-MM-DD') AS close_due_on, c.created_at, c.updated_at, c.investigating_at, c.closed_at,
  ST_Y(c.location::geometry) AS lat, ST_X(c.location::geometry) AS lng, f.name AS facility_name`;

type Row = Record<string, unknown>;

@Injectable()
export class ComplaintService {
  private readonly cipher: FieldCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(identityConfig.KEY) identity: IdentityConfig,
    private readonly regions: RegionService,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.cipher = new FieldCipher(identity.encryptionKey, identity.blindIndexKey);
  }

  /** Anonymous intake: a complaint about a facility, or a report of a provider at a place. */
  async submit(dto: CreateComplaintDto): Promise<ComplaintReceiptView> {
    this.checkSubject(dto);
    const id = randomUUID();
    const receiptCode = newReceiptCode();
    const receivedOn = todayInShanghai();
    const due = dueDates(receivedOn);
    const created = await this.dataSource.transaction(async (m) => {
      let regionCode: string;
      if (dto.facilityId) {
        const facility = await this.facilities.inReach(m, { kind: 'all' }, dto.facilityId).catch(() => null);
        if (!facility || !PUBLIC_STATUSES.includes(facility.status)) {
          throw invalidSubject([
            { field: 'facilityId', code: 'invalid', message: { zh: '没有这家已备案的机构', en: 'No registered facility has this id' } },
          ]);
        }
        regionCode = facility.regionCode;
      } else {
        const code = await this.regions.unitAt(dto.location!.lat, dto.location!.lng, m);
        if (!code) throw outsideJurisdiction();
        regionCode = code;
      }
      const contact = dto.contact && (dto.contact.name || dto.contact.phone) ? dto.contact : null;
      const [row]: { created_at: Date }[] = await m.query(
        `INSERT INTO complaints (id, receipt_code, facility_id, location, address, provider_name, region_code, category, description,
                                 contact_cipher, received_on, acknowledge_due_on, close_due_on)
         VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5, $4), 4326)::geography END,
                 $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING created_at`,
        [
          id,
          receiptCode,
          dto.facilityId ?? null,
          dto.location?.lat ?? null,
          dto.location?.lng ?? null,
          dto.location ? (dto.address ?? null) : null,
          dto.location ? (dto.providerName ?? null) : null,
          regionCode,
          dto.category,
          dto.description,
          contact ? this.cipher.encrypt(JSON.stringify({ name: contact.name, phone: contact.phone })) : null,
          receivedOn,
          due.acknowledgeDueOn,
          due.closeDueOn,
        ],
      );
      await this.audit.record(m, {
        subjectType: 'complaint',
        subjectId: id,
        actor: { id: null, role: 'public' },
        action: 'complaint.received',
        changes: { category: dto.category, facilityId: dto.facilityId ?? null, regionCode, contactGiven: contact !== null },
      });
      await this.outbox.record(m, {
        type: 'complaint.changed',
        complaintId: id,
        ...(dto.facilityId ? { facilityId: dto.facilityId } : {}),
        regionCode,
      });
      return row!.created_at;
    });
    return { receiptCode, status: 'received', createdAt: created.toISOString() };
  }

  /** What the complainant sees by receipt code: the state, and the reply once closed. */
  async publicStatus(receiptCode: string): Promise<PublicComplaintView> {
    if (!RECEIPT_SHAPE.test(receiptCode)) throw complaintNotFound();
    const [r]: Row[] = await this.dataSource.query(
      'SELECT receipt_code, status, category, reply, created_at, updated_at FROM complaints WHERE receipt_code = $1',
      [receiptCode],
    );
    if (!r) throw complaintNotFound();
    return {
      receiptCode: r.receipt_code as string,
      status: r.status as ComplaintStatus,
      category: r.category as PublicComplaintView['category'],
      createdAt: (r.created_at as Date).toISOString(),
      updatedAt: (r.updated_at as Date).toISOString(),
      reply: r.status === 'closed' ? (r.reply as string | null) : null,
    };
  }

  /** Regulators: complaints in their region; operators: about their own facilities (without contact). */
  async list(actor: Actor, query: ComplaintListQuery): Promise<Page<ComplaintView>> {
    const params: unknown[] = [];
    const where = [this.reach(actor, params)];
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    if (query.category) where.push(`c.category = $${params.push(query.category)}`);
    if (query.regionCode) where.push(`c.region_code = $${params.push(query.regionCode)}`);
    if (query.facilityId) where.push(`c.facility_id = $${params.push(query.facilityId)}`);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(c.created_at, c.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    // IDX_complaints_region_created serves a regulator's newest-first page.
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${SELECT}, ${actor.role === 'operator' ? 'NULL' : 'c.contact_cipher'} AS contact_cipher
         FROM complaints c LEFT JOIN facilities f ON f.id = c.facility_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const today = todayInShanghai();
    return {
      items: page.map((r) => this.view(r, actor, today)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([(last.created_at as Date).toISOString(), last.id as string]) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ComplaintView> {
    const row = await this.row(this.dataSource.manager, actor, id);
    return this.view(row, actor, todayInShanghai());
  }

  /** Health regulator in reach: received → investigating, assigned to an agency. */
  async investigate(actor: Actor, id: string, dto: InvestigateComplaintDto): Promise<ComplaintView> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.row(m, actor, id, true);
      const to = transition(c.status as ComplaintStatus, 'investigate');
      if (!to) throw wrongState(c.status as string, { zh: '转入调查', en: 'put under investigation' });
      await m.query(
        `UPDATE complaints SET status = $2, agency = $3, investigation_note = $4, investigating_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, to, dto.agency, dto.note ?? null],
      );
      await this.audit.record(m, {
        subjectType: 'complaint',
        subjectId: id,
        actor: { id: actor.id, role: actor.role },
        action: 'complaint.investigate',
        changes: { status: { from: c.status, to }, agency: dto.agency, ...(dto.note ? { note: dto.note } : {}) },
      });
      await this.outbox.record(m, {
        type: 'complaint.changed',
        complaintId: id,
        ...(c.facility_id ? { facilityId: c.facility_id as string } : {}),
        regionCode: c.region_code as string,
      });
    });
    return this.get(actor, id);
  }

  /** A regulator of the assigned agency, or health: closed with a finding and a reply for the complainant. */
  async close(actor: Actor, id: string, dto: CloseComplaintDto): Promise<ComplaintView> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.row(m, actor, id, true);
      const to = transition(c.status as ComplaintStatus, 'close');
      if (!to) throw wrongState(c.status as string, { zh: '办结', en: 'closed' });
      if (actor.role === 'regulator' && !mayClose(c.agency as string | null, actor.agency)) throw wrongAgency();
      await m.query('UPDATE complaints SET status = $2, finding = $3, reply = $4, closed_at = now(), updated_at = now() WHERE id = $1', [
        id,
        to,
        dto.finding,
        dto.reply,
      ]);
      await this.audit.record(m, {
        subjectType: 'complaint',
        subjectId: id,
        actor: { id: actor.id, role: actor.role },
        action: 'complaint.close',
        changes: { status: { from: c.status, to }, finding: dto.finding },
      });
      await this.outbox.record(m, {
        type: 'complaint.changed',
        complaintId: id,
        ...(c.facility_id ? { facilityId: c.facility_id as string } : {}),
        regionCode: c.region_code as string,
      });
    });
    return this.get(actor, id);
  }

  /**
   * The open `unregistered` reports in reach as GeoJSON points. Reports within 100 m of each other form a group
   * (DBSCAN with one point per cluster minimum, i.e. the connected components of "within 100 m"); each point
   * carries its group and `reports`, the number of reports in it.
   */
  async unregistered(actor: Actor, query: UnregisteredQuery): Promise<string> {
    const params: unknown[] = [];
    const where = [this.reach(actor, params)];
    if (query.regionCode) where.push(`c.region_code = $${params.push(query.regionCode)}`);
    const groups = await this.unregisteredGroups(this.dataSource.manager, where.join(' AND '), params);
    const features = groups.flatMap((g) =>
      g.members.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
        properties: {
          id: p.id,
          group: g.key,
          reports: g.members.length,
          providerName: p.providerName,
          address: p.address,
          status: p.status,
          regionCode: p.regionCode,
          createdAt: p.createdAt,
        },
      })),
    );
    return JSON.stringify({ type: 'FeatureCollection', features });
  }

  /** Alert causes: overdue complaints, and groups of 3 or more open reports of an unregistered provider. */
  async alertCauses(m: EntityManager, today: string): Promise<ComplaintAlertCause[]> {
    const out: ComplaintAlertCause[] = [];
    // IDX_complaints_open_due: only open complaints are read.
    const open: Row[] = await m.query(
      `SELECT id, facility_id, region_code, category, status, agency, to_char(acknowledge_due_on, 'YYYY-MM-DD') AS acknowledge_due_on,
              to_char(close_due_on, 'YYYY-MM-DD') AS close_due_on
         FROM complaints WHERE status <> 'closed' AND (acknowledge_due_on < $1 OR close_due_on < $1)`,
      [today],
    );
    for (const c of open) {
      const late = overdue(
        {
          status: c.status as ComplaintStatus,
          acknowledgeDueOn: c.acknowledge_due_on as string,
          closeDueOn: c.close_due_on as string,
        },
        today,
      );
      if (!late) continue;
      const label = COMPLAINT_CATEGORY_LABELS[c.category as keyof typeof COMPLAINT_CATEGORY_LABELS];
      const due = late === 'acknowledge' ? (c.acknowledge_due_on as string) : (c.close_due_on as string);
      out.push({
        kind: 'complaint_overdue',
        subjectType: 'complaint',
        subjectId: c.id as string,
        facilityId: (c.facility_id as string | null) ?? null,
        regionCode: c.region_code as string,
        agencies: [...new Set(['health', ...(c.agency ? [c.agency as string] : [])])],
        message:
          late === 'acknowledge' ? `投诉（${label.zh}）应于 ${due} 前转入调查，已逾期` : `投诉（${label.zh}）应于 ${due} 前办结，已逾期`,
        messageEn:
          late === 'acknowledge'
            ? `Complaint (${label.en}) was due to be under investigation by ${due}`
            : `Complaint (${label.en}) was due to be closed by ${due}`,
        dueOn: due,
      });
    }
    for (const g of await this.unregisteredGroups(m, 'TRUE', [])) {
      if (g.members.length < UNREGISTERED_ALERT_REPORTS) continue;
      const names = [...new Set(g.members.map((p) => p.providerName ?? p.address).filter((s): s is string => !!s))].slice(0, 3);
      out.push({
        kind: 'unregistered_provider',
        subjectType: 'complaint',
        subjectId: g.key,
        facilityId: null,
        regionCode: g.members[0]!.regionCode,
        agencies: ['health', 'market'],
        message: `${g.members.length} 条举报指向同一处疑似未备案托育服务（100 米内）：${names.join('、')}`,
        messageEn: `${g.members.length} reports of a possibly unregistered childcare provider within 100 m: ${names.join(', ')}`,
        dueOn: null,
      });
    }
    return out;
  }

  /** Closed complaints with a finding about these facilities, closed on or after `since` (credit reads these). */
  async findingsFor(m: EntityManager, facilityIds: string[], since: string): Promise<ComplaintFact[]> {
    if (facilityIds.length === 0) return [];
    const rows: Row[] = await m.query(
      `SELECT facility_id, category, finding, to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_on
         FROM complaints WHERE facility_id = ANY($1::uuid[]) AND status = 'closed' AND closed_at >= $2::date`,
      [facilityIds, since],
    );
    return rows.map((r) => ({
      facilityId: r.facility_id as string,
      category: r.category as string,
      finding: r.finding as ComplaintFinding,
      closedOn: r.closed_on as string,
    }));
  }

  private async unregisteredGroups(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<
    {
      key: string;
      members: {
        id: string;
        lat: number;
        lng: number;
        providerName: string | null;
        address: string | null;
        status: string;
        regionCode: string;
        createdAt: string;
      }[];
    }[]
  > {
    // Web Mercator stretches distances by 1 / cos(latitude): the 100 m radius is scaled at the reports' latitude.
    const rows: Row[] = await m.query(
      `WITH open AS (
         SELECT c.id, c.location, c.provider_name, c.address, c.status, c.region_code, c.created_at
           FROM complaints c
          WHERE c.category = 'unregistered' AND c.location IS NOT NULL AND c.status = ANY($${params.length + 1}::text[]) AND ${where}
       ), scale AS (SELECT coalesce(avg(ST_Y(location::geometry)), 0) AS lat FROM open)
       SELECT o.id, ST_Y(o.location::geometry) AS lat, ST_X(o.location::geometry) AS lng, o.provider_name, o.address, o.status,
              o.region_code, o.created_at,
              ST_ClusterDBSCAN(ST_Transform(o.location::geometry, 3857), eps := $${params.length + 2} / cos(radians(s.lat)), minpoints := 1)
                OVER () AS grp
         FROM open o CROSS JOIN scale s
        ORDER BY o.created_at, o.id`,
      [...params, OPEN, UNREGISTERED_GROUP_M],
    );
    const groups = new Map<number, { key: string; members: ReturnType<typeof member>[] }>();
    const member = (r: Row) => ({
      id: r.id as string,
      lat: Number(r.lat),
      lng: Number(r.lng),
      providerName: (r.provider_name as string | null) ?? null,
      address: (r.address as string | null) ?? null,
      status: r.status as string,
      regionCode: r.region_code as string,
      createdAt: (r.created_at as Date).toISOString(),
    });
    for (const r of rows) {
      const g = groups.get(Number(r.grp)) ?? { key: r.id as string, members: [] };
      g.members.push(member(r));
      groups.set(Number(r.grp), g);
    }
    return [...groups.values()];
  }

  private reach(actor: Actor, params: unknown[]): string {
    const reach = reachOf(actor);
    if (reach.kind === 'owner') return `c.facility_id IN (SELECT id FROM facilities WHERE owner_id = $${params.push(reach.ownerId)})`;
    return reachPredicate(reach, { unitCode: 'c.region_code', ownerId: 'NULL' }, params);
  }

  private async row(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Row> {
    const params: unknown[] = [id];
    const predicate = this.reach(actor, params);
    const [row]: Row[] = await m.query(
      `SELECT ${SELECT}, c.contact_cipher FROM complaints c LEFT JOIN facilities f ON f.id = c.facility_id
        WHERE c.id = $1 AND ${predicate}${lock ? ' FOR UPDATE OF c' : ''}`,
      params,
    );
    if (!row) throw complaintNotFound();
    return row;
  }

  private view(r: Row, actor: Actor, today: string): ComplaintView {
    const regulator = actor.role !== 'operator';
    const contact =
      regulator && r.contact_cipher
        ? (JSON.parse(this.cipher.decrypt(r.contact_cipher as string)) as { name?: string; phone?: string })
        : null;
    return {
      id: r.id as string,
      ...(regulator ? { receiptCode: r.receipt_code as string } : {}),
      facilityId: (r.facility_id as string | null) ?? null,
      facilityName: (r.facility_name as string | null) ?? null,
      location: r.lat === null || r.lat === undefined ? null : { lat: Number(r.lat), lng: Number(r.lng) },
      address: (r.address as string | null) ?? null,
      providerName: (r.provider_name as string | null) ?? null,
      regionCode: r.region_code as string,
      category: r.category as ComplaintView['category'],
      description: r.description as string,
      status: r.status as ComplaintStatus,
      agency: (r.agency as ComplaintView['agency']) ?? null,
      investigationNote: (r.investigation_note as string | null) ?? null,
      finding: (r.finding as ComplaintFinding | null) ?? null,
      reply: (r.reply as string | null) ?? null,
      ...(contact
        ? { contact: { ...(contact.name ? { name: contact.name } : {}), ...(contact.phone ? { phone: contact.phone } : {}) } }
        : {}),
      acknowledgeDueOn: r.acknowledge_due_on as string,
      closeDueOn: r.close_due_on as string,
      overdue:
        overdue(
          { status: r.status as ComplaintStatus, acknowledgeDueOn: r.acknowledge_due_on as string, closeDueOn: r.close_due_on as string },
          today,
        ) !== null,
      createdAt: (r.created_at as Date).toISOString(),
      updatedAt: (r.updated_at as Date).toISOString(),
      investigatingAt: r.investigating_at ? (r.investigating_at as Date).toISOString() : null,
      closedAt: r.closed_at ? (r.closed_at as Date).toISOString() : null,
    };
  }

  private checkSubject(dto: CreateComplaintDto): void {
    const v: Violation[] = [];
    const one = { zh: '须且只能填写 facilityId 或 location 之一', en: 'Give exactly one of facilityId or location' };
    if (!dto.facilityId === !dto.location) {
      v.push({ field: 'facilityId', code: dto.facilityId ? 'invalid' : 'required', message: one });
      v.push({ field: 'location', code: dto.location ? 'invalid' : 'required', message: one });
    } else if (dto.location && !dto.providerName && !dto.address) {
      const msg = { zh: '举报地点时须填写名称或地址', en: 'A place needs a provider name or an address' };
      v.push({ field: 'providerName', code: 'required', message: msg });
      v.push({ field: 'address', code: 'required', message: msg });
    } else if (dto.facilityId && (dto.providerName || dto.address)) {
      const msg = { zh: '投诉已备案机构时不填写名称和地址', en: 'providerName and address go with a location, not a facility' };
      if (dto.providerName) v.push({ field: 'providerName', code: 'invalid', message: msg });
      if (dto.address) v.push({ field: 'address', code: 'invalid', message: msg });
    }
    if (v.length > 0) throw invalidSubject(v);
  }
}
