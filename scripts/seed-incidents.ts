import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditService } from '@lib/audit';
import type { AuthService } from '@lib/auth';
import { facilitiesByIds, facilitiesWithStatus, writeLifecycleStep } from '@lib/facilities';
import {
  countIncidents,
  DEFAULT_INCIDENT_CONFIG,
  isLate,
  loadDrills,
  loadIncidents,
  reportDueAt,
  type DrillEntity,
  type IncidentEntity,
  type IncidentUpdateEntity,
} from '@lib/incidents';
import type { OutboxService } from '@lib/events';
import { todayInShanghai, type IncidentFinding, type IncidentKind, type IncidentSeverity } from '@lib/standards';

/**
 * Demo incidents and drills (issue #15, docs/incidents.md), deterministic with the demo's PRNG: over the past three
 * years mostly minor injuries, some illnesses and one illness cluster (open, this week), one substantiated food
 * poisoning, one substantiated abuse allegation that led to a suspension; a few recent ones still unacknowledged (one
 * past 4 hours, escalated to the city; one within the first 2 hours) and one reported late. Fire evacuation drills
 * every two to three months at most registered facilities, some overdue. Runs when there are no incidents yet. Writes
 * through the owning libraries' loaders (docs/architecture.md "Table ownership").
 */
export async function seedIncidents(
  ds: DataSource,
  audit: AuditService,
  auth: AuthService,
  outbox: OutboxService,
  rand: () => number,
  recomputeFigures: () => Promise<void>,
): Promise<void> {
  if ((await countIncidents(ds.manager)) > 0) return;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;
  const now = Date.now();
  const facilities = await facilitiesWithStatus(ds.manager, ['registered']);
  if (facilities.length < 10) return;
  const regulators = await auth.usersWithRole('regulator');
  const healthId = regulators.find((r) => r.agency === 'health')?.id ?? null;
  const incidents: Partial<IncidentEntity>[] = [];
  const updates: Partial<IncidentUpdateEntity>[] = [];

  const add = (
    f: { id: string; owner_id: string; registered_at: Date },
    spec: {
      kind: IncidentKind;
      severity: IncidentSeverity;
      occurredAgoMs: number;
      reportAfterMs?: number;
      children: number;
      hospitalized?: number;
      description: string;
      actionsTaken: string;
      close?: IncidentFinding | null;
      acknowledge?: boolean;
      closeNote?: string;
    },
  ): string => {
    const id = randomUUID();
    const occurredAt = new Date(Math.max(f.registered_at.getTime() + HOUR, now - spec.occurredAgoMs));
    const reportedAt = new Date(Math.min(now, occurredAt.getTime() + (spec.reportAfterMs ?? between(10, 90) * 60_000)));
    const dueAt = reportDueAt(spec.kind, spec.severity, occurredAt, DEFAULT_INCIDENT_CONFIG);
    const acknowledgedAt =
      spec.acknowledge || spec.close ? new Date(Math.min(now, reportedAt.getTime() + between(20, 100) * 60_000)) : null;
    const closedAt = spec.close ? new Date(Math.min(now, reportedAt.getTime() + between(2, 20) * DAY)) : null;
    incidents.push({
      id,
      facilityId: f.id,
      kind: spec.kind,
      severity: spec.severity,
      occurredAt,
      occurredOn: todayInShanghai(occurredAt),
      reportedAt,
      reportDueAt: dueAt,
      late: isLate(reportedAt, dueAt),
      status: closedAt ? 'closed' : acknowledgedAt ? 'acknowledged' : 'reported',
      childrenAffected: spec.children,
      hospitalized: spec.hospitalized ?? 0,
      description: spec.description,
      actionsTaken: spec.actionsTaken,
      reportedBy: f.owner_id,
      reportedVia: 'operator',
      acknowledgedAt,
      closedAt,
      finding: spec.close ?? null,
      createdAt: reportedAt,
    });
    if (acknowledgedAt) {
      updates.push({
        incidentId: id,
        at: acknowledgedAt,
        type: 'acknowledged',
        actorId: healthId,
        actorRole: 'regulator',
        actorAgency: 'health',
        note: '已受理，安排核查',
      });
    }
    if (closedAt) {
      updates.push({
        incidentId: id,
        at: new Date(closedAt.getTime() - DAY),
        type: 'update',
        actorId: f.owner_id,
        actorRole: 'operator',
        actorAgency: null,
        note: '幼儿已康复返园，已向家长说明情况',
      });
      updates.push({
        incidentId: id,
        at: closedAt,
        type: 'closed',
        actorId: healthId,
        actorRole: 'regulator',
        actorAgency: 'health',
        note: spec.closeNote ?? '经核查，情况属实，机构已整改',
      });
    }
    return id;
  };

  const INJURIES = [
    ['户外活动时从滑梯跌落，膝盖擦伤', '保健医生消毒包扎，通知家长'],
    ['午睡起床时撞到床栏，额头红肿', '冷敷观察，通知家长'],
    ['进餐时被热汤轻微烫伤手背', '冷水冲洗后涂药，通知家长，检查保温桶温度'],
    ['与同伴争抢玩具时被抓伤面部', '消毒处理，与双方家长沟通'],
    ['上下楼梯时绊倒，手腕扭伤', '送医拍片，无骨折'],
  ] as const;
  // Minor injuries spread over three years: most found substantiated (the facility's care) or no fault.
  for (let i = 0; i < 140; i++) {
    const f = pick(facilities);
    const [description, actionsTaken] = pick(INJURIES);
    const ago = between(3, 3 * 365) * DAY;
    add(f, {
      kind: 'injury',
      severity: rand() < 0.9 ? 'minor' : 'serious',
      occurredAgoMs: ago,
      reportAfterMs: rand() < 0.05 ? between(80, 120) * HOUR : undefined,
      children: 1,
      hospitalized: rand() < 0.15 ? 1 : 0,
      description,
      actionsTaken,
      close: ago > 20 * DAY ? (rand() < 0.6 ? 'no_fault' : 'substantiated') : null,
      acknowledge: true,
    });
  }
  // Illnesses: a few over the years.
  for (let i = 0; i < 18; i++) {
    const f = pick(facilities);
    add(f, {
      kind: 'illness',
      severity: rand() < 0.8 ? 'minor' : 'serious',
      occurredAgoMs: between(30, 3 * 365) * DAY,
      children: between(1, 2),
      description: pick(['晨检发现发热，体温 38.5℃', '午后出现呕吐、腹泻', '手部出现疱疹，疑似手足口病']),
      actionsTaken: '隔离观察，通知家长接回就医，教室消毒',
      close: rand() < 0.5 ? 'no_fault' : 'substantiated',
    });
  }
  // One illness cluster this week, still open (illness_cluster alert).
  const clusterAt = facilities[3]!;
  for (const [days, children] of [
    [5, 1],
    [3, 2],
    [1, 2],
  ] as const) {
    add(clusterAt, {
      kind: 'illness',
      severity: 'minor',
      occurredAgoMs: days * DAY + 3 * HOUR,
      children,
      description: '手部、口腔出现疱疹，疑似手足口病',
      actionsTaken: '患儿居家隔离，班级停课消毒，已报告疾控中心',
      acknowledge: days > 1,
    });
  }
  // One food poisoning, substantiated (public for three years).
  add(facilities[11]!, {
    kind: 'food_poisoning',
    severity: 'serious',
    occurredAgoMs: 240 * DAY,
    children: 6,
    hospitalized: 2,
    description: '午餐后 6 名幼儿出现呕吐、腹痛',
    actionsTaken: '送医治疗，封存留样，报告市场监管部门',
    close: 'substantiated',
    closeNote: '留样检测确认凉拌菜受污染，食堂停业整改',
  });
  // One substantiated abuse allegation that led to a suspension.
  const suspendedAt = facilities[17]!;
  const abuse = add(suspendedAt, {
    kind: 'abuse_allegation',
    severity: 'critical',
    occurredAgoMs: 45 * DAY,
    children: 1,
    description: '家长反映幼儿身上有掐痕，怀疑保育人员体罚',
    actionsTaken: '涉事保育人员停岗，调取监控并报警',
    close: 'substantiated',
    closeNote: '监控显示保育人员存在体罚行为，已解聘并移交公安',
  });
  // Recent ones waiting: one past 4 hours (escalated to the city), one within the first 2 hours, one reported late.
  add(facilities[23]!, {
    kind: 'injury',
    severity: 'serious',
    occurredAgoMs: 5 * HOUR,
    reportAfterMs: 30 * 60_000,
    children: 1,
    hospitalized: 1,
    description: '户外攀爬架跌落，右臂疑似骨折',
    actionsTaken: '拨打 120 送医，通知家长',
  });
  add(facilities[29]!, {
    kind: 'missing_child',
    severity: 'critical',
    occurredAgoMs: 70 * 60_000,
    reportAfterMs: 30 * 60_000,
    children: 1,
    description: '离园时一名幼儿未被家长接到，短时走失，20 分钟后在小区找到',
    actionsTaken: '报警并通知家长，幼儿已安全回家；复查接送交接制度',
  });
  add(facilities[31]!, {
    kind: 'injury',
    severity: 'serious',
    occurredAgoMs: 30 * HOUR,
    reportAfterMs: 28 * HOUR,
    children: 1,
    hospitalized: 1,
    description: '午睡时从床上坠落，锁骨骨折（次日报告）',
    actionsTaken: '送医治疗，床铺加装护栏',
    acknowledge: true,
  });
  await loadIncidents(ds.manager, incidents, updates);
  // Substantiated findings count for the operator's credit (libs/credit): their events let the worker recompute it.
  for (const incident of incidents.filter((i) => i.finding === 'substantiated'))
    await outbox.record(ds.manager, { type: 'incident.changed', facilityId: incident.facilityId!, incidentId: incident.id! });

  // The suspension that followed the abuse allegation, linked to it in the audit trail.
  const suspension = new Date(now - 44 * DAY);
  await ds.transaction(async (m) => {
    const [facility] = await facilitiesByIds(m, [suspendedAt.id]);
    await writeLifecycleStep(m, facility!, 'suspended', { statusReason: '虐童指控属实，暂停收托整改' });
    await audit.record(m, {
      subjectType: 'facility',
      subjectId: suspendedAt.id,
      actor: { id: healthId, role: 'regulator' },
      action: 'facility.suspend',
      changes: {
        status: { from: 'registered', to: 'suspended' },
        reason: '虐童指控属实，暂停收托整改',
        incidentId: abuse,
        at: suspension.toISOString(),
        demo: true,
      },
    });
  });
  await recomputeFigures();

  // Drills: fire evacuation every 60–100 days over the past year at most facilities (about one in ten has let it lapse).
  const drills: Partial<DrillEntity>[] = [];
  for (const f of facilities) {
    const lapsed = rand() < 0.1;
    let ago = lapsed ? between(95, 200) : between(1, 60);
    while (ago < 365 && f.registered_at.getTime() < now - ago * DAY) {
      drills.push({
        facilityId: f.id,
        kind: 'fire_evacuation',
        heldOn: todayInShanghai(new Date(now - ago * DAY)),
        participants: between(20, 120),
        note: `全园疏散用时 ${between(2, 4)} 分 ${between(0, 59)} 秒`,
        createdBy: f.owner_id,
      });
      ago += between(60, 100);
    }
    if (rand() < 0.5) {
      drills.push({
        facilityId: f.id,
        kind: 'injury_first_aid',
        heldOn: todayInShanghai(new Date(now - between(10, 300) * DAY)),
        participants: between(5, 20),
        note: '海姆立克急救法与外伤包扎演练',
        createdBy: f.owner_id,
      });
    }
  }
  await loadDrills(ds.manager, drills);
  console.log(`seed-demo: ${incidents.length} incidents, ${drills.length} drills`);
}
