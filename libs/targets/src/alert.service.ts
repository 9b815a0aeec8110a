/**
 * Read model: facilities and classes (owned by libs/facilities), staff (libs/staff; the multi-listed rule is
 * libs/staff's multiListedSql), rectification_orders (libs/inspections), change_filings (libs/filing) and regions
 * (libs/regions), read to open and resolve the alerts this library owns (docs/architecture.md "Table ownership").
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock, decodeCursor, encodeCursor, registryConfig, type Page, type RegistryConfig } from '@lib/core';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import {
  DOCUMENT_TYPE_LABELS,
  DOMAIN_AGENCY,
  addDays,
  addWorkingDays,
  addYears,
  ageGroupLabel,
  labelOf,
  pastWorkingDayDeadline,
  placesPer1000,
  targetFor,
  todayInShanghai,
  type AgeGroupName,
  type Domain,
} from '@lib/standards';
import { FilingService } from '@lib/filing';
import { IncidentService } from '@lib/incidents';
import { ComplaintService } from '@lib/complaints';
import { multiListedSql } from '@lib/staff';
import {
  checklistItem,
  DEFAULT_INSPECTION_CONFIG,
  orderOverdueSql,
  respondedOnSql,
  verificationDueOn,
  verificationOverdue,
} from '@lib/inspections';
import { INCIDENT_ALERT_KINDS, REGULATOR_ONLY_ALERT_KINDS, type AlertKind, type AlertSubjectType } from './alert.entity.js';
import type { AlertGroupQuery, AlertGroupView, AlertListQuery, AlertView } from './dto/alert.dto.js';

/** Expiring things are announced this many days ahead (and stay while expired). */
const WINDOW_DAYS = 30;
/** A filing document's name within a sentence (English in lower case). */
const documentName = (type: string, lang: 'zh' | 'en') => {
  const name = labelOf(DOCUMENT_TYPE_LABELS, type, lang);
  return lang === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
};

export interface AlertCause {
  kind: AlertKind;
  subjectType: AlertSubjectType;
  subjectId: string;
  facilityId: string | null;
  regionCode: string | null;
  agencies: string[];
  /** Only the unit's own regulators see it (not the city-level ones). */
  unitOnly?: boolean;
  message: string;
  messageEn: string;
  dueOn: string | null;
}

/**
 * Which causes a scan recomputes (and may resolve): every kind; the incident kinds only (the frequent escalation
 * scan); the facility-level kinds of some facilities (after a class or order change); the unit-level kinds of some
 * units (after their figures changed). A scoped scan reads only its facilities' or units' rows, so a write costs the
 * same at national scale as in one city (issue #19 item 3).
 */
export type AlertScope = 'all' | 'incidents' | { facilityIds: string[] } | { unitCodes: string[] };

/**
 * The kinds a facility-scoped scan recomputes: each cause is one facility's own rows. `staff_multi_listed` is not
 * among them (it compares staff across facilities: staff changes rescan everything).
 */
export const FACILITY_SCOPED_ALERT_KINDS: readonly AlertKind[] = [
  'filing_document_expiring',
  'health_certificate_expiring',
  'qualification_expiring',
  'background_check_due',
  'rectification_overdue',
  'verification_overdue',
  'ratio_breach',
  'filing_review_overdue',
  'affordable_recognition_expiring',
];
/** The kinds a unit-scoped scan recomputes: each cause is one unit's figures. */
export const UNIT_SCOPED_ALERT_KINDS: readonly AlertKind[] = ['region_below_target', 'demand_exceeds_vacancies'];

/** What a scan reads: `null` lists mean every facility or unit; `false` skips that part. */
interface CauseScope {
  facilities: string[] | null | false;
  units: string[] | null | false;
  /** Complaints' and cross-facility causes: the full scan only. */
  everything: boolean;
}

@Injectable()
export class AlertService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filing: FilingService,
    private readonly incidents: IncidentService,
    private readonly complaints: ComplaintService,
    private readonly clock: Clock,
    @Inject(registryConfig.KEY) private readonly registry: RegistryConfig,
  ) {}

  /**
   * Recomputes every alert's cause from the source tables: new causes open an alert (one per subject and
   * kind), vanished causes resolve theirs, existing ones are refreshed. Running it twice changes nothing. `scope`
   * 'incidents' recomputes (and resolves) the incident kinds only; a facility or unit scope those kinds of those
   * facilities or units only (AlertScope). The time is the injected clock's.
   */
  async scan(
    manager: EntityManager,
    now: Date = this.clock.now(),
    scope: AlertScope = 'all',
  ): Promise<{ open: number; opened: number; resolved: number }> {
    const today = todayInShanghai(now);
    let causes: AlertCause[];
    let kinds: readonly string[] = [];
    let facilityIds: string[] | null = null;
    let unitCodes: string[] | null = null;
    if (scope === 'incidents') {
      causes = await this.incidents.alertCauses(manager, now);
      kinds = INCIDENT_ALERT_KINDS;
    } else if (scope === 'all') {
      causes = [
        ...(await this.causes(manager, today, { facilities: null, units: null, everything: true })),
        ...(await this.incidents.alertCauses(manager, now)),
      ];
    } else if ('facilityIds' in scope) {
      ({ facilityIds } = scope);
      causes = await this.causes(manager, today, { facilities: facilityIds, units: false, everything: false });
      kinds = FACILITY_SCOPED_ALERT_KINDS;
    } else {
      ({ unitCodes } = scope);
      causes = await this.causes(manager, today, { facilities: false, units: unitCodes, everything: false });
      kinds = UNIT_SCOPED_ALERT_KINDS;
    }
    const [{ opened }] = await manager.query(
      `WITH causes AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(kind text, "subjectType" text, "subjectId" text, "facilityId" uuid,
                "regionCode" char(6), agencies text[], "unitOnly" boolean, message text, "messageEn" text, "dueOn" date)
       ), upserted AS (
         INSERT INTO alerts (kind, subject_type, subject_id, facility_id, region_code, agencies, unit_only, message, message_en, due_on)
         SELECT kind, "subjectType", "subjectId", "facilityId", "regionCode", agencies, coalesce("unitOnly", false), message, "messageEn", "dueOn"
           FROM causes
         ON CONFLICT (kind, subject_type, subject_id) WHERE resolved_at IS NULL
         DO UPDATE SET message = EXCLUDED.message, message_en = EXCLUDED.message_en, due_on = EXCLUDED.due_on, agencies = EXCLUDED.agencies,
                       facility_id = EXCLUDED.facility_id, region_code = EXCLUDED.region_code, unit_only = EXCLUDED.unit_only
         RETURNING (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted)::int AS opened FROM upserted`,
      [JSON.stringify(causes)],
    );
    const resolved: unknown[] = await manager.query(
      `UPDATE alerts a SET resolved_at = now()
        WHERE a.resolved_at IS NULL
          AND (cardinality($2::text[]) = 0 OR a.kind = ANY($2::text[]))
          AND ($3::uuid[] IS NULL OR a.facility_id = ANY($3::uuid[]))
          AND ($4::text[] IS NULL OR (a.subject_type = 'region' AND a.region_code = ANY($4::text[])))
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS c(kind text, "subjectType" text, "subjectId" text)
                           WHERE c.kind = a.kind AND c."subjectType" = a.subject_type AND c."subjectId" = a.subject_id)
        RETURNING a.id`,
      [
        JSON.stringify(causes.map((c) => ({ kind: c.kind, subjectType: c.subjectType, subjectId: c.subjectId }))),
        kinds,
        facilityIds,
        unitCodes,
      ],
    );
    return { open: causes.length, opened, resolved: resolved.length };
  }

  /** The caller's alerts: an operator's facilities; a regulator's region and agency; everything for the admin. */
  async list(actor: Actor, query: AlertListQuery): Promise<Page<AlertView>> {
    const params: unknown[] = [];
    const where = this.inReach(actor, params);
    if (query.kind) where.push(`a.kind = $${params.push(query.kind)}`);
    if (query.status === 'open') where.push('a.resolved_at IS NULL');
    if (query.status === 'resolved') where.push('a.resolved_at IS NOT NULL');
    if (query.facilityId) where.push(`a.facility_id = $${params.push(query.facilityId)}`);
    if (query.regionCode) where.push(`a.facility_id IS NULL AND a.region_code = $${params.push(query.regionCode)}`);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(a.created_at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const today = todayInShanghai(this.clock.now());
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.kind, a.subject_type, a.subject_id, a.facility_id, f.name AS facility_name, a.region_code, a.unit_only,
              a.message, a.message_en, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.created_at, a.resolved_at
         FROM alerts a LEFT JOIN facilities f ON f.id = a.facility_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id as string,
        kind: r.kind as AlertKind,
        subject: { type: r.subject_type as AlertSubjectType, id: r.subject_id as string },
        ...(r.facility_id ? { facilityId: r.facility_id as string, facilityName: r.facility_name as string } : {}),
        ...(r.region_code ? { regionCode: r.region_code as string } : {}),
        message: r.message as string,
        messageEn: r.message_en as string,
        ...(r.due_on ? { dueOn: r.due_on as string } : {}),
        ...(EXPIRING.includes(r.kind as AlertKind) && r.due_on ? { stage: expiryStage(r.due_on as string, today) } : {}),
        ...(r.kind === 'incident_unacknowledged' ? { escalation: r.unit_only ? ('unit' as const) : ('city' as const) } : {}),
        createdAt: (r.created_at as Date).toISOString(),
        ...(r.resolved_at ? { resolvedAt: (r.resolved_at as Date).toISOString() } : {}),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([(last.created_at as Date).toISOString(), last.id as string]) : null,
    };
  }

  /**
   * The caller's open alerts grouped by what they are about: one group per facility, and one per unit for the alerts
   * about no facility (a unit below its target, demand over vacancies), each with its counts by kind; the groups with
   * the most alerts first. A group's alerts are `list` with its `facilityId` or `regionCode`.
   */
  async groups(actor: Actor, query: AlertGroupQuery): Promise<Page<AlertGroupView>> {
    const params: unknown[] = [];
    const where = [...this.inReach(actor, params), 'a.resolved_at IS NULL'];
    if (query.kind) where.push(`a.kind = $${params.push(query.kind)}`);
    const after = decodeCursor(
      query.cursor,
      (v): v is [number, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string',
    );
    const page = after
      ? `WHERE g.count < $${params.push(after[0])} OR (g.count = $${params.length} AND g.key > $${params.push(after[1])})`
      : '';
    const rows: {
      facility_id: string | null;
      facility_name: string | null;
      region_code: string | null;
      region_name: string | null;
      count: number;
      kinds: { kind: AlertKind; count: number }[];
      due_on: string | null;
      key: string;
    }[] = await this.dataSource.query(
      `WITH by_kind AS (
         SELECT a.facility_id, CASE WHEN a.facility_id IS NULL THEN a.region_code END AS unit_code, a.kind,
                count(*)::int AS n, min(a.due_on) AS due_on
           FROM alerts a WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3
       ), g AS (
         SELECT facility_id, unit_code, coalesce(facility_id::text, unit_code, '') AS key, sum(n)::int AS count,
                jsonb_agg(jsonb_build_object('kind', kind, 'count', n) ORDER BY n DESC, kind) AS kinds, min(due_on) AS due_on
           FROM by_kind GROUP BY facility_id, unit_code
       )
       SELECT g.facility_id, f.name AS facility_name, r.code AS region_code, r.name AS region_name, g.count, g.kinds,
              to_char(g.due_on, 'YYYY-MM-DD') AS due_on, g.key
         FROM (SELECT * FROM g ${page} ORDER BY g.count DESC, g.key LIMIT $${params.push(query.limit + 1)}) g
         LEFT JOIN facilities f ON f.id = g.facility_id
         LEFT JOIN regions r ON r.code = coalesce(f.region_code, g.unit_code)
        ORDER BY g.count DESC, g.key`,
      params,
    );
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        ...(r.facility_id ? { facilityId: r.facility_id, facilityName: r.facility_name! } : {}),
        ...(r.region_code ? { regionCode: r.region_code, regionName: r.region_name! } : {}),
        count: r.count,
        kinds: r.kinds,
        ...(r.due_on ? { dueOn: r.due_on } : {}),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.count, last.key]) : null,
    };
  }

  /** Which alerts the caller may see: its facilities (not the regulators' own delays); its region and agency; all. */
  private inReach(actor: Actor, params: unknown[]): string[] {
    const where: string[] = [];
    const reach = reachOf(actor);
    if (reach.kind === 'owner') {
      where.push(`a.facility_id IN (SELECT id FROM facilities WHERE owner_id = $${params.push(reach.ownerId)})`);
      where.push(`a.kind <> ALL($${params.push(REGULATOR_ONLY_ALERT_KINDS)}::text[])`);
    }
    if (reach.kind === 'region') {
      where.push(reachPredicate(reach, { unitCode: 'a.region_code', ownerId: 'NULL' }, params));
      where.push(`$${params.push(actor.agency)} = ANY(a.agencies)`);
      // Not yet escalated beyond the unit: the unit's own regulators only.
      where.push(`(NOT a.unit_only OR a.region_code = $${params.push(reach.regionCode)})`);
    }
    return where;
  }

  /** The causes in scope, in one array (concat, not push(...): at N the facility causes are 100,000 and more). */
  private async causes(m: EntityManager, today: string, scope: CauseScope): Promise<AlertCause[]> {
    const facilities = scope.facilities === false ? [] : await this.facilityCauses(m, today, scope.facilities, scope.everything);
    const units = scope.units === false ? [] : await this.unitCauses(m, today, scope.units);
    // Complaints: overdue ones, and groups of reports of an unregistered provider (libs/complaints).
    const complaints = scope.everything ? await this.complaints.alertCauses(m, today) : [];
    return facilities.concat(units, complaints);
  }

  /**
   * The facility-level causes of these facilities (`null`: every facility); `staff_multi_listed` only when
   * `crossFacility` (it compares staff across facilities).
   */
  private async facilityCauses(m: EntityManager, today: string, ids: string[] | null, crossFacility: boolean): Promise<AlertCause[]> {
    const until = addDays(today, WINDOW_DAYS);
    const live = "f.status IN ('submitted', 'registered', 'suspended')";
    // Every query below filters its facilities with this, the ids being its last parameter.
    const these = (n: number) => `($${n}::uuid[] IS NULL OR f.id = ANY($${n}::uuid[]))`;
    const out: AlertCause[] = [];
    const soon = (d: string) =>
      d < today ? { zh: `已于 ${d} 过期`, en: `expired on ${d}` } : { zh: `将于 ${d} 到期`, en: `expires on ${d}` };

    const documents: { id: string; region_code: string; type: string; expires_on: string }[] = await m.query(
      `SELECT f.id, f.region_code, d->>'type' AS type, d->>'expiresOn' AS expires_on
         FROM facilities f CROSS JOIN jsonb_array_elements(f.documents) d
        WHERE ${live} AND d->>'expiresOn' IS NOT NULL AND d->>'expiresOn' <= $1 AND ${these(2)}
        ORDER BY f.id, d->>'expiresOn'`,
      [until, ids],
    );
    for (const [facilityId, docs] of group(documents, (d) => d.id)) {
      const first = docs[0]!;
      out.push({
        kind: 'filing_document_expiring',
        subjectType: 'facility',
        subjectId: facilityId,
        facilityId,
        regionCode: first.region_code,
        agencies: ['health'],
        message: `备案材料到期：${docs.map((d) => `${documentName(d.type, 'zh')}${soon(d.expires_on).zh}`).join('；')}`,
        messageEn: `Filing documents: ${docs.map((d) => `${documentName(d.type, 'en')} ${soon(d.expires_on).en}`).join('; ')}`,
        dueOn: first.expires_on,
      });
    }

    const staff: {
      id: string;
      name: string;
      facility_id: string;
      region_code: string;
      cert: string | null;
      qual: string | null;
      multi: boolean;
      checked_on: string | null;
      recheck: boolean;
    }[] = await m.query(
      `SELECT s.id, s.name, s.facility_id, f.region_code,
              CASE WHEN s.health_certificate->>'expiresOn' <= $1 THEN s.health_certificate->>'expiresOn' END AS cert,
              (SELECT min(q->>'expiresOn') FROM jsonb_array_elements(s.qualifications) q WHERE q->>'expiresOn' <= $1) AS qual,
              ${multiListedSql('s', 'enteredLater')} AS multi,
              to_char(s.background_checked_on, 'YYYY-MM-DD') AS checked_on,
              (s.background_checked AND (s.background_checked_on IS NULL OR s.background_checked_on < $2::date)) AS recheck
         FROM staff s JOIN facilities f ON f.id = s.facility_id
        WHERE s.ended_on IS NULL AND ${live} AND ${these(3)}`,
      [until, addYears(today, -1), ids],
    );
    for (const s of staff) {
      const base = {
        subjectType: 'staff' as const,
        subjectId: s.id,
        facilityId: s.facility_id,
        regionCode: s.region_code,
        agencies: ['health'],
      };
      if (s.cert)
        out.push({
          ...base,
          kind: 'health_certificate_expiring',
          message: `${s.name}的健康证明${soon(s.cert).zh}`,
          messageEn: `${s.name}'s health certificate ${soon(s.cert).en}`,
          dueOn: s.cert,
        });
      if (s.qual)
        out.push({
          ...base,
          kind: 'qualification_expiring',
          message: `${s.name}的资格证书${soon(s.qual).zh}`,
          messageEn: `${s.name}'s qualification ${soon(s.qual).en}`,
          dueOn: s.qual,
        });
      // Background checks are re-done yearly (docs/domain.md corrections).
      if (s.recheck)
        out.push({
          ...base,
          kind: 'background_check_due',
          message: `${s.name}的背景审查（${s.checked_on ?? '未注明日期'}）已超过一年，须重新审查`,
          messageEn: `${s.name}'s background check (${s.checked_on ?? 'undated'}) is more than a year old: re-check due`,
          dueOn: s.checked_on ? addYears(s.checked_on, 1) : null,
        });
      if (s.multi && crossFacility)
        out.push({
          ...base,
          kind: 'staff_multi_listed',
          message: `${s.name}同时登记在另一家机构，监管部门将核查`,
          messageEn: `${s.name} is also listed at another facility; the regulator will review it`,
          dueOn: null,
        });
    }

    // Rectification orders: the operator's delay (open past the due date, or answered after it), and the regulator's
    // (a response waiting for verification longer than the working days allowed): docs/domain.md "Rectification orders".
    const orders: {
      id: string;
      facility_id: string;
      region_code: string;
      domain: Domain;
      item_code: string;
      status: 'open' | 'responded';
      due_on: string;
      responded_on: string | null;
      overdue: boolean;
    }[] = await m.query(
      `SELECT o.id, o.facility_id, f.region_code, o.domain, o.item_code, o.status, to_char(o.due_on, 'YYYY-MM-DD') AS due_on,
              to_char(${respondedOnSql('o')}, 'YYYY-MM-DD') AS responded_on, ${orderOverdueSql('o', '$1')} AS overdue
         FROM rectification_orders o JOIN facilities f ON f.id = o.facility_id
        WHERE f.status <> 'closed' AND (${orderOverdueSql('o', '$1')} OR o.status = 'responded') AND ${these(2)}`,
      [today, ids],
    );
    const verificationDays = DEFAULT_INSPECTION_CONFIG.verificationWorkingDays;
    for (const o of orders) {
      const item = checklistItem(o.domain, o.item_code);
      const [what, whatEn] = item ? [`「${item.text}」`, `"${item.textEn}"`] : [o.item_code, o.item_code];
      const base = {
        subjectType: 'rectification_order' as const,
        subjectId: o.id,
        facilityId: o.facility_id,
        regionCode: o.region_code,
        agencies: [...new Set([DOMAIN_AGENCY[o.domain], 'health'])],
      };
      if (o.overdue)
        out.push({
          ...base,
          kind: 'rectification_overdue',
          message:
            o.status === 'open'
              ? `整改逾期：${what}应于 ${o.due_on} 前完成`
              : `整改逾期：${what}应于 ${o.due_on} 前完成，${o.responded_on} 才回复`,
          messageEn:
            o.status === 'open'
              ? `Rectification overdue: ${whatEn} was due by ${o.due_on}`
              : `Rectification overdue: ${whatEn} was due by ${o.due_on}, answered only on ${o.responded_on}`,
          dueOn: o.due_on,
        });
      const times = { status: o.status, dueOn: o.due_on, respondedOn: o.responded_on };
      if (o.responded_on && verificationOverdue(times, today, verificationDays)) {
        const due = verificationDueOn(o.responded_on, verificationDays);
        out.push({
          ...base,
          kind: 'verification_overdue',
          message: `整改回复待核查：${what}已于 ${o.responded_on} 回复，超过${verificationDays}个工作日未核查（应于 ${due} 前核查）`,
          messageEn: `Response awaiting verification: ${whatEn} was answered on ${o.responded_on}, more than ${verificationDays} working days ago (verify by ${due})`,
          dueOn: due,
        });
      }
    }

    // Carer ratios of registered facilities, by the national standard's compliance check.
    const registered: { id: string; region_code: string }[] = await m.query(
      `SELECT id, region_code FROM facilities f WHERE f.status = 'registered' AND ${these(1)}`,
      [ids],
    );
    const checks = await this.filing.checksByFacility(
      m,
      registered.map((f) => f.id),
    );
    for (const f of registered) {
      const ratio = checks.get(f.id)?.find((c) => c.code === 'carer_ratio');
      if (ratio && !ratio.ok) {
        out.push({
          kind: 'ratio_breach',
          subjectType: 'facility',
          subjectId: f.id,
          facilityId: f.id,
          regionCode: f.region_code,
          agencies: ['health'],
          message: ratio.detail,
          messageEn: ratio.detailEn,
          dueOn: null,
        });
      }
    }

    // Reviews waiting longer than the deadline in working days (weekends and national holidays excluded): a facility
    // filing (submitted) or a change filing (pending); resolved when decided. For the health regulators in reach.
    const days = this.registry.reviewDeadlineWorkingDays;
    const waiting: { id: string; region_code: string; what: 'filing' | 'change'; since: string }[] = await m.query(
      `SELECT f.id, f.region_code, 'filing' AS what, to_char(f.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS since
         FROM facilities f WHERE f.status = 'submitted' AND f.submitted_at IS NOT NULL AND ${these(1)}
       UNION ALL
       SELECT f.id, f.region_code, 'change', to_char(cf.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
         FROM change_filings cf JOIN facilities f ON f.id = cf.facility_id WHERE cf.status = 'pending' AND ${these(1)}`,
      [ids],
    );
    for (const w of waiting) {
      if (!pastWorkingDayDeadline(w.since, today, days)) continue;
      const due = addWorkingDays(w.since, days);
      const [zh, en] = w.what === 'filing' ? ['备案申请', 'The filing'] : ['变更备案', 'The change filing'];
      out.push({
        kind: 'filing_review_overdue',
        subjectType: 'facility',
        subjectId: w.id,
        facilityId: w.id,
        regionCode: w.region_code,
        agencies: ['health'],
        message: `${zh}于 ${w.since} 提交，已超过${days}个工作日未审核（应于 ${due} 前审核）`,
        messageEn: `${en} submitted on ${w.since} has waited more than ${days} working days (review due by ${due})`,
        dueOn: due,
      });
    }

    // 普惠 recognitions that expire within the window (expired ones are no longer recognised: the daily job).
    const affordable: { id: string; region_code: string; valid_until: string }[] = await m.query(
      `SELECT f.id, f.region_code, to_char(f.affordable_valid_until, 'YYYY-MM-DD') AS valid_until FROM facilities f
        WHERE f.affordable_status = 'recognized' AND f.affordable_valid_until <= $1 AND f.status <> 'closed' AND ${these(2)}`,
      [until, ids],
    );
    for (const a of affordable) {
      out.push({
        kind: 'affordable_recognition_expiring',
        subjectType: 'facility',
        subjectId: a.id,
        facilityId: a.id,
        regionCode: a.region_code,
        agencies: ['health'],
        message: `普惠认定${soon(a.valid_until).zh}`,
        messageEn: `The affordable (普惠) recognition ${soon(a.valid_until).en}`,
        dueOn: a.valid_until,
      });
    }

    return out;
  }

  /** The unit-level causes of these units (`null`: every unit and city). */
  private async unitCauses(m: EntityManager, today: string, codes: string[] | null): Promise<AlertCause[]> {
    const out: AlertCause[] = [];
    // Units (and cities) below this year's trajectory.
    const year = Number(today.slice(0, 4));
    const target = targetFor(year);
    const regions: { code: string; name: string; name_en: string; place_count: number; population: number }[] = await m.query(
      `SELECT r.code, r.name, r.name_en, f.place_count, f.population FROM regions r JOIN region_figures f ON f.region_code = r.code
        WHERE $1::text[] IS NULL OR r.code = ANY($1::text[])`,
      [codes],
    );
    for (const r of regions) {
      const per1000 = placesPer1000(r.place_count, r.population);
      if (r.population > 0 && per1000 < target) {
        out.push({
          kind: 'region_below_target',
          subjectType: 'region',
          subjectId: r.code,
          facilityId: null,
          regionCode: r.code,
          agencies: ['health'],
          message: `${r.name}每千人口托位 ${per1000}，低于 ${year} 年目标 ${target}`,
          messageEn: `${r.name_en}: ${per1000} places per 1,000, below the ${year} target of ${target}`,
          dueOn: null,
        });
      }
    }

    // Units where more children wait (first choice in the unit) than there are vacancies for their age group.
    const demand: { code: string; name: string; name_en: string; age_group: string; waiting: number; vacancies: number }[] = await m.query(
      `SELECT r.code, r.name, r.name_en, g.key AS age_group, g.value::int AS waiting,
              coalesce((SELECT sum(c.places - c.enrolled - c.held) FROM facilities fa JOIN classes c ON c.facility_id = fa.id
                         WHERE fa.region_code = r.code AND fa.status = 'registered'
                           AND (c.age_group = g.key OR (c.age_group = 'mixed' AND g.key IN ('toddler', 'preschool')))), 0)::int AS vacancies
         FROM regions r JOIN region_figures f ON f.region_code = r.code, jsonb_each_text(f.waiting_by_age_group) g
        WHERE r.level <> 'city' AND g.value::int > 0 AND ($1::text[] IS NULL OR r.code = ANY($1::text[]))
        ORDER BY r.code, array_position(ARRAY['infant', 'toddler', 'preschool'], g.key)`,
      [codes],
    );
    for (const [code, rows] of group(
      demand.filter((d) => d.waiting > d.vacancies),
      (d) => d.code,
    )) {
      const r = rows[0]!;
      out.push({
        kind: 'demand_exceeds_vacancies',
        subjectType: 'region',
        subjectId: code,
        facilityId: null,
        regionCode: code,
        agencies: ['health'],
        message: `${r.name}排队儿童多于空余托位：${rows.map((d) => `${ageGroupLabel(d.age_group as AgeGroupName).zh}排队${d.waiting}人、空位${d.vacancies}个`).join('；')}`,
        messageEn: `${r.name_en}: more children waiting than vacancies: ${rows.map((d) => `${ageGroupLabel(d.age_group as AgeGroupName).en} ${d.waiting} waiting, ${d.vacancies} vacant`).join('; ')}`,
        dueOn: null,
      });
    }
    return out;
  }
}

const EXPIRING: AlertKind[] = [
  'filing_document_expiring',
  'health_certificate_expiring',
  'qualification_expiring',
  'affordable_recognition_expiring',
];

/** The daily scan's milestones for expiring things: 30 days ahead, 7 days ahead, expired. */
export function expiryStage(dueOn: string, today: string): 'within_30_days' | 'within_7_days' | 'expired' {
  if (dueOn < today) return 'expired';
  return dueOn <= addDays(today, 7) ? 'within_7_days' : 'within_30_days';
}

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}
