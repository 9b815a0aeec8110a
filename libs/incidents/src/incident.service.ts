import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Clock, decodeCursor, encodeCursor, incidentsConfig, type IncidentsSettings, type Page } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, reachPredicate, type Actor } from '@lib/auth';
import { INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, todayInShanghai, type IncidentKind } from '@lib/standards';
import { FACILITY_HEADINGS_SQL, FacilityService } from '@lib/facilities';
import { InspectionRecordService } from '@lib/inspections';
import { incidentConfigFrom, type IncidentConfig } from './rules/incident-config.js';
import {
  acknowledgingAgencies,
  drillOverdue,
  escalation,
  illnessClusters,
  incidentTransition,
  isLate,
  isPublic,
  nextEscalationAt,
  reportDueAt,
  type IncidentAction,
} from './rules/incident.rules.js';
import { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';
import { IncidentError, IncidentErrorCode, incidentNotFound, invalid, rulesBroken, wrongAgency, wrongState } from './incident.errors.js';
import type {
  CloseIncidentDto,
  CreateDrillDto,
  CreateIncidentDto,
  DrillView,
  IncidentListQuery,
  IncidentView,
  PublicIncidentView,
} from './dto/incident.dto.js';

/** Incidents are reported at facilities that operate or are about to (a closed or draft one has no children). */
const REPORTABLE = ['submitted', 'registered', 'suspended'];

/** The inspection domain that fits each kind: the incident page pre-selects it for "record an inspection". */
export const SUGGESTED_DOMAIN: Readonly<Record<IncidentKind, 'fire' | 'food' | 'building' | 'hygiene'>> = {
  injury: 'building',
  illness: 'hygiene',
  food_poisoning: 'food',
  abuse_allegation: 'hygiene',
  missing_child: 'hygiene',
  fire: 'fire',
  death: 'hygiene',
  other: 'hygiene',
};

const ACTION_WORDS: Record<IncidentAction, { zh: string; en: string }> = {
  acknowledge: { zh: '受理', en: 'acknowledged' },
  update: { zh: '补充进展', en: 'updated' },
  close: { zh: '结案', en: 'closed' },
};

/** One cause of an incident alert, in the shape libs/targets stores alerts. */
export interface IncidentAlertCause {
  kind: 'incident_unacknowledged' | 'incident_reported_late' | 'illness_cluster' | 'drill_overdue';
  subjectType: 'incident' | 'facility';
  subjectId: string;
  facilityId: string;
  regionCode: string;
  agencies: string[];
  /** Only the regulators of the unit itself (not the city-level ones) see it yet. */
  unitOnly: boolean;
  message: string;
  messageEn: string;
  dueOn: string | null;
}

@Injectable()
export class IncidentService {
  private readonly config: IncidentConfig;

  constructor(
    @Inject(incidentsConfig.KEY) settings: IncidentsSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly inspections: InspectionRecordService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {
    this.config = incidentConfigFrom(settings);
  }

  /** The owner reports; a regulator in reach records a report it received (by phone). */
  async report(actor: Actor, facilityId: string, dto: CreateIncidentDto): Promise<IncidentView> {
    const now = this.clock.now();
    const occurredAt = new Date(dto.occurredAt);
    if (occurredAt.getTime() > now.getTime()) {
      throw invalid([
        {
          field: 'occurredAt',
          code: 'invalid',
          message: { zh: 'occurredAt 不能晚于当前时间', en: 'occurredAt must not be in the future' },
        },
      ]);
    }
    const id = await this.dataSource.transaction(async (m) => {
      const facility = await this.facilities.inReach(m, reachOf(actor), facilityId, true);
      if (!REPORTABLE.includes(facility.status)) {
        throw new IncidentError(IncidentErrorCode.FacilityState, {
          zh: `机构状态为「${facility.status}」，不能报告突发事件`,
          en: `The facility is ${facility.status}: no incident can be reported for it`,
        });
      }
      if (dto.hospitalized > dto.childrenAffected) {
        throw rulesBroken([
          {
            field: 'hospitalized',
            code: 'hospitalized_exceeds_affected',
            message: { zh: '住院人数不能多于受影响儿童人数', en: 'hospitalized cannot exceed childrenAffected' },
          },
        ]);
      }
      const dueAt = reportDueAt(dto.kind, dto.severity, occurredAt, this.config);
      const incident = await m.save(
        m.create(IncidentEntity, {
          facilityId,
          // A copy of the facility's unit (locked above, so a move waits for this report and the worker then moves it).
          regionCode: facility.regionCode,
          kind: dto.kind,
          severity: dto.severity,
          occurredAt,
          occurredOn: todayInShanghai(occurredAt),
          reportedAt: now,
          reportDueAt: dueAt,
          late: isLate(now, dueAt),
          status: 'reported',
          childrenAffected: dto.childrenAffected,
          hospitalized: dto.hospitalized,
          description: dto.description,
          actionsTaken: dto.actionsTaken,
          reportedBy: actor.id,
          reportedVia: actor.role === 'operator' ? 'operator' : 'regulator',
        }),
      );
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'incident.reported',
        changes: {
          incidentId: incident.id,
          kind: dto.kind,
          severity: dto.severity,
          occurredAt: occurredAt.toISOString(),
          childrenAffected: dto.childrenAffected,
          hospitalized: dto.hospitalized,
          late: incident.late,
        },
      });
      await this.outbox.record(m, { type: 'incident.changed', facilityId, incidentId: incident.id });
      return incident.id;
    });
    return this.view(this.dataSource.manager, id);
  }

  async get(actor: Actor, id: string): Promise<IncidentView> {
    await this.inReach(this.dataSource.manager, actor, id);
    return this.view(this.dataSource.manager, id);
  }

  /** Incidents in reach, newest report first. */
  async list(actor: Actor, query: IncidentListQuery): Promise<Page<IncidentView>> {
    const params: unknown[] = [];
    const reach = reachOf(actor);
    // A region's reach and filter read the incident's own copy of its facility's unit: a unit's page is a range of
    // IDX_incidents_region_reported, a city's (its units' codes, a BETWEEN) a range of it and a small top-N sort; the
    // admin's walks IDX_incidents_reported_id. Only an owner's reach needs the facility (its owner).
    const where = [reachPredicate(reach, { unitCode: 'i.region_code', ownerId: 'f.owner_id' }, params)];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`i.kind = $${params.push(query.kind)}`);
    if (query.severity) where.push(`i.severity = $${params.push(query.severity)}`);
    if (query.facilityId) where.push(`i.facility_id = $${params.push(query.facilityId)}`);
    if (query.regionCode) where.push(`i.region_code = $${params.push(query.regionCode)}`);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(i.reported_at, i.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const join = reach.kind === 'owner' ? `JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = i.facility_id` : '';
    const rows: { id: string; reported_at: Date }[] = await this.dataSource.query(
      `SELECT i.id, i.reported_at FROM incidents i ${join}
        WHERE ${where.join(' AND ')} ORDER BY i.reported_at DESC, i.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const items = await this.views(
      this.dataSource.manager,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.reported_at.toISOString(), last.id]) : null };
  }

  /** Health in reach, or the agency of the kind (market: food poisoning; fire: fires). */
  acknowledge(actor: Actor, id: string, note?: string): Promise<IncidentView> {
    return this.step(actor, id, 'acknowledge', async (m, incident, now) => {
      if (actor.role !== 'regulator' || !actor.agency || !acknowledgingAgencies(incident.kind).includes(actor.agency)) {
        throw wrongAgency(ACTION_WORDS.acknowledge);
      }
      return { patch: { acknowledgedAt: now }, entry: { type: 'acknowledged', note: note ?? '' }, changes: note ? { note } : {} };
    });
  }

  /** The owner or any regulator in reach adds a note to the timeline. */
  addUpdate(actor: Actor, id: string, note: string): Promise<IncidentView> {
    return this.step(actor, id, 'update', async () => ({ patch: {}, entry: { type: 'update', note }, changes: { note } }));
  }

  /** Health in reach closes with a finding. */
  close(actor: Actor, id: string, dto: CloseIncidentDto): Promise<IncidentView> {
    return this.step(actor, id, 'close', async (_m, _incident, now) => {
      if (actor.role !== 'regulator' || actor.agency !== 'health') throw wrongAgency(ACTION_WORDS.close);
      return {
        patch: { closedAt: now, finding: dto.finding },
        entry: { type: 'closed', note: dto.note },
        changes: { finding: dto.finding, note: dto.note },
      };
    });
  }

  private async step(
    actor: Actor,
    id: string,
    action: IncidentAction,
    rule: (
      m: EntityManager,
      incident: IncidentEntity,
      now: Date,
    ) => Promise<{
      patch: Partial<IncidentEntity>;
      entry: { type: IncidentUpdateEntity['type']; note: string };
      changes: Record<string, unknown>;
    }>,
  ): Promise<IncidentView> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const incident = await this.inReach(m, actor, id, true);
      const { patch, entry, changes } = await rule(m, incident, now);
      const to = incidentTransition(incident.status, action);
      if (!to) throw wrongState(incident.status, ACTION_WORDS[action]);
      await m.update(IncidentEntity, { id }, { ...patch, status: to });
      await m.insert(IncidentUpdateEntity, {
        incidentId: id,
        at: now,
        type: entry.type,
        actorId: actor.id,
        actorRole: actor.role,
        actorAgency: actor.role === 'regulator' ? actor.agency : null,
        note: entry.note,
      });
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: incident.facilityId,
        actor: { id: actor.id, role: actor.role },
        action: `incident.${action === 'update' ? 'updated' : action === 'close' ? 'closed' : 'acknowledged'}`,
        changes: { incidentId: id, ...(to !== incident.status ? { status: { from: incident.status, to } } : {}), ...changes },
      });
      await this.outbox.record(m, { type: 'incident.changed', facilityId: incident.facilityId, incidentId: id });
    });
    return this.view(this.dataSource.manager, id);
  }

  /** The incident if the caller may see it (through its facility); 404 otherwise, as for an absent one. */
  private async inReach(m: EntityManager, actor: Actor, id: string, lock = false): Promise<IncidentEntity> {
    const incident = await m
      .getRepository(IncidentEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
    if (!incident) throw incidentNotFound();
    await this.facilities.inReach(m, reachOf(actor), incident.facilityId).catch(() => {
      throw incidentNotFound();
    });
    return incident;
  }

  // --- drills -------------------------------------------------------------------------

  async logDrill(actor: Actor, facilityId: string, dto: CreateDrillDto): Promise<DrillView> {
    const today = todayInShanghai(this.clock.now());
    if (dto.heldOn > today) {
      throw invalid([{ field: 'heldOn', code: 'invalid', message: { zh: 'heldOn 不能晚于今天', en: 'heldOn must not be in the future' } }]);
    }
    const id = await this.dataSource.transaction(async (m) => {
      const facility = await this.facilities.inReach(m, reachOf(actor), facilityId, true);
      if (!REPORTABLE.includes(facility.status)) {
        throw new IncidentError(IncidentErrorCode.FacilityState, {
          zh: `机构状态为「${facility.status}」，不能登记演练`,
          en: `The facility is ${facility.status}: no drill can be logged for it`,
        });
      }
      const drill = await m.save(
        m.create(DrillEntity, {
          facilityId,
          kind: dto.kind,
          heldOn: dto.heldOn,
          participants: dto.participants,
          note: dto.note ?? null,
          createdBy: actor.id,
        }),
      );
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: facilityId,
        actor: { id: actor.id, role: actor.role },
        action: 'drill.logged',
        changes: { drillId: drill.id, kind: dto.kind, heldOn: dto.heldOn, participants: dto.participants },
      });
      await this.outbox.record(m, { type: 'drill.logged', facilityId });
      return drill.id;
    });
    return drillView((await this.dataSource.getRepository(DrillEntity).findOneBy({ id }))!);
  }

  /** A facility's drills, latest first. */
  async drills(actor: Actor, facilityId: string): Promise<DrillView[]> {
    await this.facilities.inReach(this.dataSource.manager, reachOf(actor), facilityId);
    const rows = await this.dataSource
      .getRepository(DrillEntity)
      .find({ where: { facilityId }, order: { heldOn: 'DESC', createdAt: 'DESC' } });
    return rows.map(drillView);
  }

  // --- public record ------------------------------------------------------------------

  /** Substantiated serious and critical incidents of the last 3 years (configuration): kind, severity, date, finding. */
  async publicIncidents(facilityIds: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, PublicIncidentView[]>> {
    const out = new Map<string, PublicIncidentView[]>();
    if (facilityIds.length === 0) return out;
    const today = todayInShanghai(this.clock.now());
    const rows: {
      facility_id: string;
      kind: IncidentKind;
      severity: IncidentEntity['severity'];
      occurred_on: string;
      status: 'closed';
      finding: string;
    }[] = await m.query(
      `SELECT facility_id, kind, severity, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, status, finding
           FROM incidents WHERE facility_id = ANY($1::uuid[]) AND status = 'closed' AND finding = 'substantiated'
          ORDER BY occurred_at DESC`,
      [facilityIds],
    );
    for (const r of rows) {
      const incident = { severity: r.severity, status: r.status, finding: r.finding, occurredOn: r.occurred_on };
      if (!isPublic(incident, today, this.config)) continue;
      out.set(r.facility_id, [
        ...(out.get(r.facility_id) ?? []),
        { kind: r.kind, severity: r.severity, occurredOn: r.occurred_on, finding: 'substantiated' },
      ]);
    }
    return out;
  }

  // --- alerts (libs/targets stores them) ---------------------------------------------

  /**
   * Every standing cause of an incident alert at `now`: unacknowledged serious or critical incidents (unit after 2 h,
   * city too after 4 h), late reports not yet closed, open illness clusters, overdue fire evacuation drills.
   */
  async alertCauses(m: EntityManager, now: Date): Promise<IncidentAlertCause[]> {
    const c = this.config;
    const out: IncidentAlertCause[] = [];
    const today = todayInShanghai(now);
    const label = (kind: IncidentKind) => INCIDENT_KIND_LABELS[kind];

    // Open incidents only (IDX_incidents_reported serves the unacknowledged; the rest are few).
    const open: (Pick<IncidentEntity, 'id' | 'facilityId' | 'kind' | 'severity' | 'status' | 'late'> & {
      reportedAt: Date;
      reportDueAt: Date;
      regionCode: string;
      facilityName: string;
    })[] = await m.query(
      `SELECT i.id, i.facility_id AS "facilityId", i.kind, i.severity, i.status, i.late, i.reported_at AS "reportedAt",
              i.report_due_at AS "reportDueAt", f.region_code AS "regionCode", f.name AS "facilityName"
         FROM incidents i JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = i.facility_id
        WHERE i.status <> 'closed'`,
    );
    for (const i of open) {
      const base = { subjectType: 'incident' as const, subjectId: i.id, facilityId: i.facilityId, regionCode: i.regionCode };
      const what = `${i.facilityName}：${INCIDENT_SEVERITY_LABELS[i.severity].zh}${label(i.kind).zh}事件`;
      const whatEn = `${i.facilityName}: ${INCIDENT_SEVERITY_LABELS[i.severity].en.toLowerCase()} ${label(i.kind).en.toLowerCase()} incident`;
      const step = escalation(i, now, c);
      if (step !== 'none') {
        const hours = step === 'city' ? c.acknowledge.cityHours : c.acknowledge.unitHours;
        out.push({
          ...base,
          kind: 'incident_unacknowledged',
          agencies: acknowledgingAgencies(i.kind),
          unitOnly: step === 'unit',
          message: `${what}报告后超过 ${hours} 小时未受理${step === 'city' ? '（已上报市级）' : ''}`,
          messageEn: `${whatEn} not acknowledged ${hours} h after the report${step === 'city' ? ' (escalated to the city)' : ''}`,
          dueOn: null,
        });
      }
      if (i.late) {
        out.push({
          ...base,
          kind: 'incident_reported_late',
          agencies: acknowledgingAgencies(i.kind),
          unitOnly: false,
          message: `${what}迟报：应于 ${shanghaiTime(i.reportDueAt)} 前报告，实际 ${shanghaiTime(i.reportedAt)}`,
          messageEn: `${whatEn} reported late: due by ${shanghaiTime(i.reportDueAt)}, reported ${shanghaiTime(i.reportedAt)}`,
          dueOn: todayInShanghai(i.reportDueAt),
        });
      }
    }

    // Illness clusters: illness incidents not closed, with those they may cluster with.
    const ill: {
      id: string;
      facility_id: string;
      region_code: string;
      name: string;
      occurred_at: Date;
      children_affected: number;
      status: 'reported' | 'acknowledged' | 'closed';
      finding: string | null;
    }[] = await m.query(
      `SELECT i.id, i.facility_id, f.region_code, f.name, i.occurred_at, i.children_affected, i.status, i.finding
           FROM incidents i JOIN (${FACILITY_HEADINGS_SQL}) f ON f.id = i.facility_id
          WHERE i.kind = 'illness'
            AND i.facility_id IN (SELECT facility_id FROM incidents WHERE kind = 'illness' AND status <> 'closed')
          ORDER BY i.facility_id, i.occurred_at`,
    );
    const byFacility = new Map<string, typeof ill>();
    for (const r of ill) byFacility.set(r.facility_id, [...(byFacility.get(r.facility_id) ?? []), r]);
    for (const [facilityId, rows] of byFacility) {
      const clusters = illnessClusters(
        rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at,
          childrenAffected: r.children_affected,
          status: r.status,
          unsubstantiated: r.finding === 'unsubstantiated',
        })),
        c,
      );
      const first = rows[0]!;
      for (const cluster of clusters) {
        out.push({
          kind: 'illness_cluster',
          subjectType: 'facility',
          subjectId: facilityId,
          facilityId,
          regionCode: first.region_code,
          agencies: ['health'],
          unitOnly: false,
          message: `${first.name}：${c.illnessCluster.days} 天内 ${cluster.ids.length} 起疾病事件，共 ${cluster.children} 名儿童（自 ${todayInShanghai(cluster.from)}）`,
          messageEn: `${first.name}: ${cluster.ids.length} illness incidents affecting ${cluster.children} children within ${c.illnessCluster.days} days (from ${todayInShanghai(cluster.from)})`,
          dueOn: null,
        });
        break; // one open alert per facility and kind: the earliest open cluster speaks for it
      }
    }

    // Registered facilities without a fire evacuation drill for the interval (IDX_drills_facility_kind_held).
    const drills: { id: string; region_code: string; name: string; registered_on: string | null; last_on: string | null }[] = await m.query(
      `SELECT f.id, f.region_code, f.name, to_char(f.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS registered_on,
              (SELECT to_char(max(d.held_on), 'YYYY-MM-DD') FROM drills d WHERE d.facility_id = f.id AND d.kind = 'fire_evacuation') AS last_on
         FROM (${FACILITY_HEADINGS_SQL}) f WHERE f.status = 'registered'`,
    );
    for (const d of drills) {
      if (!drillOverdue(d.last_on, d.registered_on ?? today, today, c)) continue;
      out.push({
        kind: 'drill_overdue',
        subjectType: 'facility',
        subjectId: d.id,
        facilityId: d.id,
        regionCode: d.region_code,
        agencies: ['health', 'fire'],
        unitOnly: false,
        message: d.last_on
          ? `${d.name}：超过 ${c.drillIntervalDays} 天未进行消防疏散演练（上次 ${d.last_on}）`
          : `${d.name}：备案以来超过 ${c.drillIntervalDays} 天未进行消防疏散演练`,
        messageEn: d.last_on
          ? `${d.name}: no fire evacuation drill for over ${c.drillIntervalDays} days (last ${d.last_on})`
          : `${d.name}: no fire evacuation drill in the ${c.drillIntervalDays}+ days since registration`,
        dueOn: null,
      });
    }
    return out;
  }

  // --- views ------------------------------------------------------------------------

  private async view(m: EntityManager, id: string): Promise<IncidentView> {
    return (await this.views(m, [id]))[0]!;
  }

  private async views(m: EntityManager, ids: string[]): Promise<IncidentView[]> {
    if (ids.length === 0) return [];
    const now = this.clock.now();
    const incidents = await m.getRepository(IncidentEntity).findBy({ id: In(ids) });
    const facilityIds = [...new Set(incidents.map((i) => i.facilityId))];
    const [updates, facilities, inspections, actions] = await Promise.all([
      m.getRepository(IncidentUpdateEntity).find({ where: { incidentId: In(ids) }, order: { at: 'ASC', id: 'ASC' } }),
      m.query(`SELECT f.id, f.name, f.region_code FROM (${FACILITY_HEADINGS_SQL}) f WHERE f.id = ANY($1::uuid[])`, [
        facilityIds,
      ]) as Promise<{ id: string; name: string; region_code: string }[]>,
      this.inspections.byIncidents(ids),
      // Suspensions and closures decided with an incidentId (libs/filing records it in the audit entry).
      this.audit.entriesNaming(m, {
        subjectType: 'facility',
        subjectIds: facilityIds,
        actions: ['facility.suspend', 'facility.close'],
        key: 'incidentId',
        values: ids,
      }),
    ]);
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const facilityBy = new Map(facilities.map((f) => [f.id, f]));
    return ids.map((id) => {
      const i = byId.get(id)!;
      const f = facilityBy.get(i.facilityId)!;
      const next = nextEscalationAt(i, now, this.config);
      return {
        id: i.id,
        facilityId: i.facilityId,
        facilityName: f.name,
        regionCode: f.region_code,
        kind: i.kind,
        severity: i.severity,
        occurredAt: i.occurredAt.toISOString(),
        reportedAt: i.reportedAt.toISOString(),
        reportDueAt: i.reportDueAt.toISOString(),
        late: i.late,
        status: i.status,
        childrenAffected: i.childrenAffected,
        hospitalized: i.hospitalized,
        description: i.description,
        actionsTaken: i.actionsTaken,
        reportedVia: i.reportedVia,
        acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
        closedAt: i.closedAt?.toISOString() ?? null,
        finding: i.finding,
        escalation: escalation(i, now, this.config),
        nextEscalationAt: next?.toISOString() ?? null,
        suggestedDomain: SUGGESTED_DOMAIN[i.kind],
        timeline: updates
          .filter((u) => u.incidentId === id)
          .map((u) => ({
            at: u.at.toISOString(),
            type: u.type,
            actor: { role: u.actorRole, ...(u.actorAgency ? { agency: u.actorAgency } : {}) },
            note: u.note,
          })),
        links: {
          inspections: inspections.get(id) ?? [],
          facilityActions: actions
            .filter((a) => a.value === id)
            .map((a) => ({
              action: a.action === 'facility.close' ? ('close' as const) : ('suspend' as const),
              at: new Date(a.at).toISOString(),
              reason: typeof a.changes.reason === 'string' ? a.changes.reason : null,
            })),
        },
      };
    });
  }
}

function drillView(d: DrillEntity): DrillView {
  return {
    id: d.id,
    facilityId: d.facilityId,
    kind: d.kind,
    heldOn: d.heldOn,
    participants: d.participants,
    note: d.note,
    createdAt: d.createdAt.toISOString(),
  };
}

/** "2026-12-05 09:40" in Asia/Shanghai. */
function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
